import { describe, expect, it } from 'vitest';
import { readFixture, readText, recordLines } from './read-fixture.js';

describe('format D, our exact counts', () => {
  it('adds up the rows of one day and path into one record, with a quoted name holding a comma and quotes', () => {
    const result = readFixture('shared/mailflow-lens-counts.csv');
    expect(result.format).toBe('exact-counts');
    expect(result.error).toBeNull();
    expect(result.rows).toBe(7);
    // Inbound no connector 17829 + 382 = 18211; Fabrikam 204 + 330 = 534; outbound 6120 + 3445 + 337 = 9902.
    expect(recordLines(result.records)).toEqual([
      '2025-03-03 inbound ∅ | - | false | tls1.2=17829 none=382',
      '2025-03-03 inbound Fabrikam, Partner "In" | Partner | true | tls1.2=204 tls1.0=330',
      '2025-03-03 outbound ∅ | - | false | tls1.3=6120 tls1.2=3445 none=337',
    ]);
  });

  it('reports bad lines with their physical line number, also after a name that spans two lines', () => {
    const result = readFixture('formats/quoted-names-crlf.csv');
    expect(result.error).toBeNull();
    // Six data rows on seven physical lines: the second name holds a line break.
    expect(result.rows).toBe(6);
    expect(recordLines(result.records)).toEqual([
      '2025-03-03 inbound Relay; "Main", EU | Partner | true | tls1.2=10',
      '2025-03-03 inbound Two-line\r\nname | OnPremises | false | tls1.3=5',
      '2025-03-04 outbound ∅ | - | false | none=7',
    ]);
    expect(result.rejected).toEqual([
      { file: 'quoted-names-crlf.csv', line: 5, reason: "messages: 'abc' is not a number" },
      {
        file: 'quoted-names-crlf.csv',
        line: 6,
        reason: "direction: 'sideways' does not say Inbound or Outbound",
      },
      { file: 'quoted-names-crlf.csv', line: 8, reason: "tls: 'SSL3' is not a TLS version" },
    ]);
  });

  it('keeps the connector type null on the no-connector path even when a type is written', () => {
    const text =
      'date,direction,connector,connector_type,forced_tls,tls,messages\n2025-03-03,outbound,,NoConnector,,unknown,4\n';
    expect(recordLines(readText('d.csv', text).records)).toEqual([
      '2025-03-03 outbound ∅ | - | - | unknown=4',
    ]);
  });
});
