/**
 * The popup's read of the snapshots (src/store/early-snapshots.ts) opens the database with the bare API and
 * must never create it or upgrade it: the schema code does that, from whatever it finds.
 */
import 'fake-indexeddb/auto';
import { deleteDB, openDB } from 'idb';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { emptyCounts } from '../../src/core/model.js';
import { DB_NAME as IDENTITY_NAME, DB_VERSION as IDENTITY_VERSION } from '../../src/store/db-identity.js';
import { readSnapshotsEarly } from '../../src/store/early-snapshots.js';
import { importRecords } from '../../src/store/imports.js';
import { DB_NAME, DB_VERSION, MIGRATIONS, openMailflowDb } from '../../src/store/schema.js';

async function storedVersion(): Promise<number | undefined> {
  return (await indexedDB.databases()).find((info) => info.name === DB_NAME)?.version;
}

describe("the popup's read of the snapshots", () => {
  beforeEach(() => deleteDB(DB_NAME));
  afterEach(() => deleteDB(DB_NAME));

  it('opens the version the migrations make', () => {
    expect(IDENTITY_NAME).toBe(DB_NAME);
    expect(IDENTITY_VERSION).toBe(MIGRATIONS.length);
    expect(DB_VERSION).toBe(MIGRATIONS.length);
  });

  it('answers null for a missing database and leaves none behind for the schema code to trip on', async () => {
    expect(await readSnapshotsEarly()).toBeNull();
    expect((await storedVersion()) ?? 0).toBe(0);
    // The schema code then builds it from the first step, and the next first read finds it.
    const db = await openMailflowDb();
    expect([...db.objectStoreNames]).toContain('snapshots');
    db.close();
    expect(await readSnapshotsEarly()).toEqual([]);
  });

  it('answers null for an older schema and leaves it to be migrated', async () => {
    const old = await openDB(DB_NAME, 2, {
      async upgrade(db, oldVersion, _newVersion, tx) {
        for (let step = oldVersion; step < 2; step++) await MIGRATIONS[step]?.(db as never, tx as never);
      },
    });
    old.close();
    expect(await readSnapshotsEarly()).toBeNull();
    expect(await storedVersion()).toBe(2);
    const db = await openMailflowDb();
    expect(db.version).toBe(DB_VERSION);
    db.close();
  });

  it('reads every dataset snapshot of the current schema, and closes its connection', async () => {
    const db = await openMailflowDb();
    await importRecords(db, {
      dataset: 'default',
      fileName: 'a.csv',
      format: null,
      rows: 1,
      records: [
        {
          date: '2025-03-01',
          direction: 'inbound',
          connector: null,
          connectorType: null,
          forcedTls: null,
          counts: { ...emptyCounts(), 'tls1.2': 90, none: 10 },
        },
      ],
    });
    db.close();
    const snapshots = await readSnapshotsEarly();
    expect(snapshots?.map((snapshot) => [snapshot.dataset, snapshot.extent])).toEqual([
      ['default', { from: '2025-03-01', to: '2025-03-01' }],
    ]);
    // Its connection is closed: an upgrade to a later version is not blocked by it.
    const later = await openDB(DB_NAME, DB_VERSION + 1, { blocked: () => expect.unreachable('blocked') });
    expect(later.version).toBe(DB_VERSION + 1);
    later.close();
  });
});
