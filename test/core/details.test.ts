import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  type DetailsSort,
  detailsColumns,
  detailsPage,
  detailsRows,
  firstInOrder,
  pathText,
} from '../../src/core/details.js';
import { TENANT } from './records-helper.js';

const RANGE = { from: '2025-03-01', to: '2025-03-03' };

describe('the details table', () => {
  it('has one row per date × connector, by date then direction, no-connector path first, then name', () => {
    const rows = detailsRows(TENANT, RANGE, { kind: 'all' });
    expect(rows.map((row) => `${row.date} ${pathText(row)} ${row.messages}`)).toEqual([
      '2025-03-01 Inbound - From the internet without a connector 1000',
      '2025-03-01 Inbound - Fabrikam In 100',
      '2025-03-01 Outbound - To the internet without a connector 500',
      '2025-03-03 Inbound - From the internet without a connector 3',
      '2025-03-03 Inbound - Fabrikam In 0',
      '2025-03-03 Outbound - Woodgrove Out 100',
    ]);
  });

  it('gives each row its one-decimal shares, and none at all for a row without messages', () => {
    const rows = detailsRows(TENANT, RANGE, { kind: 'all' });
    expect(rows[0]?.shares).toMatchObject({ none: 10, 'tls1.2': 90 });
    expect(rows[3]?.shares).toMatchObject({ none: 33.3, 'tls1.2': 66.7 });
    expect(rows[4]?.shares.none).toBeNull();
    expect(rows[1]).toMatchObject({ connectorType: 'Partner', forcedTls: true });
  });

  it('shows the portal nine columns, and TLS 1.3 only when a row in range has TLS 1.3 mail', () => {
    const inboundOnly = detailsRows(TENANT, RANGE, { kind: 'no-connector', direction: 'inbound' });
    expect(inboundOnly).toHaveLength(2);
    expect(detailsColumns(inboundOnly)).toEqual([
      'date',
      'connector',
      'type',
      'forcedTls',
      'none',
      'tls1.0',
      'tls1.1',
      'tls1.2',
      'volume',
    ]);
    expect(detailsColumns(detailsRows(TENANT, RANGE, { kind: 'all' }))).toContain('tls1.3');
  });

  it('keeps only the range and the selection', () => {
    const rows = detailsRows(
      TENANT,
      { from: '2025-03-03', to: '2025-03-03' },
      {
        kind: 'connector',
        direction: 'outbound',
        connector: 'Woodgrove Out',
      },
    );
    expect(rows.map((row) => [row.date, row.connector, row.tls.none, row.tls['tls1.3']])).toEqual([
      ['2025-03-03', 'Woodgrove Out', 26, 74],
    ]);
  });

  it('sorts by a clicked column either way, ties in the natural order, empty shares first ascending', () => {
    const sorted = (sort: DetailsSort) => detailsPage(TENANT, RANGE, { kind: 'all' }, sort).rows;
    const byVolume = sorted({ column: 'volume', direction: 'descending' });
    expect(byVolume.map((row) => row.messages)).toEqual([1000, 500, 100, 100, 3, 0]);
    // The two 100s keep date order: Fabrikam on 03-01 before Woodgrove on 03-03.
    expect(byVolume.slice(2, 4).map((row) => row.connector)).toEqual(['Fabrikam In', 'Woodgrove Out']);
    const byNoTls = sorted({ column: 'none', direction: 'ascending' });
    expect(byNoTls.map((row) => row.shares.none)).toEqual([null, 0, 0, 10, 26, 33.3]);
    const byPath = sorted({ column: 'connector', direction: 'ascending' });
    expect(byPath.map((row) => pathText(row))[0]).toBe('Inbound - Fabrikam In');
  });

  it('sorts newest first with connectors of a day still in the natural order', () => {
    const rows = detailsPage(
      TENANT,
      RANGE,
      { kind: 'all' },
      { column: 'date', direction: 'descending' },
    ).rows;
    expect(rows.map((row) => `${row.date} ${pathText(row)}`)).toEqual([
      '2025-03-03 Inbound - From the internet without a connector',
      '2025-03-03 Inbound - Fabrikam In',
      '2025-03-03 Outbound - Woodgrove Out',
      '2025-03-01 Inbound - From the internet without a connector',
      '2025-03-01 Inbound - Fabrikam In',
      '2025-03-01 Outbound - To the internet without a connector',
    ]);
  });

  it('gives the same first rows for every page size as the full sort does', () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 0, max: 20 }), { maxLength: 60 }),
        fc.nat(70),
        (values, limit) => {
          const compare = (a: number, b: number) => (values[a] as number) - (values[b] as number) || a - b;
          const full = values.map((_, index) => index).sort(compare);
          expect(firstInOrder(values.length, limit, compare)).toEqual(full.slice(0, limit));
        },
      ),
    );
  });

  it('builds only the first rows of the sorted whole, and says how many there are in all', () => {
    const page = detailsPage(
      TENANT,
      RANGE,
      { kind: 'all' },
      { column: 'volume', direction: 'descending' },
      2,
    );
    expect(page.rows.map((row) => row.messages)).toEqual([1000, 500]);
    expect(page.total).toBe(6);
    expect(page.columns).toContain('tls1.3');
  });
});
