/**
 * The one place numbers are computed from records: the worker (popup, report, portal panel) and the
 * CLI both call these, so a figure cannot differ between surfaces.
 */
import { snapshotWindow } from './dates.js';
import { DEFAULT_THRESHOLDS, findInsights, type Insight, type InsightThresholds } from './insights.js';
import {
  addCounts,
  type ConnectorType,
  type DateRange,
  DIRECTIONS,
  type Direction,
  emptyCounts,
  type MailflowRecord,
  messageCount,
  type TlsCounts,
} from './model.js';

export interface DirectionTotals {
  messages: number;
  tls: TlsCounts;
}

export interface ConnectorTotals {
  direction: Direction;
  connector: string | null;
  type: ConnectorType | null;
  messages: number;
  tls: TlsCounts;
}

export interface Summary {
  /** null when there is no data at all. */
  range: DateRange | null;
  directions: Record<Direction, DirectionTotals>;
  connectors: ConnectorTotals[];
  insights: Insight[];
}

/** First and last date present, or null for no records. */
export function dateExtent(records: Iterable<Pick<MailflowRecord, 'date'>>): DateRange | null {
  let from: string | null = null;
  let to: string | null = null;
  for (const { date } of records) {
    if (from === null || date < from) from = date;
    if (to === null || date > to) to = date;
  }
  return from === null || to === null ? null : { from, to };
}

/** The portal's widget window: the 7 days ending at the latest date in the data. */
export function snapshotRange(records: Iterable<Pick<MailflowRecord, 'date'>>): DateRange | null {
  const extent = dateExtent(records);
  return extent === null ? null : snapshotWindow(extent.to);
}

/** Direction, then the no-connector path, then connector name (code-point order, the same everywhere). */
export function compareConnectors(
  a: Pick<ConnectorTotals, 'direction' | 'connector'>,
  b: Pick<ConnectorTotals, 'direction' | 'connector'>,
): number {
  if (a.direction !== b.direction) return DIRECTIONS.indexOf(a.direction) - DIRECTIONS.indexOf(b.direction);
  if (a.connector === b.connector) return 0;
  if (a.connector === null) return -1;
  if (b.connector === null) return 1;
  return a.connector < b.connector ? -1 : 1;
}

/**
 * Totals per direction and connector, and the insights, for the records whose date lies in `range`
 * (both ends included). Without a range, the whole extent of the records is summarised.
 */
export function summarize(
  records: readonly MailflowRecord[],
  range: Partial<DateRange> = {},
  thresholds: InsightThresholds = DEFAULT_THRESHOLDS,
): Summary {
  const extent = dateExtent(records);
  const from = range.from ?? extent?.from;
  const to = range.to ?? extent?.to;
  const directions: Record<Direction, DirectionTotals> = {
    inbound: { messages: 0, tls: emptyCounts() },
    outbound: { messages: 0, tls: emptyCounts() },
  };
  // Per direction, connector name → totals ('' for no connector): no key string built per record.
  const byConnector: Record<Direction, Map<string, ConnectorTotals>> = {
    inbound: new Map(),
    outbound: new Map(),
  };
  for (const record of records) {
    if ((from !== undefined && record.date < from) || (to !== undefined && record.date > to)) continue;
    addCounts(directions[record.direction].tls, record.counts);
    const key = record.connector ?? '';
    const paths = byConnector[record.direction];
    let totals = paths.get(key);
    if (totals === undefined) {
      totals = {
        direction: record.direction,
        connector: record.connector,
        type: null,
        messages: 0,
        tls: emptyCounts(),
      };
      paths.set(key, totals);
    }
    if (record.connectorType !== null) totals.type = record.connectorType;
    addCounts(totals.tls, record.counts);
  }
  for (const direction of DIRECTIONS) {
    directions[direction].messages = messageCount(directions[direction].tls);
  }
  const connectors = [...byConnector.inbound.values(), ...byConnector.outbound.values()].sort(
    compareConnectors,
  );
  for (const totals of connectors) totals.messages = messageCount(totals.tls);
  return {
    range: from !== undefined && to !== undefined ? { from, to } : null,
    directions,
    connectors,
    insights: findInsights(connectors, thresholds),
  };
}
