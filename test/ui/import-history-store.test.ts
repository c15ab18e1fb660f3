import 'fake-indexeddb/auto';
import { deleteDB } from 'idb';
import { beforeEach, describe, expect, it } from 'vitest';
import { emptyCounts, type MailflowRecord } from '../../src/core/model.js';
import { type ImportSummary, importRecords, listImports, undoImport } from '../../src/store/imports.js';
import { DB_NAME, openMailflowDb } from '../../src/store/schema.js';
import {
  createImportHistoryStore,
  type ImportHistoryDoors,
} from '../../src/ui/stores/import-history-store.js';

const record = (date: string, connector: string | null, tls12: number): MailflowRecord => ({
  date,
  direction: 'inbound',
  connector,
  connectorType: connector === null ? null : 'Partner',
  forcedTls: connector === null ? null : true,
  counts: { ...emptyCounts(), 'tls1.2': tls12 },
});

describe('the import log on the import page', () => {
  let db: Awaited<ReturnType<typeof openMailflowDb>>;
  let doors: ImportHistoryDoors;
  let undoneHere: [number, { removed: number; restored: number }][];
  beforeEach(async () => {
    await deleteDB(DB_NAME);
    db = await openMailflowDb();
    // March 1–2, then a second file that rewrites March 2 and adds March 3.
    await importRecords(db, {
      dataset: 'default',
      fileName: 'march-1-2.csv',
      format: 'A',
      rows: 2,
      records: [record('2025-03-01', null, 10), record('2025-03-02', null, 20)],
    });
    await importRecords(db, {
      dataset: 'default',
      fileName: 'march-2-3.csv',
      format: 'A',
      rows: 2,
      records: [record('2025-03-02', null, 25), record('2025-03-03', 'Fabrikam', 30)],
    });
    undoneHere = [];
    doors = {
      listImports: (dataset) => listImports(db, dataset),
      undoImport: (importId) => undoImport(db, importId),
      afterUndo: (importId, outcome) => undoneHere.push([importId, outcome]),
    };
  });

  it("lists a dataset's imports newest first, with rows, days, connectors and records replaced", async () => {
    const history = createImportHistoryStore(doors);
    expect(history.entries.value).toBeNull();
    await history.load('default');
    expect(
      history.entries.value?.map(({ fileName, rows, days, connectors, records, replaced }) => ({
        fileName,
        rows,
        days,
        connectors,
        records,
        replaced,
      })),
    ).toEqual([
      { fileName: 'march-2-3.csv', rows: 2, days: 2, connectors: 2, records: 2, replaced: 1 },
      { fileName: 'march-1-2.csv', rows: 2, days: 2, connectors: 1, records: 2, replaced: 0 },
    ]);
    await history.load('contoso');
    expect(history.entries.value).toEqual([]);
  });

  it('an undo overlapped by a later import is refused with the reason, and the list keeps both', async () => {
    const history = createImportHistoryStore(doors);
    await history.load('default');
    const older = history.entries.value?.[1] as ImportSummary;
    await history.undo(older);
    expect(history.notice.value).toMatchObject({ kind: 'refused', fileName: 'march-1-2.csv' });
    const notice = history.notice.value;
    expect(notice?.kind === 'refused' && notice.reason).toMatch(
      /imported after "march-1-2\.csv".*Undo it first/,
    );
    expect(history.entries.value?.map((entry) => entry.fileName)).toEqual(['march-2-3.csv', 'march-1-2.csv']);
    expect(undoneHere).toEqual([]);
  });

  it('undoing the newest removes it from the list and tells the rest of the page', async () => {
    const history = createImportHistoryStore(doors);
    await history.load('default');
    const newest = history.entries.value?.[0] as ImportSummary;
    await history.undo(newest);
    // March 3 was new (removed); March 2 had replaced the first file's record (put back).
    expect(history.notice.value).toEqual({
      kind: 'undone',
      fileName: 'march-2-3.csv',
      outcome: { removed: 1, restored: 1 },
    });
    expect(undoneHere).toEqual([[newest.id, { removed: 1, restored: 1 }]]);
    expect(history.entries.value?.map((entry) => entry.fileName)).toEqual(['march-1-2.csv']);
    expect(history.undoing.value).toBeNull();
  });

  it('an answer for a dataset left in the meantime is dropped, and a list that fails says so', async () => {
    let release: (list: ImportSummary[]) => void = () => {};
    const slow: ImportHistoryDoors = {
      ...doors,
      listImports: (dataset) =>
        dataset === 'default'
          ? new Promise((resolve) => {
              release = resolve;
            })
          : listImports(db, dataset),
    };
    const history = createImportHistoryStore(slow);
    const first = history.load('default');
    await history.load('contoso');
    release(await listImports(db, 'default'));
    await first;
    expect(history.entries.value).toEqual([]);

    const failing = createImportHistoryStore({
      ...doors,
      listImports: () => Promise.reject(new Error('The extension background did not answer.')),
    });
    await failing.load('default');
    expect(failing.entries.value).toBeNull();
    expect(failing.loadError.value).toBe(
      'Could not list the imports: The extension background did not answer.',
    );
  });
});
