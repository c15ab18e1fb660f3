/** The report tab's state: the range (from the URL, else the snapshot window) and its summary. */
import { signal } from '@preact/signals';
import type { Summary } from '../../core/aggregate.js';
import { isIsoDate, snapshotWindow } from '../../core/dates.js';
import type { DateRange } from '../../core/model.js';
import type { AggregateClient } from '../../worker/client.js';

export type ReportState =
  | { status: 'loading' }
  | { status: 'empty' }
  | { status: 'ready'; range: DateRange; extent: DateRange; summary: Summary }
  | { status: 'error'; message: string };

/** `?from=YYYY-MM-DD&to=YYYY-MM-DD`; anything else in the URL is ignored, never trusted. */
export function rangeFromSearch(search: string): Partial<DateRange> {
  const params = new URLSearchParams(search);
  const from = params.get('from');
  const to = params.get('to');
  return {
    ...(from !== null && isIsoDate(from) ? { from } : {}),
    ...(to !== null && isIsoDate(to) ? { to } : {}),
  };
}

export function createReportStore(client: AggregateClient, dataset: string) {
  const state = signal<ReportState>({ status: 'loading' });

  async function load(requested: Partial<DateRange>): Promise<void> {
    try {
      const extent = await client.call('extent', { dataset });
      if (extent === null) {
        state.value = { status: 'empty' };
        return;
      }
      const fallback = snapshotWindow(requested.to ?? extent.to);
      let range = { from: requested.from ?? fallback.from, to: requested.to ?? fallback.to };
      if (range.from > range.to) range = { from: range.to, to: range.from };
      const summary = await client.call('summary', { dataset, range });
      state.value = { status: 'ready', range, extent, summary };
    } catch (error) {
      state.value = { status: 'error', message: error instanceof Error ? error.message : String(error) };
    }
  }

  return { state, load };
}

export type ReportStore = ReturnType<typeof createReportStore>;
