/** Reading stored mail flow records (unpacked from their month packs) and dates. */
import type { IDBPDatabase } from 'idb';
import type { DateRange, MailflowRecord } from '../core/model.js';
import type { ConnectorPath, RecordBlock, RecordColumns } from '../core/record-columns.js';
import { DEFAULT_DATASET_ID } from '../core/settings.js';
import { blockOfPack, monthOf, recordsOfPack } from './month-packs.js';
import type { PackCache } from './pack-cache.js';
import { allPacks, packsInRange, packsWithin, quartersBetween } from './quarter-packs.js';
import type { Dataset, MailflowDb, MonthPack, PathTable } from './schema.js';

export const DEFAULT_DATASET: Dataset = { id: DEFAULT_DATASET_ID, name: 'My organisation', createdAt: '' };

/** A dataset's connector paths, indexed by id, from the `paths` store of any transaction. */
export async function pathsOf(
  store: { get(dataset: string): Promise<PathTable | undefined> },
  dataset: string,
): Promise<ConnectorPath[]> {
  return (await store.get(dataset))?.paths ?? [];
}

/** First and last stored date of a dataset, or null when it holds nothing: kept with its snapshot. */
export async function extentOf(db: IDBPDatabase<MailflowDb>, dataset: string): Promise<DateRange | null> {
  return (await db.get('snapshots', dataset))?.extent ?? null;
}

/** The records of a dataset whose date is in `range`, both ends included, in date order. */
export async function readRecords(
  db: IDBPDatabase<MailflowDb>,
  dataset: string,
  range: DateRange,
): Promise<MailflowRecord[]> {
  const tx = db.transaction(['quarters', 'paths']);
  const [packs, paths] = await Promise.all([
    packsInRange(tx.objectStore('quarters'), dataset, monthOf(range.from), monthOf(range.to)),
    pathsOf(tx.objectStore('paths'), dataset),
  ]);
  return packs.flatMap((pack) => recordsOfPack(pack, paths, range.from, range.to));
}

/**
 * Blocks of packs read back: a pack from IndexedDB is never changed, and while the query cache
 * keeps its quarter, the same block object carries its day index (src/core/block-index.ts) from
 * one report to the next.
 */
const blocks = new WeakMap<MonthPack, RecordBlock>();

function blockOfStoredPack(pack: MonthPack): RecordBlock {
  let block = blocks.get(pack);
  if (block === undefined) {
    block = blockOfPack(pack);
    blocks.set(pack, block);
  }
  return block;
}

/**
 * The dataset's extent, the range `rangeFor` picks from it, and that range's records as columns,
 * in one read transaction: the report needs all three, and each transaction is a round trip. With
 * a cache, quarters and paths read under the same snapshot generation are not read again.
 */
export async function readRangeColumns(
  db: IDBPDatabase<MailflowDb>,
  dataset: string,
  rangeFor: (extent: DateRange | null) => DateRange | null,
  cache?: PackCache,
): Promise<{
  extent: DateRange | null;
  range: DateRange | null;
  columns: RecordColumns;
  /** The snapshot generation read (src/store/snapshots.ts): '' for a dataset never written. */
  generation: string;
}> {
  const tx = db.transaction(['quarters', 'paths', 'snapshots']);
  const snapshot = await tx.objectStore('snapshots').get(dataset);
  const extent = snapshot?.extent ?? null;
  const generation = snapshot?.generation ?? '';
  const range = rangeFor(extent);
  const cached =
    cache !== undefined && snapshot !== undefined ? cache.at(dataset, snapshot.generation) : null;
  const pathStore = tx.objectStore('paths');
  const quarterStore = tx.objectStore('quarters');
  const table = cached?.paths ?? (await pathStore.get(dataset));
  cached?.keepPaths(table);
  if (range === null)
    return { extent, range, generation, columns: { paths: table?.paths ?? [], blocks: [] } };
  const [fromMonth, toMonth] = [monthOf(range.from), monthOf(range.to)];
  const packs =
    cached === null
      ? await packsInRange(quarterStore, dataset, fromMonth, toMonth)
      : packsWithin(
          await Promise.all(
            quartersBetween(fromMonth, toMonth).map(async (key) => {
              const known = cached.quarter(key);
              if (known !== undefined) return known;
              const value = (await quarterStore.get([dataset, key])) ?? null;
              cached.keepQuarter(key, value);
              return value;
            }),
          ),
          fromMonth,
          toMonth,
        );
  return {
    extent,
    range,
    generation,
    columns: { paths: table?.paths ?? [], blocks: packs.map(blockOfStoredPack) },
  };
}

/** Stored records (day × path entries) of a dataset. */
export async function countRecords(db: IDBPDatabase<MailflowDb>, dataset: string): Promise<number> {
  const packs = await allPacks(db.transaction('quarters').store, dataset);
  return packs.reduce((total, pack) => total + pack.size, 0);
}

export async function deleteAllData(db: IDBPDatabase<MailflowDb>): Promise<void> {
  const tx = db.transaction(['quarters', 'paths', 'imports', 'datasets', 'snapshots'], 'readwrite');
  await Promise.all([
    tx.objectStore('snapshots').clear(),
    tx.objectStore('quarters').clear(),
    tx.objectStore('paths').clear(),
    tx.objectStore('imports').clear(),
    tx.objectStore('datasets').clear(),
  ]);
  await tx.done;
}
