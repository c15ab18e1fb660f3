import 'fake-indexeddb/auto';
import { deleteDB } from 'idb';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { emptyCounts, type MailflowRecord } from '../../src/core/model.js';
import { importRecords } from '../../src/store/imports.js';
import { countRecords, deleteAllData, extentOf, readRecords } from '../../src/store/records.js';
import { DB_NAME, openMailflowDb } from '../../src/store/schema.js';
import { readSnapshot } from '../../src/store/snapshots.js';

function record(date: string, connector: string | null, tls12: number): MailflowRecord {
  return {
    date,
    direction: 'inbound',
    connector,
    connectorType: connector === null ? null : 'Partner',
    forcedTls: false,
    counts: { ...emptyCounts(), 'tls1.2': tls12 },
  };
}

describe('the record store', () => {
  beforeEach(async () => {
    await deleteDB(DB_NAME);
  });
  afterEach(async () => {
    await deleteDB(DB_NAME);
  });

  it('stores an import and reads it back by range', async () => {
    const db = await openMailflowDb();
    const outcome = await importRecords(db, {
      dataset: 'default',
      fileName: 'a.csv',
      format: 'connector-report',
      rows: 3,
      records: [
        record('2025-03-01', null, 10),
        record('2025-03-02', null, 20),
        record('2025-03-02', 'Fabrikam', 5),
      ],
    });
    expect(outcome).toMatchObject({ records: 3, replaced: 0, days: 2, connectors: 2 });
    expect(await extentOf(db, 'default')).toEqual({ from: '2025-03-01', to: '2025-03-02' });
    const day2 = await readRecords(db, 'default', { from: '2025-03-02', to: '2025-03-02' });
    expect(day2.map((r) => [r.connector, r.counts['tls1.2']])).toEqual([
      [null, 20],
      ['Fabrikam', 5],
    ]);
    expect((await readSnapshot(db, 'default')).window).toEqual({
      from: '2025-02-24',
      to: '2025-03-02',
    });
    db.close();
  });

  it('re-importing an overlapping export replaces those days instead of doubling them', async () => {
    const db = await openMailflowDb();
    await importRecords(db, {
      dataset: 'default',
      fileName: 'a.csv',
      format: null,
      rows: 2,
      records: [record('2025-03-01', null, 10), record('2025-03-02', null, 20)],
    });
    const second = await importRecords(db, {
      dataset: 'default',
      fileName: 'b.csv',
      format: null,
      rows: 2,
      records: [record('2025-03-02', null, 25), record('2025-03-03', null, 30)],
    });
    expect(second.replaced).toBe(1);
    expect(await countRecords(db, 'default')).toBe(3);
    const all = await readRecords(db, 'default', { from: '2025-03-01', to: '2025-03-31' });
    expect(all.map((r) => r.counts['tls1.2'])).toEqual([10, 25, 30]);
    const log = await db.getAll('imports');
    // What the second import replaced: 2025-03-02 held 20 messages over TLS 1.2 (bucket index 1).
    expect([...(log[1]?.undo.existed ?? [])]).toEqual([1, 0]);
    expect(log[1]?.undo.counts[1]).toBe(20);
    db.close();
  });

  it('keeps datasets apart', async () => {
    const db = await openMailflowDb();
    await importRecords(db, {
      dataset: 'contoso',
      fileName: 'a.csv',
      format: null,
      rows: 1,
      records: [record('2025-03-01', null, 10)],
    });
    await importRecords(db, {
      dataset: 'fabrikam',
      fileName: 'b.csv',
      format: null,
      rows: 1,
      records: [record('2025-03-05', null, 99)],
    });
    expect((await extentOf(db, 'contoso'))?.to).toBe('2025-03-01');
    expect(await countRecords(db, 'fabrikam')).toBe(1);
    expect((await db.getAll('datasets')).map((d) => d.id)).toEqual(['contoso', 'fabrikam']);
    db.close();
  });

  it('an import that fails part-way leaves what was stored untouched', async () => {
    const db = await openMailflowDb();
    await importRecords(db, {
      dataset: 'default',
      fileName: 'a.csv',
      format: null,
      rows: 1,
      records: [record('2025-03-01', null, 10)],
    });
    // A new connector (its path is written first) and then a record whose date cannot be a key:
    // the failure comes after other writes were queued in the same transaction.
    const broken = {
      ...record('2025-03-03', 'New Partner', 99),
      date: undefined,
    } as unknown as MailflowRecord;
    await expect(
      importRecords(db, {
        dataset: 'default',
        fileName: 'bad.csv',
        format: null,
        rows: 2,
        records: [record('2025-03-02', 'New Partner', 5), broken],
      }),
    ).rejects.toThrow();
    const all = await readRecords(db, 'default', { from: '2025-01-01', to: '2025-12-31' });
    expect(all.map((r) => [r.date, r.counts['tls1.2']])).toEqual([['2025-03-01', 10]]);
    expect(await db.count('imports')).toBe(1);
    expect(await db.count('paths')).toBe(1);
    db.close();
  });

  it('deletes everything on request', async () => {
    const db = await openMailflowDb();
    await importRecords(db, {
      dataset: 'default',
      fileName: 'a.csv',
      format: null,
      rows: 1,
      records: [record('2025-03-01', null, 10)],
    });
    await deleteAllData(db);
    expect(await extentOf(db, 'default')).toBeNull();
    expect(await db.count('imports')).toBe(0);
    db.close();
  });
});
