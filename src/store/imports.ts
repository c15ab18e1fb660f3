/**
 * Writing imports, and undoing them. An import is one readwrite transaction over month packs,
 * paths, the import log and datasets: it lands whole or not at all, and re-importing a record
 * (same dataset, date, direction, connector) replaces it. The log keeps what each import replaced,
 * so Undo puts back exactly what was there before.
 */
import type { IDBPDatabase } from 'idb';
import { groupBy } from '../core/group-by.js';
import type { MailflowRecord } from '../core/model.js';
import type { ConnectorPath } from '../core/record-columns.js';
import {
  BUCKETS,
  dayOf,
  emptyPack,
  entryId,
  forcedCode,
  monthOf,
  type PackEntry,
  packColumns,
  rewritePack,
  writeIntoPack,
  writePackedCounts,
} from './month-packs.js';
import { monthPacksOf, writeMonthPacks } from './quarter-packs.js';
import { DEFAULT_DATASET, pathsOf } from './records.js';
import type { ImportLogEntry, ImportUndo, MailflowDb, MonthPack } from './schema.js';
import { refreshSnapshot } from './snapshots.js';
import { abandon, observed, type WriteTransaction } from './transactions.js';

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

const pathKey = (direction: string, connector: string | null) => `${direction}\u0000${connector ?? ''}`;

/** Numbers each record's path, adding paths the dataset has not seen and updating connector types. */
async function assignPaths(
  tx: WriteTransaction,
  dataset: string,
  records: readonly MailflowRecord[],
): Promise<number[]> {
  const store = tx.objectStore('paths');
  const paths = await pathsOf(store, dataset);
  const idOf = new Map<string, number>();
  paths.forEach((path, id) => {
    idOf.set(pathKey(path.direction, path.connector), id);
  });
  let changed = false;
  const ids = records.map((record) => {
    const key = pathKey(record.direction, record.connector);
    let id = idOf.get(key);
    if (id === undefined) {
      id = paths.length;
      paths.push({
        direction: record.direction,
        connector: record.connector,
        connectorType: record.connectorType,
      });
      idOf.set(key, id);
      changed = true;
    } else {
      const path = paths[id] as ConnectorPath;
      if (record.connectorType !== null && record.connectorType !== path.connectorType) {
        path.connectorType = record.connectorType;
        changed = true;
      }
    }
    return id;
  });
  if (changed) await store.put({ dataset, paths });
  return ids;
}

/** Indexes of `dates`, grouped by month, in first-seen order. */
function groupByMonth(dates: readonly string[]): Map<string, number[]> {
  return groupBy(dates.keys(), (index) => monthOf(dates[index] as string));
}

export async function importRecords(
  db: IDBPDatabase<MailflowDb>,
  request: ImportRequest,
): Promise<ImportOutcome> {
  const { dataset, records } = request;
  const tx = db.transaction(['quarters', 'paths', 'imports', 'datasets', 'snapshots'], 'readwrite');
  const done = observed(tx);
  try {
    const pathIds = await assignPaths(tx, dataset, records);
    const store = tx.objectStore('quarters');
    const byMonth = groupByMonth(records.map((record) => record.date));
    const months = [...byMonth.keys()];
    const packs = await monthPacksOf(store, dataset, months);
    const undo: ImportUndo = {
      dates: [],
      paths: new Uint32Array(records.length),
      existed: new Uint8Array(records.length),
      forced: new Int8Array(records.length),
      counts: new Uint32Array(records.length * BUCKETS),
    };
    let replaced = 0;
    const written: MonthPack[] = months.map((month) => {
      const indexes = byMonth.get(month) ?? [];
      const writes = {
        size: indexes.length,
        days: new Uint8Array(indexes.length),
        paths: new Uint32Array(indexes.length),
        forced: new Int8Array(indexes.length),
        counts: new Uint32Array(indexes.length * BUCKETS),
      };
      indexes.forEach((index, write) => {
        const record = records[index] as MailflowRecord;
        writes.days[write] = dayOf(record.date);
        writes.paths[write] = pathIds[index] ?? 0;
        writes.forced[write] = forcedCode(record.forcedTls);
        writePackedCounts(record, writes.counts, write * BUCKETS);
      });
      const old = packs.get(month) ?? emptyPack(dataset, month);
      const oldColumns = packColumns(old);
      const result = writeIntoPack(old, writes);
      result.replaced.forEach((oldIndex, write) => {
        const slot = undo.dates.length;
        undo.dates.push((records[indexes[write] ?? 0] as MailflowRecord).date);
        undo.paths[slot] = writes.paths[write] ?? 0;
        if (oldIndex >= 0) {
          replaced++;
          undo.existed[slot] = 1;
          undo.forced[slot] = oldColumns.forced[oldIndex] ?? -1;
          undo.counts.set(
            oldColumns.counts.subarray(oldIndex * BUCKETS, (oldIndex + 1) * BUCKETS),
            slot * BUCKETS,
          );
        }
      });
      return result.pack;
    });
    await writeMonthPacks(store, dataset, written);
    await refreshSnapshot(tx, dataset);
    const datasets = tx.objectStore('datasets');
    if ((await datasets.get(dataset)) === undefined) {
      const name = dataset === DEFAULT_DATASET.id ? DEFAULT_DATASET.name : dataset;
      await datasets.put({ id: dataset, name, createdAt: new Date().toISOString() });
    }
    const entry: ImportLogEntry = {
      dataset,
      fileName: request.fileName,
      format: request.format,
      importedAt: new Date().toISOString(),
      rows: request.rows,
      days: new Set(records.map((record) => record.date)).size,
      connectors: new Set(pathIds).size,
      records: records.length,
      replaced,
      undo,
    };
    const importId = await tx.objectStore('imports').add(entry);
    await done;
    return { importId, records: entry.records, replaced, days: entry.days, connectors: entry.connectors };
  } catch (error) {
    abandon(tx, error);
  }
}

export interface UndoOutcome {
  /** Records the import had added, now deleted. */
  removed: number;
  /** Records the import had replaced, now back as they were. */
  restored: number;
}

const entryKey = (date: string, path: number) => `${date}\u0000${path}`;

/**
 * Undoes an import: deletes what it added and puts back what it replaced. Refused when a later
 * import wrote some of the same records, because undoing this one would then damage that one.
 */
export async function undoImport(db: IDBPDatabase<MailflowDb>, importId: number): Promise<UndoOutcome> {
  const tx = db.transaction(['quarters', 'imports', 'paths', 'snapshots'], 'readwrite');
  const done = observed(tx);
  try {
    const imports = tx.objectStore('imports');
    const entry = await imports.get(importId);
    if (entry === undefined)
      throw new Error(`There is no import ${importId} to undo (it may have been undone already).`);
    const { undo } = entry;
    const written = new Set(undo.dates.map((date, index) => entryKey(date, undo.paths[index] ?? 0)));
    let later = await imports.openCursor(IDBKeyRange.lowerBound(importId, true));
    while (later !== null) {
      const other = later.value;
      if (
        other.dataset === entry.dataset &&
        other.undo.dates.some((date, i) => written.has(entryKey(date, other.undo.paths[i] ?? 0)))
      ) {
        throw new Error(
          `"${other.fileName}", imported after "${entry.fileName}", replaced some of the same days. Undo it first.`,
        );
      }
      later = await later.continue();
    }
    const byMonth = groupByMonth(undo.dates);
    const store = tx.objectStore('quarters');
    const packs = await monthPacksOf(store, entry.dataset, [...byMonth.keys()]);
    let removed = 0;
    let restored = 0;
    const rewritten = [...byMonth].map(([month, slots]) => {
      const pack = packs.get(month) ?? emptyPack(entry.dataset, month);
      const restore: PackEntry[] = [];
      const remove = new Set<number>();
      for (const slot of slots) {
        const day = dayOf(undo.dates[slot] ?? '');
        const path = undo.paths[slot] ?? 0;
        if (undo.existed[slot] === 1) {
          const counts = undo.counts.subarray(slot * BUCKETS, (slot + 1) * BUCKETS);
          restore.push({ day, path, forced: undo.forced[slot] ?? -1, counts });
          restored++;
        } else {
          remove.add(entryId(day, path));
          removed++;
        }
      }
      return rewritePack(pack, restore, remove).pack;
    });
    await writeMonthPacks(store, entry.dataset, rewritten);
    await refreshSnapshot(tx, entry.dataset);
    await imports.delete(importId);
    await done;
    return { removed, restored };
  } catch (error) {
    abandon(tx, error);
  }
}

/** What the import page and the capture notice show about an import: the log entry without its undo data. */
export type ImportSummary = Omit<ImportLogEntry, 'undo'> & { id: number };

/** How many of a dataset's imports a list holds, newest first. */
export const IMPORT_LIST_LIMIT = 100;

/** A dataset's imports, newest first. */
export async function listImports(
  db: IDBPDatabase<MailflowDb>,
  dataset: string,
  limit = IMPORT_LIST_LIMIT,
): Promise<ImportSummary[]> {
  const summaries: ImportSummary[] = [];
  let cursor = await db.transaction('imports').store.index('by-dataset').openCursor(dataset, 'prev');
  while (cursor !== null && summaries.length < limit) {
    const { undo: _undo, ...summary } = cursor.value;
    summaries.push({ ...summary, id: cursor.primaryKey });
    cursor = await cursor.continue();
  }
  return summaries;
}
