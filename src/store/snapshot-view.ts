/**
 * A stored snapshot (src/store/snapshots.ts) as the widget shows it. Apart from the code that
 * computes and stores snapshots, so the popup's first chunk carries only this: no pack code.
 */
import type { ConnectorTotals, Summary } from '../core/aggregate.js';
import { findInsights, type InsightThresholds } from '../core/insights.js';
import { type DateRange, emptyCounts, messageCount } from '../core/model.js';
import { BUCKETS, countsAt } from '../core/record-columns.js';
import type { StoredSnapshot } from './snapshots.js';

/** What the widget shows: its window (null when the dataset is empty) and the summary of it. */
export interface Snapshot {
  window: DateRange | null;
  summary: Summary;
}

function connectorTotals(columns: StoredSnapshot['connectors']): ConnectorTotals[] {
  return columns.names.map((connector, index) => {
    const tls = countsAt(columns.counts, index * BUCKETS);
    return {
      direction: columns.directions[index] === 0 ? 'inbound' : 'outbound',
      connector,
      type: columns.types[index] ?? null,
      messages: messageCount(tls),
      tls,
    };
  });
}

/** A stored snapshot as the widget shows it, with insights found for `thresholds`. */
export function snapshotOf(stored: StoredSnapshot | undefined, thresholds?: InsightThresholds): Snapshot {
  if (stored === undefined) {
    // What summarizeColumns gives for no data (test/store/snapshots.test.ts checks they agree).
    return {
      window: null,
      summary: {
        range: null,
        directions: {
          inbound: { messages: 0, tls: emptyCounts() },
          outbound: { messages: 0, tls: emptyCounts() },
        },
        connectors: [],
        insights: [],
      },
    };
  }
  const { window, directions } = stored;
  const connectors = connectorTotals(stored.connectors);
  return {
    window,
    summary: { range: window, directions, connectors, insights: findInsights(connectors, thresholds) },
  };
}
