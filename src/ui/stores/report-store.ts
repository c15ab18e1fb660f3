/**
 * The connector report's state: what is asked (range, view, selection), what the worker answered,
 * and how the details table is sorted. The same store backs report.html and the popup's report.
 */

import { computed, signal } from '@preact/signals';
import type { ExportKind } from '../../core/csv-export.js';
import { daysBetween, snapshotWindow } from '../../core/dates.js';
import { DEFAULT_DETAILS_SORT, type DetailsSort } from '../../core/details-sort.js';
import type { InsightThresholds } from '../../core/insights.js';
import type { DateRange } from '../../core/model.js';
import type { ConnectorChoice, ConnectorReport } from '../../core/report.js';
import { unpackReport } from '../../core/report-wire.js';
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
  /** What the report is of: the dataset in view and the insight thresholds (Settings can change both). */
  let source = { dataset, thresholds };
  const query = signal<ReportQuery>({ range: null, view: 'mailflow', selection: ALL_MAIL_FLOW });
  const state = signal<ReportState>({ status: 'loading' });
  const sort = signal<DetailsSort>(DEFAULT_DETAILS_SORT);
  const ready = computed(() => (state.value.status === 'ready' ? state.value.report : null));
  // A year of 400 connectors is 146,000 details rows: the worker sorts them and sends the first
  // `detailsLimit`; Show more asks for the next page, the exports are built in the worker.
  const detailsLimit = signal(DETAILS_PAGE);
  const columns = computed(() => ready.value?.detailsColumns ?? []);
  const details = computed(() => ready.value?.details ?? []);
  const detailsTotal = computed(() => ready.value?.detailsTotal ?? 0);
  const activePreset = computed(() => {
    const report = ready.value;
    return report === null ? null : presetOf(report.range, report.extent);
  });
  // Only the latest request's answer is shown, however the worker's answers interleave.
  let latestRequest = 0;
  // The connector choices last received and their token: the worker sends them again only after
  // the dataset is written (src/core/report-wire.ts).
  let held: { token: string; choices: readonly ConnectorChoice[] } | null = null;

  async function load(): Promise<void> {
    const requestId = ++latestRequest;
    const { range, selection } = query.value;
    if (state.value.status !== 'ready') state.value = { status: 'loading' };
    try {
      const details = { sort: sort.value, limit: detailsLimit.value };
      const known = held;
      const message = await client.call('report', {
        ...source,
        range,
        selection,
        details,
        ...(known === null ? {} : { choicesToken: known.token }),
      });
      const report = unpackReport(message, message.connectors === null ? (known?.choices ?? null) : null);
      held = { token: message.choicesToken, choices: report.connectors };
      if (requestId !== latestRequest) return;
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
    if ('range' in patch || 'selection' in patch || state.value.status !== 'ready') {
      detailsLimit.value = DETAILS_PAGE;
      void load();
    }
  }

  return {
    query,
    state,
    sort,
    columns,
    details,
    detailsTotal,
    /** Shows the next page of the details table. */
    showMoreDetails(): Promise<void> {
      detailsLimit.value += DETAILS_PAGE;
      return load();
    },
    activePreset,
    load,
    ask,
    /**
     * Settings changed what the report is of. Another dataset starts over at the default range and
     * all mail flow (the connector and dates shown may not exist there); other thresholds only
     * change the insights.
     */
    follow(nextDataset: string, nextThresholds?: InsightThresholds): Promise<void> {
      if (nextDataset !== source.dataset) {
        held = null;
        query.value = { ...query.value, range: null, selection: ALL_MAIL_FLOW };
        detailsLimit.value = DETAILS_PAGE;
      }
      source = { dataset: nextDataset, thresholds: nextThresholds };
      return load();
    },
    setView: (view: ReportView) => ask({ view }),
    setSelection: (selection: ConnectorSelection) => ask({ selection }),
    setRange: (range: DateRange) => ask({ range }),
    setPreset(preset: RangePreset): void {
      const report = ready.value;
      if (report !== null) ask({ range: presetRange(preset, report.extent) });
    },
    /** Click a header: sort by it ascending, a second click descending (the first page again). */
    sortBy(column: DetailsSort['column']): Promise<void> {
      const current = sort.value;
      sort.value =
        current.column === column
          ? { column, direction: current.direction === 'ascending' ? 'descending' : 'ascending' }
          : { column, direction: 'ascending' };
      detailsLimit.value = DETAILS_PAGE;
      return load();
    },
    /** An export of what is shown (every row, in the table's sort), built by the worker; null before anything is. */
    async exportCsv(kind: ExportKind): Promise<CsvFile | null> {
      const report = ready.value;
      if (report === null) return null;
      const request = {
        dataset: source.dataset,
        range: report.range,
        selection: report.selection,
        sort: sort.value,
        kind,
      };
      return client.call('export', request);
    },
  };
}

export type ReportStore = ReturnType<typeof createReportStore>;

/** How many days a range spans, both ends included (for the range label). */
export function rangeDays(range: DateRange): number {
  return daysBetween(range.from, range.to) + 1;
}
