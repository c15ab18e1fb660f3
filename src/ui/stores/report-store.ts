/**
 * The connector report's state: what is asked (range, view, selection), what the worker answered,
 * and how the details table is sorted. The same store backs report.html and the popup's report.
 */

import { computed, signal } from '@preact/signals';
import { detailsCsv, type ExportKind, exactCountsCsv, exportFileName } from '../../core/csv-export.js';
import { daysBetween, snapshotWindow } from '../../core/dates.js';
import { DEFAULT_DETAILS_SORT, type DetailsSort, detailsColumns, sortDetails } from '../../core/details.js';
import type { InsightThresholds } from '../../core/insights.js';
import type { DateRange } from '../../core/model.js';
import type { ConnectorReport } from '../../core/report.js';
import { ALL_MAIL_FLOW, type ConnectorSelection } from '../../core/selection.js';
import type { AggregateClient } from '../../worker/client.js';

export type ReportView = 'mailflow' | 'tls';

export interface ReportQuery {
  /** null: the default, the 7 days ending at the latest stored date. */
  range: DateRange | null;
  view: ReportView;
  selection: ConnectorSelection;
}

export type ReadyReport = ConnectorReport & { range: DateRange; extent: DateRange };

export type ReportState =
  | { status: 'loading' }
  | { status: 'empty' }
  | { status: 'ready'; report: ReadyReport }
  | { status: 'error'; message: string };

export const RANGE_PRESETS = [7, 30, 90, 365, 'all'] as const;
export type RangePreset = (typeof RANGE_PRESETS)[number];

/** The range a preset stands for: N days ending at the latest stored date, or all of it. */
export function presetRange(preset: RangePreset, extent: DateRange): DateRange {
  return preset === 'all' ? { ...extent } : snapshotWindow(extent.to, preset);
}

export function presetOf(range: DateRange, extent: DateRange): RangePreset | null {
  return (
    RANGE_PRESETS.find((preset) => {
      const candidate = presetRange(preset, extent);
      return candidate.from === range.from && candidate.to === range.to;
    }) ?? null
  );
}

export interface CsvFile {
  fileName: string;
  text: string;
}

/** Details rows the table shows at first, and adds per "Show more". */
export const DETAILS_PAGE = 250;

export function createReportStore(client: AggregateClient, dataset: string, thresholds?: InsightThresholds) {
  const query = signal<ReportQuery>({ range: null, view: 'mailflow', selection: ALL_MAIL_FLOW });
  const state = signal<ReportState>({ status: 'loading' });
  const sort = signal<DetailsSort>(DEFAULT_DETAILS_SORT);
  const ready = computed(() => (state.value.status === 'ready' ? state.value.report : null));
  const columns = computed(() => detailsColumns(ready.value?.details ?? []));
  const details = computed(() => sortDetails(ready.value?.details ?? [], sort.value));
  // A year of 400 connectors is 146,000 rows: the table shows a page at a time, the export all.
  const detailsShown = signal(DETAILS_PAGE);
  const visibleDetails = computed(() => details.value.slice(0, detailsShown.value));
  const activePreset = computed(() => {
    const report = ready.value;
    return report === null ? null : presetOf(report.range, report.extent);
  });
  // Only the latest request's answer is shown, however the worker's answers interleave.
  let latestRequest = 0;

  async function load(): Promise<void> {
    const requestId = ++latestRequest;
    const { range, selection } = query.value;
    if (state.value.status !== 'ready') state.value = { status: 'loading' };
    try {
      const report = await client.call('report', { dataset, range, selection, thresholds });
      if (requestId !== latestRequest) return;
      detailsShown.value = DETAILS_PAGE;
      if (report.extent === null || report.range === null) state.value = { status: 'empty' };
      else
        state.value = { status: 'ready', report: { ...report, range: report.range, extent: report.extent } };
    } catch (error) {
      if (requestId !== latestRequest) return;
      state.value = { status: 'error', message: error instanceof Error ? error.message : String(error) };
    }
  }

  /** Sets what is asked; reloads only when the data changes (the view is just another chart). */
  function ask(patch: Partial<ReportQuery>): void {
    const before = query.value;
    query.value = { ...before, ...patch };
    if ('range' in patch || 'selection' in patch || state.value.status !== 'ready') void load();
  }

  return {
    query,
    state,
    sort,
    columns,
    details,
    visibleDetails,
    /** Shows the next page of the details table. */
    showMoreDetails(): void {
      detailsShown.value += DETAILS_PAGE;
    },
    activePreset,
    load,
    ask,
    setView: (view: ReportView) => ask({ view }),
    setSelection: (selection: ConnectorSelection) => ask({ selection }),
    setRange: (range: DateRange) => ask({ range }),
    setPreset(preset: RangePreset): void {
      const report = ready.value;
      if (report !== null) ask({ range: presetRange(preset, report.extent) });
    },
    /** Click a header: sort by it ascending, a second click descending. */
    sortBy(column: DetailsSort['column']): void {
      const current = sort.value;
      sort.value =
        current.column === column
          ? { column, direction: current.direction === 'ascending' ? 'descending' : 'ascending' }
          : { column, direction: 'ascending' };
    },
    /** The file for an export of what is shown, or null before anything is. */
    csvFile(kind: ExportKind): CsvFile | null {
      const report = ready.value;
      if (report === null) return null;
      return {
        fileName: exportFileName(dataset, report.range, kind),
        text: kind === 'details' ? detailsCsv(details.value, columns.value) : exactCountsCsv(details.value),
      };
    },
  };
}

export type ReportStore = ReturnType<typeof createReportStore>;

/** How many days a range spans, both ends included (for the range label). */
export function rangeDays(range: DateRange): number {
  return daysBetween(range.from, range.to) + 1;
}
