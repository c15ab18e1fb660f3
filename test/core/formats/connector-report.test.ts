import { describe, expect, it } from 'vitest';
import { readFixture, readText, recordLines } from './read-fixture.js';

describe('format A, the portal connector report', () => {
  it('reads the English export with percent shares into exact counts', () => {
    const result = readFixture('shared/eac-inbound-outbound-en.csv');
    expect(result.error).toBeNull();
    expect(result.format).toBe('connector-report');
    expect(result.rows).toBe(10);
    expect(result.rejected).toEqual([]);
    // Each split by largest remainder, ties to TLS 1.3, 1.2, 1.1, 1.0, none:
    // 18211 × 2.1 % = 382.431, × 97.9 % = 17828.569 → 382 / 17829
    // 534 × 61.8 % = 330.012, × 38.2 % = 203.988 → 330 / 204
    // 9902 × 3.4 % = 336.668, × 96.6 % = 9565.332 → 337 / 9565
    // 17640 × 2.4 % = 423.36, × 97.6 % = 17216.64 → 423 / 17217
    // 511 × 58.1 % = 296.891, × 41.9 % = 214.109 → 297 / 214
    // 10230 × 27.5 % = 2813.25, × 72.5 % = 7416.75 → 2813 / 7417
    expect(recordLines(result.records)).toEqual([
      '2025-03-03 inbound ∅ | - | false | tls1.2=17829 none=382',
      '2025-03-03 inbound Fabrikam Partner In | Partner | true | tls1.2=204 tls1.0=330',
      '2025-03-03 inbound Hybrid On-Prem In | OnPremises | true | tls1.2=2470',
      '2025-03-03 outbound ∅ | - | false | tls1.2=9565 none=337',
      '2025-03-03 outbound Hybrid On-Prem Out | OnPremises | true | tls1.2=2311',
      '2025-03-04 inbound ∅ | - | false | tls1.2=17217 none=423',
      '2025-03-04 inbound Fabrikam Partner In | Partner | true | tls1.2=214 tls1.0=297',
      '2025-03-04 inbound Hybrid On-Prem In | OnPremises | true | tls1.2=2388',
      '2025-03-04 outbound ∅ | - | false | tls1.2=7417 none=2813',
      '2025-03-04 outbound Hybrid On-Prem Out | OnPremises | true | tls1.2=2290',
    ]);
    // Inbound over both days: 18211 + 534 + 2470 + 17640 + 511 + 2388 = 41754.
    const inbound = result.records.filter((record) => record.direction === 'inbound');
    const total = inbound.reduce(
      (sum, record) => sum + Object.values(record.counts).reduce((a, b) => a + b, 0),
      0,
    );
    expect(total).toBe(41754);
  });

  it('reads the French export: BOM, semicolons, d/M/yyyy, decimal comma, space thousands', () => {
    const result = readFixture('shared/eac-entrants-sortants-fr.csv');
    expect(result.error).toBeNull();
    expect(result.rejected).toEqual([]);
    // `03/03/2025;Entrant - Sans connecteur;;Faux;2,1 %;0 %;0 %;97,9 %;18 211` → 382 / 17829;
    // 13/03/2025 proves day-first, so it is the 13th of March.
    expect(recordLines(result.records)).toEqual([
      '2025-03-03 inbound ∅ | - | false | tls1.2=17829 none=382',
      '2025-03-03 inbound Fabrikam Partenaire | Partner | true | tls1.2=204 tls1.0=330',
      '2025-03-13 outbound ∅ | - | false | tls1.2=9565 none=337',
      '2025-03-13 outbound Hybride local | OnPremises | true | tls1.2=2311',
    ]);
  });

  it('takes no-break and narrow no-break spaces as thousands separators', () => {
    const text =
      'Date;Direction et nom du connecteur;Type de connecteur;TLS forcé ?;Pas de TLS;TLS 1.0;TLS 1.1;TLS 1.2;Volume\n' +
      '04/03/2025;Entrant - Sans connecteur;;Non;2,1 %;0 %;0 %;97,9 %;18\u00a0211\n' +
      '04/03/2025;Sortant - Sans connecteur;;Oui;0 %;0 %;0 %;100 %;1\u202f000\u202f000\n';
    const result = readText('fr.csv', text);
    expect(recordLines(result.records)).toEqual([
      '2025-03-04 inbound ∅ | - | false | tls1.2=17829 none=382',
      '2025-03-04 outbound ∅ | - | true | tls1.2=1000000',
    ]);
  });

  it('reads a German tab-separated export with d.M.yyyy dates as day first', () => {
    const result = readFixture('formats/de-tab-dotted-dates.tsv');
    expect(result.error).toBeNull();
    // Cells without % adding up to 100 with volumes far from 100 are shares:
    // 18211 × 1.5 % = 273.165, × 98.5 % = 17937.835 → 273 / 17938. `1.000` is one thousand.
    // 03.04.2025 could be either order; a German header means the 3rd of April.
    expect(recordLines(result.records)).toEqual([
      '2025-04-03 inbound ∅ | - | false | tls1.2=17938 none=273',
      '2025-04-03 outbound Contoso Relay | OnPremises | true | tls1.2=1000',
    ]);
  });

  it('reads direction and name in two columns, counts instead of shares, a TLS 1.3 column and ignores extra columns', () => {
    const result = readFixture('formats/two-column-counts.csv');
    expect(result.error).toBeNull();
    expect(result.rejected).toEqual([]);
    // Row sums: 12 + 1200 + 788 = 2000 and 40 + 60 = 100, each its volume → counts. "1,200" is 1200.
    expect(recordLines(result.records)).toEqual([
      '2025-03-03 inbound ∅ | - | false | tls1.3=788 tls1.2=1200 none=12',
      '2025-03-03 outbound Contoso Out | OnPremises | true | tls1.3=60 tls1.2=40',
      '2025-03-04 inbound ∅ | - | false | ',
    ]);
  });

  it('decides M/d/yyyy from a second field above 12, and reads `Inbound: name` and shares without %', () => {
    const result = readFixture('formats/us-dates-tls13-shares.csv');
    expect(result.error).toBeNull();
    // 999 × (25, 25, 50 %) for TLS 1.3, 1.2, 1.0 = 249.75, 249.75, 499.5 → 250, 250, 499.
    // 10 × (33.4, 33.3, 33.3 %) for TLS 1.3, 1.2, none = 3.34, 3.33, 3.33 → 4, 3, 3.
    expect(recordLines(result.records)).toEqual([
      '2025-03-04 inbound Fabrikam Partner In | Partner | true | tls1.3=250 tls1.2=250 tls1.0=499',
      '2025-03-13 outbound ∅ | - | false | tls1.3=4 tls1.2=3 none=3',
    ]);
  });

  it('asks for the date order when an English file has only ambiguous dates', () => {
    const result = readFixture('formats/ambiguous-us-dates.csv');
    expect(result.records).toEqual([]);
    expect(result.error).toBe(
      "ambiguous-us-dates.csv: cannot tell day from month: dates such as '3/4/2025' (line 2) could be d/M/yyyy or M/d/yyyy; choose the date order (CLI: --date-order dmy|mdy)",
    );
    expect(result.rejected).toEqual([
      {
        file: 'ambiguous-us-dates.csv',
        line: 0,
        reason: expect.stringContaining('cannot tell day from month'),
      },
    ]);
    expect(recordLines(readFixture('formats/ambiguous-us-dates.csv', { dateOrder: 'mdy' }).records)).toEqual([
      '2025-03-04 inbound Fabrikam Partner In | Partner | true | tls1.2=50',
      '2025-04-03 inbound Fabrikam Partner In | Partner | true | tls1.2=70',
    ]);
    expect(recordLines(readFixture('formats/ambiguous-us-dates.csv', { dateOrder: 'dmy' }).records)).toEqual([
      '2025-04-03 inbound Fabrikam Partner In | Partner | true | tls1.2=50',
      '2025-03-04 inbound Fabrikam Partner In | Partner | true | tls1.2=70',
    ]);
  });

  it('rejects dates that contradict a chosen order, line by line', () => {
    const result = readFixture('shared/eac-entrants-sortants-fr.csv', { dateOrder: 'mdy' });
    expect(result.error).toBeNull();
    expect(result.rejected).toEqual([
      { file: 'eac-entrants-sortants-fr.csv', line: 4, reason: "Date: '13/03/2025' is not a M/d/yyyy date" },
      { file: 'eac-entrants-sortants-fr.csv', line: 5, reason: "Date: '13/03/2025' is not a M/d/yyyy date" },
    ]);
    expect(result.records).toHaveLength(2);
  });

  it('refuses a file whose dates are day-first in one row and month-first in another', () => {
    const text =
      'Date,Connector direction and name,No TLS,TLS 1.2,Volume\n' +
      '13/03/2025,Inbound - X,0%,100%,5\n' +
      '03/14/2025,Inbound - X,0%,100%,5\n';
    expect(readText('mixed.csv', text).error).toBe(
      "mixed.csv: dates mix d/M/yyyy ('13/03/2025', line 2) and M/d/yyyy ('03/14/2025', line 3); choose the date order (CLI: --date-order dmy|mdy)",
    );
  });

  it('asks whether TLS cells are shares or counts when the rows say neither, and obeys the answer', () => {
    const text =
      'Date,Connector direction and name,No TLS,TLS 1.0,TLS 1.1,TLS 1.2,Volume\n' +
      '2025-03-03,Inbound - Fabrikam,10,0,0,20,534\n' +
      '2025-03-03,Outbound - Fabrikam,0,0,0,0,40\n';
    const undecided = readText('cells.csv', text);
    expect(undecided.error).toBe(
      'cells.csv: cannot tell whether the TLS cells are percentages or message counts: line 2 adds up to 30, neither 100 nor its volume 534; choose share or count (CLI: --tls-cells share|count)',
    );
    expect(undecided.records).toEqual([]);
    // As counts: the 504 messages the cells do not account for are unknown; the all-zero row too.
    expect(recordLines(readText('cells.csv', text, { tlsCells: 'count' }).records)).toEqual([
      '2025-03-03 inbound Fabrikam | - | - | tls1.2=20 none=10 unknown=504',
      '2025-03-03 outbound Fabrikam | - | - | unknown=40',
    ]);
    // As shares they are normalised by their sum: 534 × 10/30 = 178, × 20/30 = 356.
    expect(recordLines(readText('cells.csv', text, { tlsCells: 'share' }).records)).toEqual([
      '2025-03-03 inbound Fabrikam | - | - | tls1.2=356 none=178',
      '2025-03-03 outbound Fabrikam | - | - | unknown=40',
    ]);
  });

  it('treats cells as counts when every volume is near 100 and rows add up to their volume', () => {
    const text =
      'Date,Connector direction and name,No TLS,TLS 1.2,Volume\n' +
      '2025-03-03,Inbound - A,1,99,100\n' +
      '2025-03-04,Inbound - A,0,100,100\n';
    expect(recordLines(readText('near.csv', text).records)).toEqual([
      '2025-03-03 inbound A | - | - | tls1.2=99 none=1',
      '2025-03-04 inbound A | - | - | tls1.2=100',
    ]);
  });

  it('accepts every no-connector label and direction spelling', () => {
    const text = [
      'Date,Connector direction and name,No TLS,TLS 1.2,Volume',
      '2025-03-03,Inbound - From the internet without a connector,0%,100%,1',
      '2025-03-04,Inbound: No connector,0%,100%,2',
      '2025-03-05,Entrant - Sans connecteur,0%,100%,3',
      '2025-03-06,Inbound - NoConnector,0%,100%,4',
      '2025-03-07,Inbound -,0%,100%,5',
      '2025-03-08,To the internet without a connector,0%,100%,6',
      '2025-03-09,Received – Fabrikam In,0%,100%,7',
    ].join('\n');
    expect(recordLines(readText('labels.csv', text).records)).toEqual([
      '2025-03-03 inbound ∅ | - | - | tls1.2=1',
      '2025-03-04 inbound ∅ | - | - | tls1.2=2',
      '2025-03-05 inbound ∅ | - | - | tls1.2=3',
      '2025-03-06 inbound ∅ | - | - | tls1.2=4',
      '2025-03-07 inbound ∅ | - | - | tls1.2=5',
      '2025-03-08 outbound ∅ | - | - | tls1.2=6',
      '2025-03-09 inbound Fabrikam In | - | - | tls1.2=7',
    ]);
  });

  it('rejects a bad line with its reason and keeps the good ones', () => {
    const text =
      'Date,Connector direction and name,No TLS,TLS 1.0,TLS 1.1,TLS 1.2,Volume\n' +
      '2025-03-03,Inbound - A,0%,0%,0%,100%,10\n' +
      '2025-03-03,Inbound - B,0%,0%,0%,abc,10\n' +
      '2025-03-03,Sideways - C,0%,0%,0%,100%,10\n' +
      '2025-03-32,Inbound - D,0%,0%,0%,100%,10\n' +
      '2025-03-03,Inbound - E,0%,0%,0%,100%,\n' +
      '2025-03-03,Inbound - F,0%,0%,0%,100%,1.5\n';
    const result = readText('in.csv', text);
    expect(result.rows).toBe(6);
    expect(recordLines(result.records)).toEqual(['2025-03-03 inbound A | - | - | tls1.2=10']);
    expect(result.rejected).toEqual([
      { file: 'in.csv', line: 3, reason: "TLS 1.2: 'abc' is not a number" },
      {
        file: 'in.csv',
        line: 4,
        reason: "Connector direction and name: 'Sideways - C' does not say Inbound or Outbound",
      },
      { file: 'in.csv', line: 5, reason: "Date: '2025-03-32' is not a date" },
      { file: 'in.csv', line: 6, reason: 'Volume: empty' },
      { file: 'in.csv', line: 7, reason: "Volume: '1.5' is not a whole number" },
    ]);
  });

  it('adds up two rows of the same day and connector', () => {
    const text =
      'Date,Connector direction and name,No TLS,TLS 1.2,Volume\n' +
      '2025-03-03,Inbound - A,50%,50%,10\n' +
      '3/3/2025,Inbound - A,0%,100%,5\n';
    expect(recordLines(readText('dup.csv', text).records)).toEqual([
      '2025-03-03 inbound A | - | - | tls1.2=10 none=5',
    ]);
  });
});
