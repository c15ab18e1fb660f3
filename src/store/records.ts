/** Reading stored mail flow records, and the conversions between core and stored records. */
import type { IDBPDatabase } from 'idb';
import { snapshotWindow } from '../core/dates.js';
import type { DateRange, MailflowRecord } from '../core/model.js';
import type { Dataset, MailflowDb, RecordKey, StoredRecord } from './schema.js';

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

export function keyOf(record: StoredRecord): RecordKey {
  return [record.dataset, record.date, record.direction, record.connectorKey];
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
