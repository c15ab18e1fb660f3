/**
 * The toolbar popup's client. The widget's snapshot is one small value the store keeps current at
 * every write (src/store/snapshots.ts), so the popup reads it itself and paints without waiting for
 * a worker to start; the flyout's and the report's queries go to the aggregation worker, started
 * on first use.
 */
import { settingsFrom } from '../core/settings.js';
import { readSnapshot } from '../store/snapshots.js';
import { type AggregateClient, createAggregateClient } from './client.js';

/** Snapshot calls read the stored snapshot here; every other call goes to the worker. */
export function createPopupClient(): AggregateClient {
  const worker = createAggregateClient();
  return {
    async call(name, request, options) {
      if (name !== 'snapshot') return worker.call(name, request, options);
      const { dataset, thresholds } = request as { dataset: string; thresholds?: unknown };
      // The schema code (idb, the migrations) loads only here: the popup's first snapshot came without it.
      const { mailflowDb } = await import('../store/schema.js');
      return (await readSnapshot(
        await mailflowDb(),
        dataset,
        settingsFrom({ thresholds }).thresholds,
      )) as never;
    },
    terminate() {
      worker.terminate();
    },
  };
}
