/**
 * Writing imports, and undoing them. An import is one readwrite transaction over records, the
 * import log and datasets: it lands whole or not at all, and re-importing a key replaces it.
 * The log keeps what each import replaced, so Undo puts back exactly what was there before.
 */
import type { IDBPDatabase, IDBPTransaction, StoreNames } from 'idb';
import type { MailflowRecord } from '../core/model.js';
import { DEFAULT_DATASET, keyOf, toStoredRecord } from './records.js';
import type { ImportLogEntry, MailflowDb, RecordKey, StoredRecord } from './schema.js';

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
  const done = observed(tx);
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
    abortQuietly(tx);
    throw error;
  }
}

type WriteTransaction = IDBPTransaction<MailflowDb, StoreNames<MailflowDb>[], 'readwrite'>;

/** tx.done, observed from the start so an abort is never an unhandled rejection; await it on success. */
function observed(tx: WriteTransaction): Promise<void> {
  const done = tx.done;
  done.catch(() => {});
  return done;
}

/**
 * A request that throws synchronously does not abort the transaction by itself: the writes already
 * queued would commit. Abort explicitly so the change lands whole or not at all.
 */
function abortQuietly(tx: WriteTransaction): void {
  try {
    tx.abort();
  } catch {
    // Already finished or aborted.
  }
}

const keyString = (key: RecordKey): string => key.join('\u0000');

export interface UndoOutcome {
  /** Records the import had added, now deleted. */
  removed: number;
  /** Records the import had replaced, now back as they were. */
  restored: number;
}

/**
 * Undoes an import: deletes what it added and puts back what it replaced. Refused when a later
 * import wrote some of the same records, because undoing this one would then damage that one.
 */
export async function undoImport(db: IDBPDatabase<MailflowDb>, importId: number): Promise<UndoOutcome> {
  const tx = db.transaction(['records', 'imports'], 'readwrite');
  const done = observed(tx);
  try {
    const imports = tx.objectStore('imports');
    const entry = await imports.get(importId);
    if (entry === undefined)
      throw new Error(`There is no import ${importId} to undo (it may have been undone already).`);
    const written = new Set(entry.written.map(keyString));
    let later = await imports.openCursor(IDBKeyRange.lowerBound(importId, true));
    while (later !== null) {
      if (
        later.value.dataset === entry.dataset &&
        later.value.written.some((key) => written.has(keyString(key)))
      ) {
        throw new Error(
          `"${later.value.fileName}", imported after "${entry.fileName}", replaced some of the same days. Undo it first.`,
        );
      }
      later = await later.continue();
    }
    const records = tx.objectStore('records');
    const previous = new Set(entry.previous.map((record) => keyString(keyOf(record))));
    const removals = entry.written.filter((key) => !previous.has(keyString(key)));
    await Promise.all([
      ...removals.map(async (key) => records.delete(key)),
      ...entry.previous.map(async (record) => records.put(record)),
      imports.delete(importId),
    ]);
    await done;
    return { removed: removals.length, restored: entry.previous.length };
  } catch (error) {
    abortQuietly(tx);
    throw error;
  }
}

/** What the import page and the capture notice show about an import: the log entry without its undo data. */
export type ImportSummary = Omit<ImportLogEntry, 'written' | 'previous'> & { id: number };

/** A dataset's imports, newest first. */
export async function listImports(
  db: IDBPDatabase<MailflowDb>,
  dataset: string,
  limit = 100,
): Promise<ImportSummary[]> {
  const summaries: ImportSummary[] = [];
  let cursor = await db.transaction('imports').store.openCursor(null, 'prev');
  while (cursor !== null && summaries.length < limit) {
    if (cursor.value.dataset === dataset) {
      const { written: _written, previous: _previous, ...summary } = cursor.value;
      summaries.push({ ...summary, id: cursor.primaryKey });
    }
    cursor = await cursor.continue();
  }
  return summaries;
}
