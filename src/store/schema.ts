/**
 * The IndexedDB schema, its version history and the one `openDB` call of the extension.
 * Every schema change adds a dated step to `MIGRATIONS` and a test in test/store/migrations.test.ts.
 * The layout and why it is fast are explained in docs/storage.md.
 */
import { type DBSchema, type IDBPDatabase, type IDBPTransaction, openDB, type StoreNames } from 'idb';
import type { ConnectorType, Direction } from '../core/model.js';
import type { ConnectorPath } from '../core/record-columns.js';
import { DB_NAME, DB_VERSION } from './db-identity.js';
import { migrateRecordsToMonthPacks } from './migrations/v2-month-packs.js';
import { migrateToOneBufferPacks } from './migrations/v3-one-buffer-packs.js';
import type { StoredSnapshot } from './snapshots.js';

export { DB_NAME, DB_VERSION } from './db-identity.js';

export interface Dataset {
  id: string;
  name: string;
  createdAt: string;
}

/**
 * Every connector path a dataset has seen, in one value: path `id` is `paths[id]`, and packs refer
 * to paths by id. One value, not one per path: reading 400 small values cost 7-35 ms per query.
 */
export interface PathTable {
  dataset: string;
  paths: ConnectorPath[];
}

/** One connector path of a dataset as backups (and schema v2) write it, with its dataset and id. */
export interface StoredPath {
  dataset: string;
  /** Small integer, unique within the dataset: what day packs refer to. */
  id: number;
  direction: Direction;
  connector: string | null;
  /** The latest type an import gave for this path. */
  connectorType: ConnectorType | null;
}

/**
 * All records of one dataset and calendar month, in columns (src/store/month-packs.ts): entry i is
 * day of month `days[i]`, forced TLS `forced[i]` (-1 unknown, 0 false, 1 true), path `paths[i]` and
 * counts `counts[6i .. 6i+5]` in TLS_BUCKETS order, all in one buffer: Chromium's IndexedDB
 * reads one buffer noticeably faster than four typed arrays of the same bytes.
 */
export interface MonthPack {
  dataset: string;
  /** 'YYYY-MM'. */
  month: string;
  /** Entries in the pack. */
  size: number;
  /** Bytes per path id and per count: 2 when every one of them fits in 16 bits, else 4. */
  width: 2 | 4;
  /** days (u8 × size), forced (i8 × size), then paths (width × size) and counts (width × 6·size), aligned. */
  data: ArrayBuffer;
}

/** The month packs of one dataset and calendar quarter, in month order (src/store/quarter-packs.ts). */
export interface QuarterPacks {
  dataset: string;
  /** 'YYYY-Qn'. */
  quarter: string;
  months: MonthPack[];
}

/** What an import wrote, entry i being (dates[i], paths[i]), and what each entry held before. */
export interface ImportUndo {
  dates: string[];
  paths: Uint32Array;
  /** 1 when the entry existed before the import (then forced/counts hold its old values), 0 when new. */
  existed: Uint8Array;
  forced: Int8Array;
  counts: Uint32Array;
}

export interface ImportLogEntry {
  id?: number;
  dataset: string;
  fileName: string;
  format: string | null;
  importedAt: string;
  rows: number;
  days: number;
  connectors: number;
  records: number;
  replaced: number;
  undo: ImportUndo;
}

export interface MailflowDb extends DBSchema {
  datasets: { key: string; value: Dataset };
  paths: { key: string; value: PathTable };
  quarters: { key: [string, string]; value: QuarterPacks };
  snapshots: { key: string; value: StoredSnapshot };
  imports: {
    key: number;
    value: ImportLogEntry;
    indexes: { 'by-dataset': string };
  };
}

export type UpgradeTransaction = IDBPTransaction<MailflowDb, StoreNames<MailflowDb>[], 'versionchange'>;

/**
 * Index i upgrades a database from version i to i + 1. Never edit a step once released: add one.
 * A step may be async, but may only await requests on the upgrade transaction.
 */
export const MIGRATIONS: ReadonlyArray<
  (db: IDBPDatabase<MailflowDb>, tx: UpgradeTransaction) => void | Promise<void>
> = [
  // v1 (2026-11-26): datasets, one value per record keyed by (dataset, date, direction, connector),
  // import log with the replaced records for undo.
  (db) => {
    const untyped = db as unknown as IDBPDatabase;
    untyped.createObjectStore('datasets', { keyPath: 'id' });
    const records = untyped.createObjectStore('records', {
      keyPath: ['dataset', 'date', 'direction', 'connectorKey'],
    });
    records.createIndex('by-dataset-date', ['dataset', 'date']);
    const imports = untyped.createObjectStore('imports', { keyPath: 'id', autoIncrement: true });
    imports.createIndex('by-dataset', 'dataset');
  },
  // v2 (2026-11-26): records packed per (dataset, month) in typed-array columns, connector paths
  // in their own store; one value per record made a 365-day query read ~146,000 values.
  migrateRecordsToMonthPacks,
  // v3 (2026-11-27): a pack's columns in one buffer, 16-bit when they fit (four typed arrays per
  // value made a year of packs twice as slow to read), three months of packs to a value; a
  // dataset's paths in one value; each dataset's widget snapshot kept in step with its packs, so
  // the popup reads one value.
  migrateToOneBufferPacks,
];

export function openMailflowDb(version: number = DB_VERSION): Promise<IDBPDatabase<MailflowDb>> {
  return openDB<MailflowDb>(DB_NAME, version, {
    async upgrade(db, oldVersion, newVersion, tx) {
      for (let step = oldVersion; step < (newVersion ?? version); step++) await MIGRATIONS[step]?.(db, tx);
    },
    blocking(_current, _next, event) {
      // Another context needs a newer schema: step aside so its upgrade is not blocked.
      (event.target as IDBDatabase).close();
    },
  });
}

let connection: Promise<IDBPDatabase<MailflowDb>> | null = null;

/** This context's one connection, opened on first use. */
export function mailflowDb(): Promise<IDBPDatabase<MailflowDb>> {
  connection ??= openMailflowDb();
  return connection;
}
