/**
 * The IndexedDB schema, its version history and the one `openDB` call of the extension.
 * Every schema change adds a dated step to `MIGRATIONS` and a test in test/store/migrations.test.ts.
 */
import { type DBSchema, type IDBPDatabase, type IDBPTransaction, openDB, type StoreNames } from 'idb';
import type { ConnectorType, Direction, TlsCounts } from '../core/model.js';

export const DB_NAME = 'mailflow-lens';

/** A stored record: the core record plus its dataset, and '' for the no-connector path (keys cannot hold null). */
export interface StoredRecord {
  dataset: string;
  date: string;
  direction: Direction;
  connectorKey: string;
  connector: string | null;
  connectorType: ConnectorType | null;
  forcedTls: boolean | null;
  counts: TlsCounts;
}

export type RecordKey = [dataset: string, date: string, direction: Direction, connectorKey: string];

export interface Dataset {
  id: string;
  name: string;
  createdAt: string;
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
  /** Keys this import wrote, and what they held before, so the import can be undone exactly. */
  written: RecordKey[];
  previous: StoredRecord[];
}

export interface MailflowDb extends DBSchema {
  datasets: { key: string; value: Dataset };
  records: {
    key: RecordKey;
    value: StoredRecord;
    indexes: { 'by-dataset-date': [string, string] };
  };
  imports: {
    key: number;
    value: ImportLogEntry;
    indexes: { 'by-dataset': string };
  };
}

type UpgradeTransaction = IDBPTransaction<MailflowDb, StoreNames<MailflowDb>[], 'versionchange'>;

/** Index i upgrades a database from version i to i + 1. Never edit a step once released: add one. */
export const MIGRATIONS: ReadonlyArray<(db: IDBPDatabase<MailflowDb>, tx: UpgradeTransaction) => void> = [
  // v1 (2026-11-26): datasets, records keyed by (dataset, date, direction, connector), import log.
  (db) => {
    db.createObjectStore('datasets', { keyPath: 'id' });
    const records = db.createObjectStore('records', {
      keyPath: ['dataset', 'date', 'direction', 'connectorKey'],
    });
    records.createIndex('by-dataset-date', ['dataset', 'date']);
    const imports = db.createObjectStore('imports', { keyPath: 'id', autoIncrement: true });
    imports.createIndex('by-dataset', 'dataset');
  },
];

export const DB_VERSION = MIGRATIONS.length;

export function openMailflowDb(version: number = DB_VERSION): Promise<IDBPDatabase<MailflowDb>> {
  return openDB<MailflowDb>(DB_NAME, version, {
    upgrade(db, oldVersion, newVersion, tx) {
      for (let step = oldVersion; step < (newVersion ?? version); step++) MIGRATIONS[step]?.(db, tx);
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
