/**
 * The toolbar popup's client. The widget's snapshot is one small value the store keeps current at
 * every write (src/store/snapshots.ts), so the popup reads it itself and paints without waiting for
 * a worker to start; the flyout's and the report's queries go to the aggregation worker, started
 * on first use. Neither the worker client nor the store code is part of the popup's first chunk:
 * both load on the first call that needs them.
 */
import { settingsFrom } from '../core/settings.js';
import { openSnapshotStore } from '../store/snapshot-store-on-demand.js';
import type { AggregateClient } from './client.js';

/** Snapshot calls read the stored snapshot here; every other call goes to the worker. */
export function createPopupClient(): AggregateClient {
  let worker: Promise<AggregateClient> | null = null;
  const workerClient = () => {
    worker ??= import('./client.js').then((client) => client.createAggregateClient());
    return worker;
  };
  return {
    async call(name, request, options) {
      if (name !== 'snapshot') return (await workerClient()).call(name, request, options);
      const { dataset, thresholds } = request as { dataset: string; thresholds?: unknown };
      const { db, readSnapshot } = await openSnapshotStore();
      return (await readSnapshot(db, dataset, settingsFrom({ thresholds }).thresholds)) as never;
    },
    terminate() {
      void worker?.then((client) => client.terminate());
    },
  };
}
