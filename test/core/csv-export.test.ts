import { describe, expect, it } from 'vitest';
import { csvCell, detailsCsv, exactCountsCsv, exportFileName } from '../../src/core/csv-export.js';
import { detailsColumns, detailsRows } from '../../src/core/details.js';
import { readFixture, readText, recordLines } from './formats/read-fixture.js';
import { TENANT } from './records-helper.js';

describe('CSV cells', () => {
  it('quotes per RFC 4180 only when a cell needs it', () => {
    expect(csvCell('Fabrikam Partner In')).toBe('Fabrikam Partner In');
    expect(csvCell('Fabrikam, "In"')).toBe('"Fabrikam, ""In"""');
    expect(csvCell('two\nlines')).toBe('"two\nlines"');
    expect(csvCell(18211)).toBe('18211');
    expect(csvCell('')).toBe('');
  });

  it('neutralises text a spreadsheet would run as a formula, but not numbers', () => {
    expect(csvCell('=HYPERLINK("x")')).toBe('"\'=HYPERLINK(""x"")"');
    expect(csvCell('+cmd')).toBe('"\'+cmd"');
    expect(csvCell('-2+3')).toBe('"\'-2+3"');
    expect(csvCell('@SUM(A1)')).toBe('"\'@SUM(A1)"');
    expect(csvCell('\tx')).toBe('"\'\tx"');
    expect(csvCell('\rx')).toBe('"\'\rx"');
    expect(csvCell('-5')).toBe('-5');
    expect(csvCell('+1.5')).toBe('+1.5');
    expect(csvCell('-12.5%')).toBe('-12.5%');
    expect(csvCell('<img src=x onerror=alert(1)>')).toBe('<img src=x onerror=alert(1)>');
  });
});

describe('the two exports', () => {
  const day = { from: '2025-03-03', to: '2025-03-03' };
  const rows = detailsRows(TENANT, day, { kind: 'all' });

  it('writes the details table as shown, in the portal columns, percent cells with %', () => {
    expect(detailsCsv(rows, detailsColumns(rows)).split('\r\n')).toEqual([
      'Date,Connector direction and name,Connector type,Forced TLS?,No TLS,TLS 1.0,TLS 1.1,TLS 1.2,TLS 1.3,Volume',
      '2025-03-03,Inbound - From the internet without a connector,,False,33.3%,0.0%,0.0%,66.7%,0.0%,3',
      '2025-03-03,Inbound - Fabrikam In,Partner,True,,,,,,0',
      '2025-03-03,Outbound - Woodgrove Out,Partner,False,26.0%,0.0%,0.0%,0.0%,74.0%,100',
      '',
    ]);
  });

  it('writes exact counts in format D, one row per non-zero bucket', () => {
    expect(exactCountsCsv(rows).split('\r\n')).toEqual([
      'date,direction,connector,connector_type,forced_tls,tls,messages',
      '2025-03-03,inbound,,,false,TLS1.2,2',
      '2025-03-03,inbound,,,false,none,1',
      '2025-03-03,outbound,Woodgrove Out,Partner,false,TLS1.3,74',
      '2025-03-03,outbound,Woodgrove Out,Partner,false,none,26',
      '',
    ]);
  });

  it('neutralises a hostile connector name in both exports', () => {
    const hostile = detailsRows(
      TENANT.map((r) => (r.connector === 'Woodgrove Out' ? { ...r, connector: '=HYPERLINK("x")' } : r)),
      day,
      { kind: 'connector', direction: 'outbound', connector: '=HYPERLINK("x")' },
    );
    expect(hostile).toHaveLength(1);
    expect(exactCountsCsv(hostile).split('\r\n')[1]).toBe(
      '2025-03-03,outbound,"\'=HYPERLINK(""x"")",Partner,false,TLS1.3,74',
    );
    // In the details file the name follows "Outbound - ", so the cell is not a formula.
    expect(detailsCsv(hostile, detailsColumns(hostile)).split('\r\n')[1]).toBe(
      '2025-03-03,"Outbound - =HYPERLINK(""x"")",Partner,False,26.0%,0.0%,0.0%,0.0%,74.0%,100',
    );
  });

  it('re-imports through the readers to the same records: details (format A) and exact counts (format D)', () => {
    const original = readFixture('shared/eac-inbound-outbound-en.csv');
    expect(original.records).toHaveLength(10);
    const all = detailsRows(original.records, { from: '2025-03-03', to: '2025-03-04' }, { kind: 'all' });
    const viaDetails = readText('details.csv', detailsCsv(all, detailsColumns(all)));
    expect(viaDetails.format).toBe('connector-report');
    expect(viaDetails.rejected).toEqual([]);
    expect(recordLines(viaDetails.records)).toEqual(recordLines(original.records));
    const viaCounts = readText('counts.csv', exactCountsCsv(all));
    expect(viaCounts.format).toBe('exact-counts');
    expect(recordLines(viaCounts.records)).toEqual(recordLines(original.records));
  });

  it('names the file after the dataset and the range, without path characters', () => {
    const range = { from: '2025-03-01', to: '2025-03-07' };
    expect(exportFileName('default', range, 'details')).toBe(
      'mailflow-lens_default_2025-03-01_2025-03-07_details.csv',
    );
    expect(exportFileName('../Contoso Ltd', range, 'counts')).toBe(
      'mailflow-lens_Contoso-Ltd_2025-03-01_2025-03-07_counts.csv',
    );
  });
});
