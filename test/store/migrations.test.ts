import 'fake-indexeddb/auto';
import { deleteDB, type IDBPDatabase, openDB } from 'idb';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { emptyCounts } from '../../src/core/model.js';
import { undoImport } from '../../src/store/imports.js';
import { countRecords, extentOf, readRecords } from '../../src/store/records.js';
import { DB_NAME, DB_VERSION, MIGRATIONS, openMailflowDb } from '../../src/store/schema.js';
import { readSnapshot } from '../../src/store/snapshots.js';

/** The stores of schema v3, sorted: what an upgraded and a new database both hold. */
const V3_STORES = ['datasets', 'imports', 'paths', 'quarters', 'snapshots'];

/** A database at exactly `version`, built by the released migration steps. */
async function openAt(version: number): Promise<IDBPDatabase> {
  return openDB(DB_NAME, version, {
    async upgrade(db, oldVersion, _newVersion, tx) {
      for (let step = oldVersion; step < version; step++) {
        await MIGRATIONS[step]?.(db as never, tx as never);
      }
    },
  });
}

const v1Record = (date: string, connector: string | null, tls12: number, none = 0) => ({
  dataset: 'default',
  date,
  direction: 'inbound',
  connectorKey: connector ?? '',
  connector,
  connectorType: connector === null ? null : 'Partner',
  forcedTls: connector !== null,
  counts: { ...emptyCounts(), 'tls1.2': tls12, none },
});

describe('schema migrations', () => {
  beforeEach(() => deleteDB(DB_NAME));
  afterEach(() => deleteDB(DB_NAME));

  it('v1 creates datasets, records keyed by (dataset, date, direction, connector) and the import log', async () => {
    const db = await openAt(1);
    expect([...db.objectStoreNames].sort()).toEqual(['datasets', 'imports', 'records']);
    const tx = db.transaction('records');
    expect([...tx.store.indexNames]).toEqual(['by-dataset-date']);
    expect(tx.store.keyPath).toEqual(['dataset', 'date', 'direction', 'connectorKey']);
    db.close();
  });

  it('v2 packs v1 records per day, numbers the paths and keeps Undo of v1 imports working', async () => {
    const v1 = await openAt(1);
    const first = [v1Record('2025-03-01', null, 100, 5), v1Record('2025-03-01', 'Fabrikam In', 40)];
    const secondRecords = [v1Record('2025-03-01', null, 90, 10), v1Record('2025-03-02', null, 80)];
    await v1.put('datasets', { id: 'default', name: 'My organisation', createdAt: '2026-11-26T00:00:00Z' });
    for (const record of [first[1], ...secondRecords]) await v1.put('records', record);
    const logEntry = (fileName: string, written: typeof first, previous: typeof first) => ({
      dataset: 'default',
      fileName,
      format: 'connector-report',
      importedAt: '2026-11-26T00:00:00Z',
      rows: written.length,
      days: 1,
      connectors: 1,
      records: written.length,
      replaced: previous.length,
      written: written.map((r) => [r.dataset, r.date, r.direction, r.connectorKey]),
      previous,
    });
    await v1.add('imports', logEntry('a.csv', first, []));
    const secondId = (await v1.add(
      'imports',
      logEntry('b.csv', secondRecords, [first[0] as never]),
    )) as number;
    v1.close();

    const v2 = await openAt(2);
    expect([...v2.objectStoreNames].sort()).toEqual(['datasets', 'imports', 'months', 'paths']);
    const [v2Pack] = await v2.getAll('months');
    expect(v2Pack.month).toBe('2025-03');
    expect([...v2Pack.days]).toEqual([1, 1, 2]);
    expect(v2Pack.counts).toBeInstanceOf(Uint32Array);
    v2.close();

    // Then on to the latest version, where the same records read back and Undo still works.
    const db = await openMailflowDb();
    expect(DB_VERSION).toBe(3);
    expect([...db.objectStoreNames].sort()).toEqual(V3_STORES);
    expect(await countRecords(db, 'default')).toBe(3);
    const records = await readRecords(db, 'default', { from: '2025-03-01', to: '2025-03-02' });
    expect(
      records.map((r) => [
        r.date,
        r.connector,
        r.connectorType,
        r.forcedTls,
        r.counts['tls1.2'],
        r.counts.none,
      ]),
    ).toEqual([
      ['2025-03-01', null, null, false, 90, 10],
      ['2025-03-01', 'Fabrikam In', 'Partner', true, 40, 0],
      ['2025-03-02', null, null, false, 80, 0],
    ]);
    // Undo of the converted v1 import b.csv puts back a.csv's no-connector day and removes 2025-03-02.
    expect(await undoImport(db, secondId)).toEqual({ removed: 1, restored: 1 });
    const after = await readRecords(db, 'default', { from: '2025-03-01', to: '2025-03-02' });
    expect(after.map((r) => [r.date, r.connector, r.counts['tls1.2'], r.counts.none])).toEqual([
      ['2025-03-01', 'Fabrikam In', 40, 0],
      ['2025-03-01', null, 100, 5],
    ]);
    db.close();
  });

  it('v3 puts each v2 pack in one buffer, 16-bit when it fits, with every entry kept', async () => {
    const v2 = await openAt(2);
    const counts = (tls12: number, none: number) => [0, tls12, 0, 0, none, 0];
    await v2.put('months', {
      dataset: 'default',
      month: '2025-03',
      days: Uint8Array.of(1, 2),
      paths: Uint32Array.of(0, 1),
      forced: Int8Array.of(-1, 1),
      counts: Uint32Array.from([...counts(100, 5), ...counts(40, 0)]),
    });
    await v2.put('months', {
      dataset: 'default',
      month: '2025-04',
      days: Uint8Array.of(30),
      paths: Uint32Array.of(0),
      forced: Int8Array.of(0),
      counts: Uint32Array.from(counts(70_000, 0)),
    });
    await v2.put('paths', {
      dataset: 'default',
      id: 0,
      direction: 'inbound',
      connector: null,
      connectorType: null,
    });
    await v2.put('paths', {
      dataset: 'default',
      id: 1,
      direction: 'inbound',
      connector: 'Fabrikam In',
      connectorType: 'Partner',
    });
    v2.close();

    const db = await openMailflowDb();
    const quarters = await db.getAll('quarters');
    expect(
      quarters.map(({ quarter, months }) => [
        quarter,
        months.map((pack) => [pack.month, pack.size, pack.width, pack.data instanceof ArrayBuffer]),
      ]),
    ).toEqual([
      ['2025-Q1', [['2025-03', 2, 2, true]]],
      ['2025-Q2', [['2025-04', 1, 4, true]]],
    ]);
    // The widget's snapshot is there from the upgrade on: the 7 days up to 30 April.
    const { window, summary } = await readSnapshot(db, 'default');
    expect(window).toEqual({ from: '2025-04-24', to: '2025-04-30' });
    expect(await extentOf(db, 'default')).toEqual({ from: '2025-03-01', to: '2025-04-30' });
    expect(summary.directions.inbound.messages).toBe(70_000);
    const records = await readRecords(db, 'default', { from: '2025-03-01', to: '2025-04-30' });
    expect(records.map((r) => [r.date, r.connector, r.forcedTls, r.counts['tls1.2'], r.counts.none])).toEqual(
      [
        ['2025-03-01', null, null, 100, 5],
        ['2025-03-02', 'Fabrikam In', true, 40, 0],
        ['2025-04-30', null, false, 70_000, 0],
      ],
    );
    db.close();
  });

  it('a new database goes straight to the latest version', async () => {
    const db = await openMailflowDb();
    expect(db.version).toBe(DB_VERSION);
    expect([...db.objectStoreNames].sort()).toEqual(V3_STORES);
    expect(db.transaction('quarters').store.keyPath).toEqual(['dataset', 'quarter']);
    db.close();
  });
});
