/** The popup's state: the snapshot window of the current dataset and its summary, from the worker. */
import { signal } from '@preact/signals';
import type { Summary } from '../../core/aggregate.js';
import type { InsightThresholds } from '../../core/insights.js';
import type { DateRange } from '../../core/model.js';
import type { AggregateClient } from '../../worker/client.js';

export type SnapshotState =
  | { status: 'loading' }
  | { status: 'empty' }
  | { status: 'ready'; window: DateRange; summary: Summary }
  | { status: 'error'; message: string };

export function createSnapshotStore(
  client: AggregateClient,
  dataset: string,
  thresholds?: InsightThresholds,
) {
  const state = signal<SnapshotState>({ status: 'loading' });
  async function load(): Promise<void> {
    try {
      const { window, summary } = await client.call('snapshot', { dataset, thresholds });
      state.value = window === null ? { status: 'empty' } : { status: 'ready', window, summary };
    } catch (error) {
      state.value = { status: 'error', message: error instanceof Error ? error.message : String(error) };
    }
  }
  return { state, load };
}

export type SnapshotStore = ReturnType<typeof createSnapshotStore>;
