import { describe, expect, it } from 'vitest';
import { compareConnectors, snapshotRange, summarize } from '../../src/core/aggregate.js';
import { DEFAULT_THRESHOLDS } from '../../src/core/insights.js';
import { emptyCounts } from '../../src/core/model.js';
import { record } from './records-helper.js';

describe('summarize', () => {
  const records = [
    record({ date: '2025-03-01', counts: { 'tls1.2': 100, none: 10 } }),
    record({ date: '2025-03-03', counts: { 'tls1.2': 50 } }),
    record({
      date: '2025-03-03',
      connector: 'Fabrikam In',
      connectorType: 'Partner',
      counts: { 'tls1.0': 60, 'tls1.2': 40 },
    }),
    record({
      date: '2025-03-03',
      direction: 'outbound',
      connector: 'Woodgrove Out',
      counts: { none: 26, 'tls1.3': 74 },
    }),
    record({ date: '2025-03-04', direction: 'outbound', counts: { 'tls1.3': 5 } }),
  ];

  it('defaults the range to the first and last date present', () => {
    const summary = summarize(records);
    expect(summary.range).toEqual({ from: '2025-03-01', to: '2025-03-04' });
    expect(summary.directions.inbound.messages).toBe(260);
    expect(summary.directions.outbound.messages).toBe(105);
  });

  it('counts only the days inside the range, both ends included', () => {
    const summary = summarize(records, { from: '2025-03-03', to: '2025-03-03' });
    expect(summary.directions.inbound.tls).toEqual({ ...emptyCounts(), 'tls1.2': 90, 'tls1.0': 60 });
    expect(summary.directions.outbound.messages).toBe(100);
  });

  it('sorts connectors by direction, then the no-connector path, then name', () => {
    const summary = summarize(records);
    expect(summary.connectors.map((c) => [c.direction, c.connector, c.messages])).toEqual([
      ['inbound', null, 160],
      ['inbound', 'Fabrikam In', 100],
      ['outbound', null, 5],
      ['outbound', 'Woodgrove Out', 100],
    ]);
    expect(summary.connectors[1]?.type).toBe('Partner');
    expect(
      compareConnectors({ direction: 'inbound', connector: 'B' }, { direction: 'inbound', connector: 'a' }),
    ).toBe(-1);
  });

  it('flags TLS 1.0 over 50 % and No TLS over 25 %, strictly', () => {
    const summary = summarize(records);
    expect(summary.insights).toEqual([
      {
        direction: 'inbound',
        connector: 'Fabrikam In',
        kind: 'tls1.0',
        share: 0.6,
        messages: 100,
        affected: 60,
      },
      {
        direction: 'outbound',
        connector: 'Woodgrove Out',
        kind: 'no-tls',
        share: 0.26,
        messages: 100,
        affected: 26,
      },
    ]);
    const atThreshold = summarize([record({ counts: { none: 25, 'tls1.2': 75 } })]);
    expect(atThreshold.insights).toEqual([]);
  });

  it('skips connectors under the minimum volume', () => {
    const summary = summarize(records, {}, { ...DEFAULT_THRESHOLDS, minMessages: 101 });
    expect(summary.insights).toEqual([]);
  });

  it('gives an empty summary with no range for no records', () => {
    const summary = summarize([]);
    expect(summary.range).toBeNull();
    expect(summary.directions.inbound.messages).toBe(0);
    expect(summary.connectors).toEqual([]);
  });

  it('takes the snapshot window as the 7 days ending at the latest date', () => {
    expect(snapshotRange(records)).toEqual({ from: '2025-02-26', to: '2025-03-04' });
    expect(snapshotRange([])).toBeNull();
  });
});
