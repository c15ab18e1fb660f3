import { describe, expect, it } from 'vitest';
import { connectorChoices, connectorReport, resolveRange } from '../../src/core/report.js';
import { TENANT } from './records-helper.js';

describe('the connector report', () => {
  it('defaults to the 7 days ending at the latest stored date, over all mail flow', () => {
    const report = connectorReport(TENANT, { range: null, selection: { kind: 'all' } });
    expect(report.extent).toEqual({ from: '2025-03-01', to: '2025-03-03' });
    expect(report.range).toEqual({ from: '2025-02-25', to: '2025-03-03' });
    expect(report.series).toHaveLength(7);
    expect(report.summary.directions.inbound.messages).toBe(1103);
    expect(report.summary.directions.outbound.messages).toBe(600);
    expect(report.totals.messages).toBe(1703);
    expect(report.details).toHaveLength(6);
    expect(report.insights.map((insight) => [insight.connector, insight.kind, insight.affected])).toEqual([
      ['Fabrikam In', 'tls1.0', 60],
      ['Woodgrove Out', 'no-tls', 26],
    ]);
  });

  it("narrows totals, series, details and insights to the selection, the summary stays the range's", () => {
    const report = connectorReport(TENANT, {
      range: { from: '2025-03-01', to: '2025-03-03' },
      selection: { kind: 'connector', direction: 'inbound', connector: 'Fabrikam In' },
    });
    expect(report.selection).toEqual({ kind: 'connector', direction: 'inbound', connector: 'Fabrikam In' });
    expect(report.totals).toEqual({
      messages: 100,
      tls: { none: 0, 'tls1.0': 60, 'tls1.1': 0, 'tls1.2': 40, 'tls1.3': 0, unknown: 0 },
    });
    expect(report.series.map((point) => point.messages)).toEqual([100, 0, 0]);
    expect(report.details.map((row) => row.date)).toEqual(['2025-03-01', '2025-03-03']);
    expect(report.insights).toEqual([
      {
        direction: 'inbound',
        connector: 'Fabrikam In',
        kind: 'tls1.0',
        share: 0.6,
        messages: 100,
        affected: 60,
      },
    ]);
    expect(report.summary.directions.inbound.messages + report.summary.directions.outbound.messages).toBe(
      1703,
    );
  });

  it('falls back to all mail flow for a connector the dataset has never seen', () => {
    const report = connectorReport(TENANT, {
      range: null,
      selection: { kind: 'connector', direction: 'outbound', connector: 'Fabrikam In' },
    });
    expect(report.selection).toEqual({ kind: 'all' });
    expect(report.totals.messages).toBe(1703);
  });

  it('offers both no-connector paths, then every named connector with its direction and type', () => {
    expect(connectorChoices(TENANT)).toEqual([
      { direction: 'inbound', connector: null, type: null },
      { direction: 'inbound', connector: 'Fabrikam In', type: 'Partner' },
      { direction: 'outbound', connector: null, type: null },
      { direction: 'outbound', connector: 'Woodgrove Out', type: 'Partner' },
    ]);
    expect(connectorChoices([])).toHaveLength(2);
  });

  it('swaps a reversed range and caps a huge one at ten years', () => {
    expect(resolveRange({ from: '2025-03-03', to: '2025-03-01' }, null)).toEqual({
      from: '2025-03-01',
      to: '2025-03-03',
    });
    expect(resolveRange({ from: '1900-01-01', to: '2025-03-01' }, null)).toEqual({
      from: '2015-02-23', // 3,660 days up to 2025-03-01, three leap days on the way
      to: '2025-03-01',
    });
  });

  it('is empty, not broken, for an empty dataset', () => {
    const report = connectorReport([], { range: null, selection: { kind: 'all' } });
    expect(report.range).toBeNull();
    expect(report.series).toEqual([]);
    expect(report.details).toEqual([]);
    expect(report.totals.messages).toBe(0);
  });
});
