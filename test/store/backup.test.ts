import 'fake-indexeddb/auto';
import { deleteDB } from 'idb';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { emptyCounts, type MailflowRecord } from '../../src/core/model.js';
import { createBackup, parseBackup, restoreBackup } from '../../src/store/backup.js';
import { createDataset } from '../../src/store/datasets.js';
import { importRecords, undoImport } from '../../src/store/imports.js';
import { readRecords } from '../../src/store/records.js';
import { DB_NAME, openMailflowDb } from '../../src/store/schema.js';

const record = (date: string, connector: string | null, tls12: number, none = 0): MailflowRecord => ({
  date,
  direction: connector === 'Woodgrove Out' ? 'outbound' : 'inbound',
  connector,
  connectorType: connector === null ? null : 'Partner',
  forcedTls: connector === null ? false : null,
  counts: { ...emptyCounts(), 'tls1.2': tls12, none },
});

async function seed(db: Awaited<ReturnType<typeof openMailflowDb>>) {
  await createDataset(db, 'Woodgrove Bank');
  await importRecords(db, {
    dataset: 'default',
    fileName: 'a.csv',
    format: 'connector-report',
    rows: 2,
    records: [record('2025-02-28', null, 10, 1), record('2025-03-01', 'Fabrikam In', 20)],
  });
  const second = await importRecords(db, {
    dataset: 'default',
    fileName: 'b.csv',
    format: 'exact-counts',
    rows: 2,
    records: [record('2025-03-01', 'Fabrikam In', 25), record('2025-03-02', 'Woodgrove Out', 3, 2)],
  });
  await importRecords(db, {
    dataset: 'woodgrove-bank',
    fileName: 'w.csv',
    format: null,
    rows: 1,
    records: [record('2024-12-31', null, 7)],
  });
  return second.importId;
}

describe('backup and restore', () => {
  beforeEach(() => deleteDB(DB_NAME));
  afterEach(() => deleteDB(DB_NAME));

  it('round-trips exactly: a restored backup backs up to the same file, through JSON', async () => {
    const db = await openMailflowDb();
    await seed(db);
    const backup = await createBackup(db, new Date('2026-11-26T12:00:00Z'));
    const file = JSON.stringify(backup);
    await deleteDB(DB_NAME, { blocked: () => db.close() });
    db.close();
    const fresh = await openMailflowDb();
    const outcome = await restoreBackup(fresh, parseBackup(JSON.parse(file)));
    expect(outcome).toEqual({ datasets: 2, records: 4, imports: 3 });
    expect(JSON.stringify(await createBackup(fresh, new Date('2026-11-26T12:00:00Z')))).toBe(file);
    const records = await readRecords(fresh, 'default', { from: '2025-01-01', to: '2025-12-31' });
    expect(records.map((r) => [r.date, r.connector, r.counts['tls1.2'], r.counts.none, r.forcedTls])).toEqual(
      [
        ['2025-02-28', null, 10, 1, false],
        ['2025-03-01', 'Fabrikam In', 25, 0, null],
        ['2025-03-02', 'Woodgrove Out', 3, 2, null],
      ],
    );
    fresh.close();
  });

  it('keeps Undo working after a restore', async () => {
    const db = await openMailflowDb();
    const secondId = await seed(db);
    const backup = parseBackup(JSON.parse(JSON.stringify(await createBackup(db))));
    await restoreBackup(db, backup);
    expect(await undoImport(db, secondId)).toEqual({ removed: 1, restored: 1 });
    const records = await readRecords(db, 'default', { from: '2025-01-01', to: '2025-12-31' });
    expect(records.map((r) => [r.date, r.connector, r.counts['tls1.2']])).toEqual([
      ['2025-02-28', null, 10],
      ['2025-03-01', 'Fabrikam In', 20],
    ]);
    db.close();
  });

  it('rejects a damaged file with a readable reason and changes nothing', async () => {
    const db = await openMailflowDb();
    await seed(db);
    const backup = JSON.parse(JSON.stringify(await createBackup(db)));
    expect(() => parseBackup({ hello: 'world' })).toThrow('not a Mailflow Lens backup');
    expect(() => parseBackup({ ...backup, version: 9 })).toThrow('backup version 9 is not supported');
    const badMonth = structuredClone(backup);
    badMonth.months[0].counts.pop();
    expect(() => parseBackup(badMonth)).toThrow('month 1 is malformed');
    const badPath = structuredClone(backup);
    badPath.paths[0].dataset = 'nobody';
    expect(() => parseBackup(badPath)).toThrow('connector path 1 is malformed');
    const before = JSON.stringify(await createBackup(db, new Date(0)));
    // A record that cannot be stored fails the restore transaction part-way: nothing is replaced.
    const unstorable = structuredClone(backup);
    unstorable.months.push({ ...unstorable.months[0], dataset: undefined });
    await expect(restoreBackup(db, unstorable)).rejects.toThrow();
    expect(JSON.stringify(await createBackup(db, new Date(0)))).toBe(before);
    db.close();
  });
});
