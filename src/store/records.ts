/** Reading stored mail flow records (unpacked from their month packs) and dates. */
import type { IDBPDatabase } from 'idb';
import { snapshotWindow } from '../core/dates.js';
import type { DateRange, MailflowRecord } from '../core/model.js';
import { edgeDateOfPack, monthOf, recordsOfPack } from './month-packs.js';
import type { Dataset, MailflowDb, StoredPath } from './schema.js';

export const DEFAULT_DATASET: Dataset = { id: 'default', name: 'My organisation', createdAt: '' };

/** Every key of a dataset in a store keyed [dataset, …]: arrays sort after strings and numbers. */
export function datasetKeys(dataset: string): IDBKeyRange {
  return IDBKeyRange.bound([dataset], [dataset, []]);
}

/** Every connector path a dataset has seen, in id order. */
export async function listPaths(db: IDBPDatabase<MailflowDb>, dataset: string): Promise<StoredPath[]> {
  return db.getAll('paths', datasetKeys(dataset));
}

/** A dataset's connector paths by id, from the `paths` store of any transaction. */
export async function pathsOf(
  store: { getAll(query: IDBKeyRange): Promise<StoredPath[]> },
  dataset: string,
): Promise<Map<number, StoredPath>> {
  const paths = await store.getAll(datasetKeys(dataset));
  return new Map(paths.map((path) => [path.id, path]));
}

async function edgeDate(db: IDBPDatabase<MailflowDb>, dataset: string, direction: 'next' | 'prev') {
  const cursor = await db.transaction('months').store.openCursor(datasetKeys(dataset), direction);
  return cursor === null ? null : edgeDateOfPack(cursor.value, direction === 'next' ? 'first' : 'last');
}

/** The latest date stored for a dataset, or null when it holds nothing. */
export function latestDate(db: IDBPDatabase<MailflowDb>, dataset: string): Promise<string | null> {
  return edgeDate(db, dataset, 'prev');
}

export function earliestDate(db: IDBPDatabase<MailflowDb>, dataset: string): Promise<string | null> {
  return edgeDate(db, dataset, 'next');
}

/** First and last stored date of a dataset, or null when it holds nothing. */
export async function extentOf(db: IDBPDatabase<MailflowDb>, dataset: string): Promise<DateRange | null> {
  const [from, to] = await Promise.all([earliestDate(db, dataset), latestDate(db, dataset)]);
  return from === null || to === null ? null : { from, to };
}

/** The records of a dataset whose date is in `range`, both ends included, in date order. */
export async function readRecords(
  db: IDBPDatabase<MailflowDb>,
  dataset: string,
  range: DateRange,
): Promise<MailflowRecord[]> {
  const tx = db.transaction(['months', 'paths']);
  const [packs, paths] = await Promise.all([
    tx
      .objectStore('months')
      .getAll(IDBKeyRange.bound([dataset, monthOf(range.from)], [dataset, monthOf(range.to)])),
    pathsOf(tx.objectStore('paths'), dataset),
  ]);
  return packs.flatMap((pack) => recordsOfPack(pack, paths, range.from, range.to));
}

/** The snapshot window of a dataset (7 days ending at its latest date), or null when it is empty. */
export async function snapshotRangeOf(
  db: IDBPDatabase<MailflowDb>,
  dataset: string,
): Promise<DateRange | null> {
  const latest = await latestDate(db, dataset);
  return latest === null ? null : snapshotWindow(latest);
}

/** Stored records (day × path entries) of a dataset. */
export async function countRecords(db: IDBPDatabase<MailflowDb>, dataset: string): Promise<number> {
  let total = 0;
  let cursor = await db.transaction('months').store.openCursor(datasetKeys(dataset));
  while (cursor !== null) {
    total += cursor.value.paths.length;
    cursor = await cursor.continue();
  }
  return total;
}

export async function deleteAllData(db: IDBPDatabase<MailflowDb>): Promise<void> {
  const tx = db.transaction(['months', 'paths', 'imports', 'datasets'], 'readwrite');
  await Promise.all([
    tx.objectStore('months').clear(),
    tx.objectStore('paths').clear(),
    tx.objectStore('imports').clear(),
    tx.objectStore('datasets').clear(),
  ]);
  await tx.done;
}
