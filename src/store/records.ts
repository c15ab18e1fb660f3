/**
 * Reading and writing mail flow records. An import is one readwrite transaction over records, the
 * import log and datasets: it lands whole or not at all, and re-importing a key replaces it.
 */
import type { IDBPDatabase } from 'idb';
import { snapshotWindow } from '../core/dates.js';
import type { DateRange, MailflowRecord } from '../core/model.js';
import type { Dataset, ImportLogEntry, MailflowDb, RecordKey, StoredRecord } from './schema.js';

export const DEFAULT_DATASET: Dataset = { id: 'default', name: 'My organisation', createdAt: '' };

export function toStoredRecord(dataset: string, record: MailflowRecord): StoredRecord {
  return { dataset, ...record, connectorKey: record.connector ?? '' };
}

export function fromStoredRecord(stored: StoredRecord): MailflowRecord {
  return {
    date: stored.date,
    direction: stored.direction,
    connector: stored.connector,
    connectorType: stored.connectorType,
    forcedTls: stored.forcedTls,
    counts: stored.counts,
  };
}

function keyOf(record: StoredRecord): RecordKey {
  return [record.dataset, record.date, record.direction, record.connectorKey];
}

export interface ImportRequest {
  dataset: string;
  fileName: string;
  format: string | null;
  rows: number;
  records: MailflowRecord[];
}

export interface ImportOutcome {
  importId: number;
  records: number;
  replaced: number;
  days: number;
  connectors: number;
}

export async function importRecords(
  db: IDBPDatabase<MailflowDb>,
  request: ImportRequest,
): Promise<ImportOutcome> {
  const stored = request.records.map((record) => toStoredRecord(request.dataset, record));
  const tx = db.transaction(['records', 'imports', 'datasets'], 'readwrite');
  // Observed from the start, so an abort is never an unhandled rejection; awaited on success.
  const done = tx.done;
  done.catch(() => {});
  try {
    const records = tx.objectStore('records');
    const previous: StoredRecord[] = [];
    // async callbacks turn a synchronous throw (bad key, unclonable value) into a rejection that
    // Promise.all observes, instead of leaving the requests queued before it unobserved.
    const existing = await Promise.all(stored.map(async (record) => records.get(keyOf(record))));
    for (const old of existing) if (old !== undefined) previous.push(old);
    await Promise.all(stored.map(async (record) => records.put(record)));
    if ((await tx.objectStore('datasets').get(request.dataset)) === undefined) {
      const name = request.dataset === DEFAULT_DATASET.id ? DEFAULT_DATASET.name : request.dataset;
      await tx
        .objectStore('datasets')
        .put({ id: request.dataset, name, createdAt: new Date().toISOString() });
    }
    const entry: ImportLogEntry = {
      dataset: request.dataset,
      fileName: request.fileName,
      format: request.format,
      importedAt: new Date().toISOString(),
      rows: request.rows,
      days: new Set(stored.map((record) => record.date)).size,
      connectors: new Set(stored.map((record) => `${record.direction}\u0000${record.connectorKey}`)).size,
      records: stored.length,
      replaced: previous.length,
      written: stored.map(keyOf),
      previous,
    };
    const importId = await tx.objectStore('imports').add(entry);
    await done;
    return {
      importId,
      records: entry.records,
      replaced: entry.replaced,
      days: entry.days,
      connectors: entry.connectors,
    };
  } catch (error) {
    // A request that throws synchronously does not abort the transaction by itself: the writes
    // already queued would commit. Abort explicitly so the import lands whole or not at all.
    try {
      tx.abort();
    } catch {
      // Already finished or aborted.
    }
    throw error;
  }
}

/** The latest date stored for a dataset, or null when it holds nothing. */
export async function latestDate(db: IDBPDatabase<MailflowDb>, dataset: string): Promise<string | null> {
  const range = IDBKeyRange.bound([dataset, ''], [dataset, '\uffff']);
  const cursor = await db.transaction('records').store.index('by-dataset-date').openKeyCursor(range, 'prev');
  return cursor === null ? null : (cursor.key[1] ?? null);
}

export async function earliestDate(db: IDBPDatabase<MailflowDb>, dataset: string): Promise<string | null> {
  const range = IDBKeyRange.bound([dataset, ''], [dataset, '\uffff']);
  const cursor = await db.transaction('records').store.index('by-dataset-date').openKeyCursor(range, 'next');
  return cursor === null ? null : (cursor.key[1] ?? null);
}

export async function readRecords(
  db: IDBPDatabase<MailflowDb>,
  dataset: string,
  range: DateRange,
): Promise<MailflowRecord[]> {
  const stored = await db.getAllFromIndex(
    'records',
    'by-dataset-date',
    IDBKeyRange.bound([dataset, range.from], [dataset, range.to]),
  );
  return stored.map(fromStoredRecord);
}

/** The snapshot window of a dataset (7 days ending at its latest date), or null when it is empty. */
export async function snapshotRangeOf(
  db: IDBPDatabase<MailflowDb>,
  dataset: string,
): Promise<DateRange | null> {
  const latest = await latestDate(db, dataset);
  return latest === null ? null : snapshotWindow(latest);
}

export async function deleteAllData(db: IDBPDatabase<MailflowDb>): Promise<void> {
  const tx = db.transaction(['records', 'imports', 'datasets'], 'readwrite');
  await Promise.all([
    tx.objectStore('records').clear(),
    tx.objectStore('imports').clear(),
    tx.objectStore('datasets').clear(),
  ]);
  await tx.done;
}

export async function countRecords(db: IDBPDatabase<MailflowDb>, dataset: string): Promise<number> {
  return db.countFromIndex(
    'records',
    'by-dataset-date',
    IDBKeyRange.bound([dataset, ''], [dataset, '\uffff']),
  );
}
