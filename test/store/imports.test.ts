import 'fake-indexeddb/auto';
import { deleteDB } from 'idb';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { emptyCounts, type MailflowRecord } from '../../src/core/model.js';
import { createDataset, deleteDataset, listDatasets } from '../../src/store/datasets.js';
import { importRecords, listImports, undoImport } from '../../src/store/imports.js';
import { countRecords, readRecords } from '../../src/store/records.js';
import { DB_NAME, openMailflowDb } from '../../src/store/schema.js';
import { readableWriteError } from '../../src/store/transactions.js';

function record(date: string, tls12: number, connector: string | null = null): MailflowRecord {
  return {
    date,
    direction: 'inbound',
    connector,
    connectorType: null,
    forcedTls: null,
    counts: { ...emptyCounts(), 'tls1.2': tls12 },
  };
}

const request = (fileName: string, records: MailflowRecord[], dataset = 'default') => ({
  dataset,
  fileName,
  format: 'connector-report',
  rows: records.length,
  records,
});

async function tls12ByDate(db: Awaited<ReturnType<typeof openMailflowDb>>, dataset = 'default') {
  const records = await readRecords(db, dataset, { from: '2000-01-01', to: '2999-12-31' });
  return Object.fromEntries(records.map((r) => [r.date, r.counts['tls1.2']]));
}

describe('undo of an import', () => {
  beforeEach(() => deleteDB(DB_NAME));
  afterEach(() => deleteDB(DB_NAME));

  it('removes what the import added and puts back what it replaced', async () => {
    const db = await openMailflowDb();
    await importRecords(db, request('week1.csv', [record('2025-03-01', 10), record('2025-03-02', 20)]));
    const second = await importRecords(
      db,
      request('week2.csv', [record('2025-03-02', 25), record('2025-03-03', 30)]),
    );
    expect(await tls12ByDate(db)).toEqual({ '2025-03-01': 10, '2025-03-02': 25, '2025-03-03': 30 });
    expect(await undoImport(db, second.importId)).toEqual({ removed: 1, restored: 1 });
    expect(await tls12ByDate(db)).toEqual({ '2025-03-01': 10, '2025-03-02': 20 });
    expect((await listImports(db, 'default')).map((entry) => entry.fileName)).toEqual(['week1.csv']);
    db.close();
  });

  it('refuses to undo an import whose days a later import replaced, and changes nothing', async () => {
    const db = await openMailflowDb();
    const first = await importRecords(db, request('a.csv', [record('2025-03-01', 10)]));
    await importRecords(db, request('b.csv', [record('2025-03-01', 11)]));
    await expect(undoImport(db, first.importId)).rejects.toThrow(
      /"b.csv", imported after "a.csv".*Undo it first/,
    );
    expect(await tls12ByDate(db)).toEqual({ '2025-03-01': 11 });
    expect(await db.count('imports')).toBe(2);
    db.close();
  });

  it('an import into another dataset does not block undo', async () => {
    const db = await openMailflowDb();
    const first = await importRecords(db, request('a.csv', [record('2025-03-01', 10)]));
    await importRecords(db, request('b.csv', [record('2025-03-01', 11)], 'fabrikam'));
    expect(await undoImport(db, first.importId)).toEqual({ removed: 1, restored: 0 });
    expect(await countRecords(db, 'default')).toBe(0);
    expect(await countRecords(db, 'fabrikam')).toBe(1);
    db.close();
  });

  it('says so when the import is already gone', async () => {
    const db = await openMailflowDb();
    await expect(undoImport(db, 42)).rejects.toThrow('There is no import 42 to undo');
    db.close();
  });

  it('lists a dataset’s imports newest first, without their undo data', async () => {
    const db = await openMailflowDb();
    await importRecords(db, request('a.csv', [record('2025-03-01', 10)]));
    await importRecords(db, request('b.csv', [record('2025-03-02', 10), record('2025-03-03', 1)]));
    const [latest, earliest] = await listImports(db, 'default');
    expect(latest).toMatchObject({ fileName: 'b.csv', records: 2, days: 2, replaced: 0 });
    expect(earliest?.fileName).toBe('a.csv');
    expect(latest).not.toHaveProperty('previous');
    expect(latest).not.toHaveProperty('written');
    db.close();
  });
});

describe('datasets', () => {
  beforeEach(() => deleteDB(DB_NAME));
  afterEach(() => deleteDB(DB_NAME));

  it('lists the default dataset first even before any import', async () => {
    const db = await openMailflowDb();
    expect((await listDatasets(db)).map((d) => d.id)).toEqual(['default']);
    await createDataset(db, 'Woodgrove Bank');
    await createDataset(db, 'Contoso (EU)');
    expect((await listDatasets(db)).map((d) => [d.id, d.name])).toEqual([
      ['default', 'My organisation'],
      ['contoso-eu', 'Contoso (EU)'],
      ['woodgrove-bank', 'Woodgrove Bank'],
    ]);
    db.close();
  });

  it('gives two datasets with the same name different ids', async () => {
    const db = await openMailflowDb();
    const a = await createDataset(db, 'Fabrikam');
    const b = await createDataset(db, 'fabrikam!');
    expect([a.id, b.id]).toEqual(['fabrikam', 'fabrikam-2']);
    await expect(createDataset(db, '   ')).rejects.toThrow('1 to 100 characters');
    db.close();
  });

  it('deleting a dataset removes its records and imports and leaves the others', async () => {
    const db = await openMailflowDb();
    await importRecords(db, request('a.csv', [record('2025-03-01', 10)], 'contoso'));
    await importRecords(db, request('b.csv', [record('2025-03-01', 11)], 'fabrikam'));
    await deleteDataset(db, 'contoso');
    expect(await countRecords(db, 'contoso')).toBe(0);
    expect(await countRecords(db, 'fabrikam')).toBe(1);
    expect((await db.getAll('imports')).map((entry) => entry.dataset)).toEqual(['fabrikam']);
    expect((await listDatasets(db)).map((d) => d.id)).toEqual(['default', 'fabrikam']);
    db.close();
  });
});

describe('a browser with no storage room left', () => {
  beforeEach(() => deleteDB(DB_NAME));
  afterEach(async () => {
    vi.restoreAllMocks();
    await deleteDB(DB_NAME);
  });

  it('an import says what to do, and what was stored before stays as it was', async () => {
    const db = await openMailflowDb();
    await importRecords(db, request('week1.csv', [record('2025-03-01', 10), record('2025-03-02', 20)]));
    vi.spyOn(IDBObjectStore.prototype, 'put').mockImplementation(() => {
      throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
    });
    await expect(
      importRecords(db, request('week2.csv', [record('2025-03-02', 25), record('2025-03-03', 30)])),
    ).rejects.toThrow(
      /^the browser has no room left for Mailflow Lens's data \(its storage quota is used up\)\. Delete a dataset you no longer need in Settings, or free space on this computer's disk, then try again\.$/,
    );
    vi.restoreAllMocks();
    expect(await tls12ByDate(db)).toEqual({ '2025-03-01': 10, '2025-03-02': 20 });
    expect((await listImports(db, 'default')).map((entry) => entry.fileName)).toEqual(['week1.csv']);
    db.close();
  });

  it('other write errors keep their own words', () => {
    const error = new Error('2025-04-01, Contoso: 5,000,000,000 TLS 1.2 messages is too large to store');
    expect(readableWriteError(error)).toBe(error);
    const constraint = new DOMException('Key already exists in the object store.', 'ConstraintError');
    expect(readableWriteError(constraint)).toBe(constraint);
  });
});
