/**
 * The aggregates read month blocks through their day indexes (src/core/block-index.ts): a range
 * adds the days inside a month, or the month's totals less the days outside, and the details in
 * date order are taken day by day. Checked here against sums and sorts over plain records, for
 * any records, range and selection.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { compareConnectors, summarizeColumns } from '../../src/core/aggregate.js';
import { blockIndex } from '../../src/core/block-index.js';
import { addDays } from '../../src/core/dates.js';
import { detailsPageOf } from '../../src/core/details.js';
import {
  type DateRange,
  emptyCounts,
  type MailflowRecord,
  messageCount,
  TLS_BUCKETS,
  type TlsCounts,
} from '../../src/core/model.js';
import { columnsOf } from '../../src/core/record-columns.js';
import { type ConnectorSelection, selectionMatches } from '../../src/core/selection.js';
import { dailySeriesOf, datesOf } from '../../src/core/series.js';

const CONNECTORS = [null, 'Alpha', 'Beta', 'Gamma'] as const;
const FIRST = '2025-01-25';

const recordArbitrary = fc.record({
  day: fc.nat({ max: 70 }),
  inbound: fc.boolean(),
  connector: fc.constantFrom(...CONNECTORS),
  forced: fc.constantFrom(null, true, false),
  counts: fc.array(fc.nat({ max: 1000 }), { minLength: 6, maxLength: 6 }),
});

/** Records keyed like the store's: one per date, direction and connector (the last one wins). */
type Drawn = typeof recordArbitrary extends fc.Arbitrary<infer T> ? T : never;

function recordsOf(drawn: Drawn[]): MailflowRecord[] {
  const byKey = new Map<string, MailflowRecord>();
  for (const { day, inbound, connector, forced, counts } of drawn) {
    const record: MailflowRecord = {
      date: addDays(FIRST, day),
      direction: inbound ? 'inbound' : 'outbound',
      connector,
      connectorType: connector === null ? null : 'Partner',
      forcedTls: forced,
      counts: Object.fromEntries(TLS_BUCKETS.map((bucket, at) => [bucket, counts[at] ?? 0])) as TlsCounts,
    };
    byKey.set(`${record.date}|${record.direction}|${connector}`, record);
  }
  return [...byKey.values()];
}

const rangeArbitrary = fc
  .tuple(fc.integer({ min: -5, max: 75 }), fc.integer({ min: 0, max: 80 }))
  .map(([start, length]): DateRange => ({ from: addDays(FIRST, start), to: addDays(FIRST, start + length) }));

const selectionArbitrary: fc.Arbitrary<ConnectorSelection> = fc.oneof(
  fc.constant({ kind: 'all' } as const),
  fc.constantFrom('inbound', 'outbound').map((direction) => ({ kind: 'no-connector', direction }) as const),
  fc
    .tuple(fc.constantFrom('inbound', 'outbound'), fc.constantFrom('Alpha', 'Beta', 'Gamma'))
    .map(([direction, connector]) => ({ kind: 'connector', direction, connector }) as const),
);

const inRange = (record: MailflowRecord, range: DateRange) =>
  record.date >= range.from && record.date <= range.to;

function added(records: readonly MailflowRecord[]): TlsCounts {
  const total = emptyCounts();
  for (const record of records) for (const bucket of TLS_BUCKETS) total[bucket] += record.counts[bucket];
  return total;
}

describe('aggregates through the block indexes', () => {
  it('sum a range like a sum over its records, in every direction and connector', () => {
    fc.assert(
      fc.property(fc.array(recordArbitrary, { maxLength: 150 }), rangeArbitrary, (drawn, range) => {
        const records = recordsOf(drawn);
        const columns = columnsOf(records);
        const summary = summarizeColumns(columns, range);
        const inside = records.filter((record) => inRange(record, range));
        for (const direction of ['inbound', 'outbound'] as const) {
          expect(summary.directions[direction].tls).toEqual(
            added(inside.filter((record) => record.direction === direction)),
          );
        }
        const keys = new Set(inside.map((record) => `${record.direction}|${record.connector}`));
        expect(summary.connectors.map((totals) => `${totals.direction}|${totals.connector}`).sort()).toEqual(
          [...keys].sort(),
        );
        for (const totals of summary.connectors) {
          expect(totals.tls).toEqual(
            added(
              inside.filter(
                (record) => record.direction === totals.direction && record.connector === totals.connector,
              ),
            ),
          );
        }
        // Asked again, from the index now built: the same.
        expect(summarizeColumns(columns, range)).toEqual(summary);
      }),
      { numRuns: 300 },
    );
  });

  it("give each date of a range the selection's counts", () => {
    fc.assert(
      fc.property(
        fc.array(recordArbitrary, { maxLength: 150 }),
        rangeArbitrary,
        selectionArbitrary,
        (drawn, range, selection) => {
          const records = recordsOf(drawn);
          const series = dailySeriesOf(columnsOf(records), range, selection);
          expect(series.map((point) => point.date)).toEqual(datesOf(range));
          for (const point of series) {
            const day = records.filter(
              (record) => record.date === point.date && selectionMatches(selection, record),
            );
            expect(point.recorded).toBe(day.length > 0);
            expect(point.tls).toEqual(added(day));
            expect(point.directions.inbound).toBe(
              messageCount(added(day.filter((record) => record.direction === 'inbound'))),
            );
          }
        },
      ),
      { numRuns: 300 },
    );
  });

  it('give the details in date order, then connector order, a page at a time', () => {
    fc.assert(
      fc.property(
        fc.array(recordArbitrary, { maxLength: 150 }),
        rangeArbitrary,
        selectionArbitrary,
        fc.constantFrom('ascending', 'descending'),
        fc.integer({ min: 1, max: 200 }),
        (drawn, range, selection, direction, limit) => {
          const records = recordsOf(drawn);
          const sign = direction === 'ascending' ? 1 : -1;
          const expected = records
            .filter((record) => inRange(record, range) && selectionMatches(selection, record))
            .sort((a, b) => (a.date < b.date ? -sign : a.date > b.date ? sign : compareConnectors(a, b)));
          const page = detailsPageOf(
            columnsOf(records),
            range,
            selection,
            { column: 'date', direction },
            limit,
          );
          expect(page.total).toBe(expected.length);
          expect(page.columns.includes('tls1.3')).toBe(
            expected.some((record) => record.counts['tls1.3'] > 0),
          );
          expect(
            page.rows.map((row) => [row.date, row.direction, row.connector, row.forcedTls, row.tls]),
          ).toEqual(
            expected
              .slice(0, limit)
              .map((record) => [
                record.date,
                record.direction,
                record.connector,
                record.forcedTls,
                record.counts,
              ]),
          );
        },
      ),
      { numRuns: 300 },
    );
  });

  it('is built once per block, and again for a longer path table', () => {
    const columns = columnsOf(
      recordsOf([{ day: 3, inbound: true, connector: 'Alpha', forced: null, counts: [1, 2, 3, 4, 5, 6] }]),
    );
    const block = columns.blocks[0];
    if (block === undefined) throw new Error('no block');
    const index = blockIndex(block, columns.paths);
    expect(blockIndex(block, columns.paths)).toBe(index);
    expect(index.pathCounts).toEqual(new Float64Array([1, 2, 3, 4, 5, 6]));
    expect([...index.byDay]).toEqual([0]);
    expect(index.dayStart[28]).toBe(0);
    expect(index.dayStart[29]).toBe(1);
    expect(blockIndex(block, [...columns.paths, undefined])).not.toBe(index);
  });

  it('groups entries by day, and by path in day order', () => {
    const counts = [1, 0, 0, 0, 0, 0];
    const columns = columnsOf(
      recordsOf([
        { day: 9, inbound: true, connector: 'Alpha', forced: null, counts },
        { day: 8, inbound: false, connector: null, forced: null, counts },
        { day: 8, inbound: true, connector: 'Alpha', forced: null, counts },
        { day: 7, inbound: true, connector: 'Alpha', forced: null, counts },
      ]),
    );
    const block = columns.blocks[0];
    if (block === undefined) throw new Error('no block');
    const index = blockIndex(block, columns.paths);
    // Entry order: Alpha on Feb 3, none on Feb 2, Alpha on Feb 2, Alpha on Feb 1 (ids 0 and 1).
    expect([...index.byDay]).toEqual([3, 1, 2, 0]);
    expect([...index.pathStart]).toEqual([0, 3, 4]);
    expect([...index.byPath]).toEqual([3, 2, 0, 1]);
    expect([...index.dayEntries.slice(2, 8)]).toEqual([1, 0, 1, 1, 1, 0]);
  });
});
