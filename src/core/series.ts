/**
 * The daily series behind the connector report's charts: for every calendar date of a range, the
 * selection's messages per TLS bucket, per direction, and the one-decimal shares a person sees.
 * A date with no stored record is kept (recorded: false) so a chart shows the gap, not a zero.
 */
import { addDays } from './dates.js';
import {
  addCounts,
  type DateRange,
  DIRECTIONS,
  type Direction,
  emptyCounts,
  type MailflowRecord,
  messageCount,
  type TlsCounts,
} from './model.js';
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
  const byDate = new Map<
    string,
    { recorded: boolean; tls: TlsCounts; directions: Record<Direction, number> }
  >();
  for (const date of datesOf(range)) {
    byDate.set(date, { recorded: false, tls: emptyCounts(), directions: { inbound: 0, outbound: 0 } });
  }
  for (const record of records) {
    const day = byDate.get(record.date);
    if (day === undefined || !selectionMatches(selection, record)) continue;
    day.recorded = true;
    addCounts(day.tls, record.counts);
    day.directions[record.direction] += messageCount(record.counts);
  }
  return [...byDate].map(([date, day]) => ({
    date,
    recorded: day.recorded,
    messages: messageCount(day.tls),
    tls: day.tls,
    shares: displayShares(day.tls),
    directions: day.directions,
  }));
}

/** Which directions a selection can have mail in, in the portal's order. */
export function directionsOf(selection: ConnectorSelection): Direction[] {
  return selection.kind === 'all' ? [...DIRECTIONS] : [selection.direction];
}
