/**
 * Everything one connector report shows, computed in one pass from a dataset's records: the
 * widget-like summary of the range, the selection's totals, daily series and details rows, its
 * insights, and the choices for "Show data for". The worker answers the `report` request with it.
 */
import {
  compareConnectors,
  type DirectionTotals,
  dateExtent,
  type Summary,
  summarizeColumns,
} from './aggregate.js';
import { addDays, snapshotWindow } from './dates.js';
import { type DetailsColumn, type DetailsRow, type DetailsSort, detailsPageOf } from './details.js';
import { DEFAULT_THRESHOLDS, type Insight, type InsightThresholds } from './insights.js';
import {
  addCounts,
  type ConnectorType,
  type DateRange,
  type Direction,
  emptyCounts,
  type MailflowRecord,
  messageCount,
} from './model.js';
import { columnsOf, type RecordColumns } from './record-columns.js';
import {
  ALL_MAIL_FLOW,
  type ConnectorSelection,
  sameSelection,
  selectionMatches,
  selectionOf,
} from './selection.js';
import { dailySeriesOf, MAX_SERIES_DAYS, type SeriesPoint } from './series.js';

/** One entry of "Show data for": a path seen anywhere in the dataset's history. */
export interface ConnectorChoice {
  direction: Direction;
  /** null for the no-connector path. */
  connector: string | null;
  type: ConnectorType | null;
}

export interface ConnectorReport {
  /** First and last stored date; null when the dataset is empty (everything else is then empty). */
  extent: DateRange | null;
  /** The range shown: the request's, ordered, or the 7 days ending at the latest date. */
  range: DateRange | null;
  /** The selection shown: the request's when the dataset has that path, else all mail flow. */
  selection: ConnectorSelection;
  /**
   * Both directions and the insights of the range, as the widget and the CLI summarise them. Not
   * the per-connector totals: no view shows them, and a large tenant's 400 would be copied to the
   * page on every report for nothing.
   */
  summary: Omit<Summary, 'connectors'>;
  /** The selection's totals in the range. */
  totals: DirectionTotals;
  series: SeriesPoint[];
  /** The first rows of the details table in the requested sort (all of them unless a limit was asked). */
  details: DetailsRow[];
  /** How many details rows the range and selection have in all. */
  detailsTotal: number;
  detailsColumns: DetailsColumn[];
  /** The summary's insights that concern the selection. */
  insights: Insight[];
  connectors: ConnectorChoice[];
}

/** All mail flow, both no-connector paths, then every named connector, in the CLI's order. */
export function connectorChoices(
  records: readonly Pick<MailflowRecord, 'direction' | 'connector' | 'connectorType'>[],
): ConnectorChoice[] {
  const choices = new Map<string, ConnectorChoice>();
  for (const direction of ['inbound', 'outbound'] as const) {
    choices.set(`${direction}\u0000`, { direction, connector: null, type: null });
  }
  for (const record of records) {
    const key = `${record.direction}\u0000${record.connector ?? ''}`;
    const known = choices.get(key);
    if (known === undefined) {
      choices.set(key, {
        direction: record.direction,
        connector: record.connector,
        type: record.connectorType,
      });
    } else if (record.connectorType !== null) {
      known.type = record.connectorType;
    }
  }
  return [...choices.values()].sort(compareConnectors);
}

/** The range to show: the requested one (ends swapped if reversed, at most MAX_SERIES_DAYS long). */
export function resolveRange(requested: DateRange | null, extent: DateRange | null): DateRange | null {
  if (requested === null) return extent === null ? null : snapshotWindow(extent.to);
  const range = requested.from <= requested.to ? requested : { from: requested.to, to: requested.from };
  const earliest = addDays(range.to, -(MAX_SERIES_DAYS - 1));
  return range.from < earliest ? { from: earliest, to: range.to } : range;
}

/**
 * `records` must hold at least the range's records. Without `history`, they are the dataset's whole
 * history and the extent and connector choices come from them.
 */
export function connectorReport(
  records: readonly MailflowRecord[],
  requested: ReportRequest,
  thresholds: InsightThresholds = DEFAULT_THRESHOLDS,
  history?: ReportHistory,
): ConnectorReport {
  return connectorReportOf(columnsOf(records), requested, thresholds, {
    extent: history?.extent ?? dateExtent(records),
    connectors: history?.connectors ?? connectorChoices(records),
  });
}

export interface ReportRequest {
  range: DateRange | null;
  selection: ConnectorSelection;
  details?: { sort: DetailsSort; limit: number };
}

/** What the report needs beyond the range: the dataset's first and last dates and every path it has seen. */
export interface ReportHistory {
  extent: DateRange | null;
  connectors: ConnectorChoice[];
}

/**
 * The connector report over records in columns. `columns` must hold at least the range's entries
 * (the store reads only the months the range touches); `history` says what lies beyond.
 */
export function connectorReportOf(
  columns: RecordColumns,
  requested: ReportRequest,
  thresholds: InsightThresholds,
  history: ReportHistory,
): ConnectorReport {
  const { extent, connectors } = history;
  const range = resolveRange(requested.range, extent);
  const known =
    requested.selection.kind === 'all' ||
    connectors.some((choice) =>
      sameSelection(selectionOf(choice.direction, choice.connector), requested.selection),
    );
  const selection = known ? requested.selection : ALL_MAIL_FLOW;
  const { connectors: _perConnector, ...summary } = summarizeColumns(columns, range, thresholds);
  const series = range === null ? [] : dailySeriesOf(columns, range, selection);
  const totals: DirectionTotals = { messages: 0, tls: emptyCounts() };
  for (const point of series) addCounts(totals.tls, point.tls);
  totals.messages = messageCount(totals.tls);
  const page =
    range === null
      ? null
      : detailsPageOf(columns, range, selection, requested.details?.sort, requested.details?.limit);
  return {
    extent,
    range,
    selection,
    summary,
    totals,
    series,
    details: page?.rows ?? [],
    detailsTotal: page?.total ?? 0,
    detailsColumns: page?.columns ?? [],
    insights: summary.insights.filter((insight) => selectionMatches(selection, insight)),
    connectors,
  };
}
