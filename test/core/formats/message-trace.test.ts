import { describe, expect, it } from 'vitest';
import { readFixture, readText, recordLines } from './read-fixture.js';

describe('format B, a per-message historical search', () => {
  it('reads each timestamp of a day in full, zone and bad times included, not just its date', () => {
    const header = 'Timestamp,Direction,ConnectorName,TLS\n';
    const rows = [
      '2025-03-04T10:00:00Z,Received,Fabrikam In,TLS1.2',
      '2025-03-04T00:30:00+01:00,Received,Fabrikam In,TLS1.2',
      '2025-03-04T25:00:00Z,Received,Fabrikam In,TLS1.2',
      '2025-03-04T23:30:00-02:00,Received,Fabrikam In,TLS1.2',
      '2025-03-04 12:00,Received,Fabrikam In,TLS1.2',
      '2025-03-04T12:00:00Zjunk,Received,Fabrikam In,TLS1.2',
      '2025-03-0412:00,Received,Fabrikam In,TLS1.2',
    ];
    const result = readText('same-day.csv', `${header}${rows.join('\n')}\n`);
    expect(recordLines(result.records)).toEqual([
      '2025-03-04 inbound Fabrikam In | - | - | tls1.2=2',
      '2025-03-03 inbound Fabrikam In | - | - | tls1.2=1',
      '2025-03-05 inbound Fabrikam In | - | - | tls1.2=1',
    ]);
    expect(result.rejected.map(({ line, reason }) => `${line}: ${reason}`)).toEqual([
      "4: Timestamp: '2025-03-04T25:00:00Z' is not a date",
      "7: Timestamp: '2025-03-04T12:00:00Zjunk' is not a date",
      "8: Timestamp: '2025-03-0412:00' is not a date",
    ]);
  });

  it('groups messages into daily records by UTC date, across midnight in either direction', () => {
    const result = readFixture('formats/message-trace-utc.csv');
    expect(result.format).toBe('message-trace');
    expect(result.error).toBeNull();
    expect(result.rows).toBe(7);
    expect(result.rejected).toEqual([]);
    // 2025-03-04T00:30+01:00 is 2025-03-03T23:30Z; 2025-03-03T20:00-05:00 is 2025-03-04T01:00Z.
    expect(recordLines(result.records)).toEqual([
      '2025-03-03 inbound ∅ | - | - | tls1.2=2',
      '2025-03-04 inbound ∅ | - | - | none=1',
      '2025-03-04 outbound Fabrikam Out | Partner | - | tls1.3=2',
      '2025-03-04 inbound Hybrid In | OnPremises | - | tls1.2=1',
      '2025-03-04 outbound ∅ | - | - | none=1',
    ]);
  });

  it('names connectors by their type when the search has no name column', () => {
    const text = [
      'Timestamp,Direction,ConnectorType,TLS,MessageId',
      '2025-03-04T10:00:00Z,Sent,Partner,TLS1.2,<1@x>',
      '2025-03-04T11:00:00Z,Sent,Partner,TLS1.3,<2@x>',
      '2025-03-04T12:00:00Z,Sent,NoConnector,No Tls,<3@x>',
      '2025-03-04T13:00:00Z,Sent,OnPremises,,<4@x>',
    ].join('\n');
    expect(recordLines(readText('b.csv', text).records)).toEqual([
      '2025-03-04 outbound Partner | Partner | - | tls1.3=1 tls1.2=1',
      '2025-03-04 outbound ∅ | - | - | none=1',
      '2025-03-04 outbound OnPremises | OnPremises | - | unknown=1',
    ]);
  });

  it('rejects a message whose timestamp or TLS value cannot be read', () => {
    const text = [
      'Timestamp,Direction,ConnectorName,TLS',
      '2025-03-04T10:00:00Z,Sent,A,TLS1.2',
      'yesterday,Sent,A,TLS1.2',
      '2025-03-04T10:00:00Z,Sent,A,SSLv3',
    ].join('\n');
    const result = readText('b.csv', text);
    expect(recordLines(result.records)).toEqual(['2025-03-04 outbound A | - | - | tls1.2=1']);
    expect(result.rejected).toEqual([
      { file: 'b.csv', line: 3, reason: "Timestamp: 'yesterday' is not a date" },
      { file: 'b.csv', line: 4, reason: "TLS: 'SSLv3' is not a TLS version" },
    ]);
  });
});
