/**
 * Backup (everything in one JSON file) and restore (replace everything from one, in one
 * transaction). Typed arrays become plain number arrays in the file and come back as the same
 * typed arrays, so a restore round-trips exactly: records, connector paths, datasets, and the import
 * log with its undo data. A file that fails any check changes nothing.
 */
import type { IDBPDatabase } from 'idb';
import { isIsoDate } from '../core/dates.js';
import { groupBy } from '../core/group-by.js';
import { isObject } from '../core/is-object.js';
import { DIRECTIONS } from '../core/model.js';
import { BUCKETS, emptyPack, type PackEntry, packColumns, rewritePack } from './month-packs.js';
import { writeMonthPacks } from './quarter-packs.js';
import {
  type Dataset,
  DB_VERSION,
  type ImportLogEntry,
  type MailflowDb,
  type MonthPack,
  type PathTable,
  type StoredPath,
} from './schema.js';
import { refreshSnapshot } from './snapshots.js';
import { abandon, observed } from './transactions.js';

export const BACKUP_FORMAT = 'mailflow-lens-backup';
export const BACKUP_VERSION = 1;

type Plain<T> = {
  [K in keyof T]: T[K] extends ArrayLike<number> & { buffer: ArrayBufferLike }
    ? number[]
    : T[K] extends object
      ? Plain<T[K]>
      : T[K];
};

/**
 * A month pack as the backup file writes it: its columns as number arrays. The file keeps this
 * shape whatever the schema packs them into, so a backup restores into any later version.
 */
export interface BackupMonth {
  dataset: string;
  month: string;
  days: number[];
  paths: number[];
  forced: number[];
  counts: number[];
}

export interface Backup {
  format: typeof BACKUP_FORMAT;
  version: typeof BACKUP_VERSION;
  /** The database schema version the data was read from. */
  schema: number;
  exportedAt: string;
  datasets: Dataset[];
  paths: StoredPath[];
  months: BackupMonth[];
  imports: (Plain<ImportLogEntry> & { id: number })[];
}

export async function createBackup(db: IDBPDatabase<MailflowDb>, now = new Date()): Promise<Backup> {
  const tx = db.transaction(['datasets', 'paths', 'quarters', 'imports']);
  const [datasets, tables, quarters, imports] = await Promise.all([
    tx.objectStore('datasets').getAll(),
    tx.objectStore('paths').getAll(),
    tx.objectStore('quarters').getAll(),
    tx.objectStore('imports').getAll(),
  ]);
  return {
    format: BACKUP_FORMAT,
    version: BACKUP_VERSION,
    schema: DB_VERSION,
    exportedAt: now.toISOString(),
    datasets,
    // One entry per path with its dataset and id, as schema v2 stored them: the file keeps its shape.
    paths: tables.flatMap(({ dataset, paths }) =>
      paths.map(({ direction, connector, connectorType }, id) => ({
        dataset,
        id,
        direction,
        connector,
        connectorType,
      })),
    ),
    months: quarters
      .flatMap((quarter) => quarter.months)
      .map((pack) => {
        const columns = packColumns(pack);
        return {
          dataset: pack.dataset,
          month: pack.month,
          days: [...columns.days],
          paths: [...columns.paths],
          forced: [...columns.forced],
          counts: [...columns.counts],
        };
      }),
    // Key order fixed (id first, undo last) so a restored database backs up to the same bytes.
    imports: imports.map(({ id, undo, ...entry }) => ({
      id: id ?? 0,
      ...entry,
      undo: {
        dates: undo.dates,
        paths: [...undo.paths],
        existed: [...undo.existed],
        forced: [...undo.forced],
        counts: [...undo.counts],
      },
    })),
  };
}

class BackupProblem extends Error {}

function check(condition: boolean, what: string): asserts condition {
  if (!condition) throw new BackupProblem(`This is not a valid Mailflow Lens backup: ${what}.`);
}

const isString = (value: unknown, max = 512): value is string =>
  typeof value === 'string' && value.length <= max;
const isIntArray = (value: unknown, min: number, max: number): value is number[] =>
  Array.isArray(value) && value.every((item) => Number.isInteger(item) && item >= min && item <= max);

/** Checks every field of a parsed backup file; throws a readable error naming what is wrong. */
export function parseBackup(value: unknown): Backup {
  check(isObject(value) && value.format === BACKUP_FORMAT, 'the file is not a Mailflow Lens backup');
  check(value.version === BACKUP_VERSION, `backup version ${String(value.version)} is not supported`);
  check(
    Array.isArray(value.datasets) &&
      Array.isArray(value.paths) &&
      Array.isArray(value.months) &&
      Array.isArray(value.imports),
    'a section is missing',
  );
  const datasets = value.datasets as unknown[];
  datasets.forEach((dataset, index) => {
    check(
      isObject(dataset) &&
        isString(dataset.id, 128) &&
        isString(dataset.name, 100) &&
        isString(dataset.createdAt, 40),
      `dataset ${index + 1} is malformed`,
    );
  });
  const datasetIds = new Set((datasets as Dataset[]).map((dataset) => dataset.id));
  (value.paths as unknown[]).forEach((path, index) => {
    check(
      isObject(path) &&
        datasetIds.has(path.dataset as string) &&
        Number.isInteger(path.id) &&
        (path.id as number) >= 0 &&
        (DIRECTIONS as readonly unknown[]).includes(path.direction) &&
        (path.connector === null || isString(path.connector)) &&
        (path.connectorType === null ||
          path.connectorType === 'Partner' ||
          path.connectorType === 'OnPremises'),
      `connector path ${index + 1} is malformed`,
    );
  });
  (value.months as unknown[]).forEach((pack, index) => {
    const ok =
      isObject(pack) &&
      datasetIds.has(pack.dataset as string) &&
      isString(pack.month, 7) &&
      isIsoDate(`${pack.month}-01`) &&
      isIntArray(pack.days, 1, 31) &&
      isIntArray(pack.paths, 0, 0xffffffff) &&
      isIntArray(pack.forced, -1, 1) &&
      isIntArray(pack.counts, 0, 0xffffffff) &&
      pack.paths.length === pack.days.length &&
      pack.forced.length === pack.days.length &&
      pack.counts.length === pack.days.length * BUCKETS;
    check(ok, `month ${index + 1} is malformed`);
  });
  (value.imports as unknown[]).forEach((entry, index) => {
    const undo = isObject(entry) ? entry.undo : null;
    const ok =
      isObject(entry) &&
      Number.isInteger(entry.id) &&
      (entry.id as number) > 0 &&
      datasetIds.has(entry.dataset as string) &&
      isString(entry.fileName, 1024) &&
      isObject(undo) &&
      Array.isArray(undo.dates) &&
      undo.dates.every((date) => typeof date === 'string' && isIsoDate(date)) &&
      isIntArray(undo.paths, 0, 0xffffffff) &&
      isIntArray(undo.existed, 0, 1) &&
      isIntArray(undo.forced, -1, 1) &&
      isIntArray(undo.counts, 0, 0xffffffff) &&
      undo.paths.length === undo.dates.length &&
      undo.counts.length === undo.dates.length * BUCKETS;
    check(ok, `import log entry ${index + 1} is malformed`);
  });
  return value as unknown as Backup;
}

export interface RestoreOutcome {
  datasets: number;
  records: number;
  imports: number;
}

/** A backup's paths as one table per dataset; two paths with one id are a malformed file. */
function pathTablesOf(paths: readonly StoredPath[]): PathTable[] {
  const tables = new Map<string, PathTable>();
  for (const { dataset, id, direction, connector, connectorType } of paths) {
    let table = tables.get(dataset);
    if (table === undefined) {
      table = { dataset, paths: [] };
      tables.set(dataset, table);
    }
    check(table.paths[id] === undefined, `connector path ${id} of dataset ${dataset} appears twice`);
    table.paths[id] = { direction, connector, connectorType };
  }
  return [...tables.values()];
}

function packOfBackup(month: BackupMonth): MonthPack {
  const entries: PackEntry[] = month.days.map((day, index) => ({
    day,
    path: month.paths[index] ?? 0,
    forced: month.forced[index] ?? -1,
    counts: month.counts.slice(index * BUCKETS, (index + 1) * BUCKETS),
  }));
  return rewritePack(emptyPack(month.dataset, month.month), entries).pack;
}

/** Replaces everything stored with the backup's contents, in one transaction. */
export async function restoreBackup(db: IDBPDatabase<MailflowDb>, backup: Backup): Promise<RestoreOutcome> {
  const tx = db.transaction(['datasets', 'paths', 'quarters', 'imports', 'snapshots'], 'readwrite');
  const done = observed(tx);
  const stores = {
    datasets: tx.objectStore('datasets'),
    paths: tx.objectStore('paths'),
    quarters: tx.objectStore('quarters'),
    imports: tx.objectStore('imports'),
    snapshots: tx.objectStore('snapshots'),
  };
  try {
    await Promise.all(Object.values(stores).map((store) => store.clear()));
    await Promise.all([
      ...backup.datasets.map(async (dataset) => stores.datasets.put(dataset)),
      ...pathTablesOf(backup.paths).map(async (table) => stores.paths.put(table)),
      // Each dataset's packs in one go: one write per quarter.
      ...[...groupBy(backup.months, (month) => month.dataset)].map(([dataset, months]) =>
        writeMonthPacks(stores.quarters, dataset, months.map(packOfBackup)),
      ),
      ...backup.imports.map(async ({ undo, ...entry }) =>
        stores.imports.put({
          ...entry,
          undo: {
            dates: undo.dates,
            paths: Uint32Array.from(undo.paths),
            existed: Uint8Array.from(undo.existed),
            forced: Int8Array.from(undo.forced),
            counts: Uint32Array.from(undo.counts),
          },
        }),
      ),
    ]);
    for (const dataset of new Set(backup.months.map((month) => month.dataset)))
      await refreshSnapshot(tx, dataset);
    await done;
  } catch (error) {
    abandon(tx, error);
  }
  return {
    datasets: backup.datasets.length,
    records: backup.months.reduce((total, pack) => total + pack.days.length, 0),
    imports: backup.imports.length,
  };
}
