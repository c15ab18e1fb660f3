/**
 * The widget's snapshot, kept current by every write. The popup must paint at once, so it reads
 * one small value instead of opening the aggregation worker: every transaction that changes a
 * dataset's packs (import, undo, restore, the v3 upgrade) recomputes that dataset's snapshot with
 * the core's `summarizeColumns` before it commits, so the stored snapshot can never disagree with
 * the packs. Insights are not stored: they depend on the thresholds in Settings, and are found from
 * the stored connector totals when read.
 */
import type { IDBPDatabase } from 'idb';
import { type ConnectorTotals, type DirectionTotals, summarizeColumns } from '../core/aggregate.js';
import { snapshotWindow } from '../core/dates.js';
import type { InsightThresholds } from '../core/insights.js';
import { type ConnectorType, type DateRange, type Direction, TLS_BUCKETS } from '../core/model.js';
import { BUCKETS } from '../core/record-columns.js';
import { blockOfPack, edgeDateOfPack, monthOf } from './month-packs.js';
import { edgePacks, type QuarterStore } from './quarter-packs.js';
import { pathsOf } from './records.js';
import type { MailflowDb, PathTable } from './schema.js';
import { type Snapshot, snapshotOf } from './snapshot-view.js';

export interface StoredSnapshot {
  dataset: string;
  /** New at every write of the dataset: what a query cache checks its copies against (pack-cache.ts). */
  generation: string;
  /** The dataset's first and last stored dates: the report's date picker needs them on every query. */
  extent: DateRange;
  /** The 7 days ending at the dataset's latest date. */
  window: DateRange;
  directions: Record<Direction, DirectionTotals>;
  /**
   * Each connector's totals in the window, in the CLI's order, as columns: the popup reads this
   * value first thing, and 400 connectors as objects took several times longer to read back.
   */
  connectors: {
    /** 0 inbound, 1 outbound. */
    directions: Uint8Array;
    names: (string | null)[];
    types: (ConnectorType | null)[];
    /** Six per connector, in TLS_BUCKETS order. */
    counts: Float64Array;
  };
}

function connectorColumns(connectors: readonly ConnectorTotals[]): StoredSnapshot['connectors'] {
  const counts = new Float64Array(connectors.length * BUCKETS);
  connectors.forEach((totals, index) => {
    TLS_BUCKETS.forEach((bucket, offset) => {
      counts[index * BUCKETS + offset] = totals.tls[bucket];
    });
  });
  return {
    directions: Uint8Array.from(connectors, (totals) => (totals.direction === 'inbound' ? 0 : 1)),
    names: connectors.map((totals) => totals.connector),
    types: connectors.map((totals) => totals.type),
    counts,
  };
}

/** The stores a snapshot is computed from and kept in, in a transaction of any mode. */
interface SnapshotStores {
  objectStore(name: 'quarters'): QuarterStore;
  objectStore(name: 'paths'): { get(dataset: string): Promise<PathTable | undefined> };
  objectStore(name: 'snapshots'): {
    put(value: StoredSnapshot): Promise<unknown>;
    delete(key: string): Promise<unknown>;
  };
}

/**
 * Recomputes a dataset's snapshot inside a write transaction over quarters, paths and snapshots,
 * from what that transaction sees: the last two month packs (a 7-day window spans at most two
 * months) and the first one, for the extent.
 */
export async function refreshSnapshot(tx: SnapshotStores, dataset: string): Promise<void> {
  const store = tx.objectStore('quarters');
  const paths = pathsOf(tx.objectStore('paths'), dataset);
  const [last, first] = await Promise.all([
    edgePacks(store, dataset, 'prev', 2),
    edgePacks(store, dataset, 'next', 1),
  ]);
  const latest = last[0] === undefined ? null : edgeDateOfPack(last[0], 'last');
  const earliest = first[0] === undefined ? null : edgeDateOfPack(first[0], 'first');
  if (latest === null || earliest === null) {
    await paths;
    await tx.objectStore('snapshots').delete(dataset);
    return;
  }
  const window = snapshotWindow(latest);
  const extent = { from: earliest, to: latest };
  const packs = last.filter((pack) => pack.month >= monthOf(window.from));
  const columns = { paths: await paths, blocks: packs.map(blockOfPack) };
  const { directions, connectors } = summarizeColumns(columns, window);
  await tx.objectStore('snapshots').put({
    dataset,
    generation: crypto.randomUUID(),
    extent,
    window,
    directions,
    connectors: connectorColumns(connectors),
  });
}

/**
 * Every dataset's stored snapshot, for a reader that does not yet know which dataset is current
 * (the popup reads them while it reads the settings; there is one small value per dataset).
 */
export function readAllSnapshots(db: IDBPDatabase<MailflowDb>): Promise<StoredSnapshot[]> {
  return db.getAll('snapshots');
}

export { type Snapshot, snapshotOf } from './snapshot-view.js';

/** The dataset's snapshot: one small value read, nothing computed but the insights. */
export async function readSnapshot(
  db: IDBPDatabase<MailflowDb>,
  dataset: string,
  thresholds?: InsightThresholds,
): Promise<Snapshot> {
  return snapshotOf(await db.get('snapshots', dataset), thresholds);
}
