/**
 * The one place numbers are computed from records: the worker (popup, report, portal panel) and the
 * CLI both call these, so a figure cannot differ between surfaces.
 */
import { blockIndex, daysSpan } from './block-index.js';
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
import {
  BUCKETS,
  blockWindow,
  columnsOf,
  countsAt,
  type RecordBlock,
  type RecordColumns,
} from './record-columns.js';

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
  return summarizeColumns(
    columnsOf(records),
    from !== undefined && to !== undefined ? { from, to } : null,
    thresholds,
  );
}

/**
 * Each path's counts summed over the range (TLS_BUCKETS order, six per path id), and whether the
 * path has any entry in it: one pass over the columns, no object per record.
 */
export function pathTotals(
  columns: RecordColumns,
  range: DateRange,
): { counts: Float64Array; present: Uint8Array } {
  const pathCount = columns.paths.length;
  const counts = new Float64Array(pathCount * BUCKETS);
  const entries = new Float64Array(pathCount);
  // Entry i of a block's index, added (sign 1) or taken back out (sign -1).
  const addEntry = (block: RecordBlock, index: number, sign: number) => {
    const path = block.paths[index] as number;
    if (path >= pathCount) return;
    entries[path] = (entries[path] as number) + sign;
    const base = index * BUCKETS;
    const into = path * BUCKETS;
    for (let bucket = 0; bucket < BUCKETS; bucket++) {
      counts[into + bucket] =
        (counts[into + bucket] as number) + sign * (block.counts[base + bucket] as number);
    }
  };
  for (const block of columns.blocks) {
    const window = blockWindow(block, range);
    if (window === null) continue;
    const index = blockIndex(block, columns.paths);
    const { start, end } = daysSpan(index, window.first, window.last);
    const size = block.days.length;
    if (end - start <= size - (end - start)) {
      // Most of the month is outside: add the days inside.
      for (let at = start; at < end; at++) addEntry(block, index.byDay[at] as number, 1);
      continue;
    }
    // Most of it is inside: the month's totals, less the days outside.
    for (let path = 0; path < pathCount; path++) {
      entries[path] = (entries[path] as number) + (index.pathEntries[path] as number);
    }
    for (let at = 0; at < counts.length; at++) {
      counts[at] = (counts[at] as number) + (index.pathCounts[at] as number);
    }
    for (let at = 0; at < start; at++) addEntry(block, index.byDay[at] as number, -1);
    for (let at = end; at < size; at++) addEntry(block, index.byDay[at] as number, -1);
  }
  const present = new Uint8Array(pathCount);
  for (let path = 0; path < pathCount; path++) present[path] = (entries[path] as number) > 0 ? 1 : 0;
  return { counts, present };
}

/** `summarize` over records in columns; a null range (no data) gives an empty summary. */
export function summarizeColumns(
  columns: RecordColumns,
  range: DateRange | null,
  thresholds: InsightThresholds = DEFAULT_THRESHOLDS,
): Summary {
  const directions: Record<Direction, DirectionTotals> = {
    inbound: { messages: 0, tls: emptyCounts() },
    outbound: { messages: 0, tls: emptyCounts() },
  };
  const byConnector: Record<Direction, Map<string, ConnectorTotals>> = {
    inbound: new Map(),
    outbound: new Map(),
  };
  if (range !== null) {
    const totals = pathTotals(columns, range);
    columns.paths.forEach((path, id) => {
      if (path === undefined || totals.present[id] !== 1) return;
      const counts = countsAt(totals.counts, id * BUCKETS);
      addCounts(directions[path.direction].tls, counts);
      // Two ids for one connector only arise from hand-made columns; they still add up.
      const key = path.connector ?? '';
      const known = byConnector[path.direction].get(key);
      if (known === undefined) {
        byConnector[path.direction].set(key, {
          direction: path.direction,
          connector: path.connector,
          type: path.connectorType,
          messages: 0,
          tls: counts,
        });
      } else {
        addCounts(known.tls, counts);
        known.type = path.connectorType ?? known.type;
      }
    });
  }
  for (const direction of DIRECTIONS) {
    directions[direction].messages = messageCount(directions[direction].tls);
  }
  const connectors = [...byConnector.inbound.values(), ...byConnector.outbound.values()].sort(
    compareConnectors,
  );
  for (const totals of connectors) totals.messages = messageCount(totals.tls);
  return { range, directions, connectors, insights: findInsights(connectors, thresholds) };
}
