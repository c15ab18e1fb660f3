/**
 * The toolbar popup's client. The widget's snapshot is one small value the store keeps current at
 * every write (src/store/snapshots.ts), so the popup reads it itself and paints without waiting for
 * a worker to start; the flyout's and the report's queries go to the aggregation worker, started
 * on first use.
 */
import { settingsFrom } from '../core/settings.js';
import { mailflowDb } from '../store/schema.js';
import { readSnapshot, type Snapshot } from '../store/snapshots.js';
import { type AggregateClient, createAggregateClient } from './client.js';

/** `first`: the snapshot already being read as the popup opened, answered to the first snapshot call. */
export function createPopupClient(first?: Promise<Snapshot>): AggregateClient {
  const worker = createAggregateClient();
  let early = first;
  return {
    async call(name, request, options) {
      if (name !== 'snapshot') return worker.call(name, request, options);
      if (early !== undefined) {
        const answer = early;
        early = undefined;
        return (await answer) as never;
      }
      const { dataset, thresholds } = request as { dataset: string; thresholds?: unknown };
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
