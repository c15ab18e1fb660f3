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

/** The state a snapshot answer (or its failure) puts the widget in. */
export function snapshotState(
  answer: PromiseSettledResult<{ window: DateRange | null; summary: Summary }>,
): SnapshotState {
  if (answer.status === 'rejected') {
    const error = answer.reason;
    return { status: 'error', message: error instanceof Error ? error.message : String(error) };
  }
  const { window, summary } = answer.value;
  return window === null ? { status: 'empty' } : { status: 'ready', window, summary };
}

/** `first`: a state already known (the popup reads its snapshot before it mounts), else loading. */
export function createSnapshotStore(
  client: AggregateClient,
  dataset: string,
  thresholds?: InsightThresholds,
  first: SnapshotState = { status: 'loading' },
) {
  const state = signal<SnapshotState>(first);
  async function load(): Promise<void> {
    const [answer] = await Promise.allSettled([client.call('snapshot', { dataset, thresholds })]);
    state.value = snapshotState(
      answer as PromiseSettledResult<{ window: DateRange | null; summary: Summary }>,
    );
  }
  return { state, load };
}

export type SnapshotStore = ReturnType<typeof createSnapshotStore>;
