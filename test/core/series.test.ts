import { describe, expect, it } from 'vitest';
import { dailySeries, datesOf } from '../../src/core/series.js';
import { record, TENANT } from './records-helper.js';

const RANGE = { from: '2025-03-01', to: '2025-03-03' };

describe('the daily series of a connector report', () => {
  it('has every calendar date of the range, a missing day marked unrecorded rather than zero mail', () => {
    const series = dailySeries(TENANT, RANGE, { kind: 'all' });
    expect(series.map((point) => [point.date, point.recorded, point.messages])).toEqual([
      ['2025-03-01', true, 1600],
      ['2025-03-02', false, 0],
      ['2025-03-03', true, 103],
    ]);
  });

  it('adds all mail flow per TLS version and per direction', () => {
    const [first, missing, third] = dailySeries(TENANT, RANGE, { kind: 'all' });
    expect(first?.tls).toEqual({
      none: 100,
      'tls1.0': 60,
      'tls1.1': 0,
      'tls1.2': 1140,
      'tls1.3': 300,
      unknown: 0,
    });
    expect(first?.directions).toEqual({ inbound: 1100, outbound: 500 });
    // 18.75 / 71.25 / 3.75 / 6.25: the two half-tenths go to the first buckets in tie order.
    expect(first?.shares).toEqual({
      'tls1.3': 18.8,
      'tls1.2': 71.3,
      'tls1.1': 0,
      'tls1.0': 3.7,
      none: 6.2,
      unknown: 0,
    });
    expect(missing?.shares).toEqual({
      'tls1.3': null,
      'tls1.2': null,
      'tls1.1': null,
      'tls1.0': null,
      none: null,
      unknown: null,
    });
    expect(third?.tls).toEqual({ none: 27, 'tls1.0': 0, 'tls1.1': 0, 'tls1.2': 2, 'tls1.3': 74, unknown: 0 });
    expect(third?.directions).toEqual({ inbound: 3, outbound: 100 });
    expect([third?.shares['tls1.3'], third?.shares['tls1.2'], third?.shares.none]).toEqual([71.9, 1.9, 26.2]);
  });

  it('keeps only the selected connector, and a recorded day with no mail shows no shares', () => {
    const series = dailySeries(TENANT, RANGE, {
      kind: 'connector',
      direction: 'inbound',
      connector: 'Fabrikam In',
    });
    expect(series.map((point) => [point.date, point.recorded, point.messages, point.tls['tls1.0']])).toEqual([
      ['2025-03-01', true, 100, 60],
      ['2025-03-02', false, 0, 0],
      ['2025-03-03', true, 0, 0],
    ]);
    expect(series[0]?.shares['tls1.0']).toBe(60);
    expect(series[2]?.shares['tls1.0']).toBeNull();
    expect(series[0]?.directions).toEqual({ inbound: 100, outbound: 0 });
  });

  it('keeps the no-connector path of one direction apart from the named connectors', () => {
    const series = dailySeries(TENANT, RANGE, { kind: 'no-connector', direction: 'outbound' });
    expect(series.map((point) => point.messages)).toEqual([500, 0, 0]);
    expect(series.map((point) => point.recorded)).toEqual([true, false, false]);
  });

  it('ignores records outside the range', () => {
    const series = dailySeries([...TENANT, record({ date: '2025-04-01', counts: { none: 5 } })], RANGE, {
      kind: 'all',
    });
    expect(series.reduce((sum, point) => sum + point.messages, 0)).toBe(1703);
  });

  it('lists the dates across a month end and a leap day', () => {
    expect(datesOf({ from: '2024-02-28', to: '2024-03-01' })).toEqual([
      '2024-02-28',
      '2024-02-29',
      '2024-03-01',
    ]);
    expect(datesOf({ from: '2025-03-02', to: '2025-03-01' })).toEqual([]);
  });
});
