/**
 * The daily series behind the connector report's charts: for every calendar date of a range, the
 * selection's messages per TLS bucket, per direction, and the one-decimal shares a person sees.
 * A date with no stored record is kept (recorded: false) so a chart shows the gap, not a zero.
 */
import { blockIndex } from './block-index.js';
import { addDays } from './dates.js';
import {
  type DateRange,
  DIRECTIONS,
  type Direction,
  type MailflowRecord,
  messageCount,
  type TlsCounts,
} from './model.js';
import {
  addEntryCounts,
  BUCKETS,
  blockWindow,
  columnsOf,
  countsAt,
  type RecordColumns,
} from './record-columns.js';
import { type ConnectorSelection, selectionMatches } from './selection.js';
import { type DisplayShares, displayShares } from './shares.js';

export type { ConnectorSelection } from './selection.js';
export { formatSelection, parseSelection } from './selection.js';

export interface SeriesPoint {
  date: string;
  /** Whether any record of the selection exists for this date. */
  recorded: boolean;
  messages: number;
  tls: TlsCounts;
  /** Shares of `messages` in percent, one decimal, adding up to 100.0; null when there were none. */
  shares: DisplayShares;
  /** Messages per direction (a named connector or no-connector selection has only one). */
  directions: Record<Direction, number>;
}

/** Longest range a series is built for: ten years of days, so a bad request cannot exhaust memory. */
export const MAX_SERIES_DAYS = 3660;

export function datesOf(range: DateRange): string[] {
  const dates: string[] = [];
  for (let date = range.from; date <= range.to && dates.length < MAX_SERIES_DAYS; date = addDays(date, 1)) {
    dates.push(date);
  }
  return dates;
}

export function dailySeries(
  records: readonly MailflowRecord[],
  range: DateRange,
  selection: ConnectorSelection,
): SeriesPoint[] {
  return dailySeriesOf(columnsOf(records), range, selection);
}

/** Which path ids a selection covers, as flags indexed by path id. */
export function selectedPaths(columns: RecordColumns, selection: ConnectorSelection): Uint8Array {
  const selected = new Uint8Array(columns.paths.length);
  columns.paths.forEach((path, id) => {
    if (path !== undefined && selectionMatches(selection, path)) selected[id] = 1;
  });
  return selected;
}

/** The ids whose flag is set, in order. */
export function idsOf(flags: Uint8Array): number[] {
  const ids: number[] = [];
  for (let id = 0; id < flags.length; id++) if (flags[id] === 1) ids.push(id);
  return ids;
}

/** `dailySeries` over records in columns. */
export function dailySeriesOf(
  columns: RecordColumns,
  range: DateRange,
  selection: ConnectorSelection,
): SeriesPoint[] {
  const dates = datesOf(range);
  const length = dates.length;
  const counts = new Float64Array(length * BUCKETS);
  const byDirection = new Float64Array(length * 2);
  const recorded = new Uint8Array(length);
  const selectedIds = selection.kind === 'all' ? [] : idsOf(selectedPaths(columns, selection));
  for (const block of columns.blocks) {
    const window = blockWindow(block, range);
    if (window === null) continue;
    const index = blockIndex(block, columns.paths);
    if (selection.kind === 'all') {
      // Every known path: the index's totals per day and direction.
      for (let day = window.first; day <= window.last; day++) {
        const date = window.offset + day;
        if (date >= length) break;
        for (let side = 0; side < 2; side++) {
          const slot = day * 2 + side;
          if (index.dayEntries[slot] === 0) continue;
          recorded[date] = 1;
          const messages = addEntryCounts(counts, date * BUCKETS, index.dayCounts, slot * BUCKETS);
          byDirection[date * 2 + side] = (byDirection[date * 2 + side] as number) + messages;
        }
      }
      continue;
    }
    // One connector (or no-connector path): its own entries, from the index's per-path groups.
    const { days, counts: entryCounts } = block;
    for (const path of selectedIds) {
      const side = columns.paths[path]?.direction === 'inbound' ? 0 : 1;
      for (let at = index.pathStart[path] as number; at < (index.pathStart[path + 1] as number); at++) {
        const entry = index.byPath[at] as number;
        const day = days[entry] as number;
        const date = window.offset + day;
        if (day < window.first || day > window.last || date >= length) continue;
        recorded[date] = 1;
        const messages = addEntryCounts(counts, date * BUCKETS, entryCounts, entry * BUCKETS);
        const slot = date * 2 + side;
        byDirection[slot] = (byDirection[slot] as number) + messages;
      }
    }
  }
  return dates.map((date, index) => {
    const tls = countsAt(counts, index * BUCKETS);
    return {
      date,
      recorded: recorded[index] === 1,
      messages: messageCount(tls),
      tls,
      shares: displayShares(tls),
      directions: { inbound: byDirection[index * 2] ?? 0, outbound: byDirection[index * 2 + 1] ?? 0 },
    };
  });
}

/** Which directions a selection can have mail in, in the portal's order. */
export function directionsOf(selection: ConnectorSelection): Direction[] {
  return selection.kind === 'all' ? [...DIRECTIONS] : [selection.direction];
}
