import 'fake-indexeddb/auto';
import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { deleteDB } from 'idb';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  assertPortalMayUndo,
  importCapturedExport,
  PORTAL_UNDO_WINDOW_MS,
} from '../../src/background/capture-import.js';
import { toBase64 } from '../../src/content/capture-payload.js';
import { DEFAULT_SETTINGS } from '../../src/core/settings.js';
import { listImports, undoImport } from '../../src/store/imports.js';
import { countRecords } from '../../src/store/records.js';
import { DB_NAME, openMailflowDb } from '../../src/store/schema.js';
import { createQueryHandlers } from '../../src/worker/queries.js';

const fixture = (name: string) => readFile(resolve(import.meta.dirname, '../fixtures/shared', name));

describe('importing a captured export in the service worker', () => {
  let db: Awaited<ReturnType<typeof openMailflowDb>>;
  beforeEach(async () => {
    db = await openMailflowDb();
  });
  afterEach(async () => {
    db.close();
    await deleteDB(DB_NAME);
  });

  const capture = async (name: string, bytes: Uint8Array) => ({
    fileName: name,
    source: 'blob' as const,
    bytes: toBase64(bytes),
  });

  it('imports a recognised portal export into the current dataset and says what it captured', async () => {
    const bytes = await fixture('eac-inbound-outbound-en.csv');
    const outcome = await importCapturedExport(db, await capture('Inbound.csv', bytes), {
      ...DEFAULT_SETTINGS,
      currentDataset: 'contoso',
    });
    expect(outcome).toMatchObject({
      status: 'imported',
      fileName: 'Inbound.csv',
      dataset: 'contoso',
      rows: 10,
      days: 2,
      records: 10,
      replaced: 0,
      rejected: 0,
      range: { from: '2025-03-03', to: '2025-03-04' },
    });
    expect(await countRecords(db, 'contoso')).toBe(10);
    expect(await countRecords(db, 'default')).toBe(0);
    // What the portal panel then reads through the service worker's store queries.
    const queries = createQueryHandlers(async () => db);
    const snapshot = await queries.snapshot({ dataset: 'contoso' });
    expect(snapshot.summary.directions.inbound.messages).toBe(41754);
    expect(await queries.extent({ dataset: 'contoso' })).toEqual({ from: '2025-03-03', to: '2025-03-04' });
  });

  it('ignores anything that is not a mail flow export, silently and without storing', async () => {
    for (const text of ['Name,Email\nAlex,alex@contoso.com\n', '%PDF-1.7 binary', '']) {
      const outcome = await importCapturedExport(
        db,
        await capture('other.csv', new TextEncoder().encode(text || ' ')),
        DEFAULT_SETTINGS,
      );
      expect(outcome).toEqual({ status: 'ignored', reason: 'not-a-mail-flow-export' });
    }
    expect(await listImports(db, 'default')).toEqual([]);
  });

  it('stores nothing when capture is switched off, even if a content script asks', async () => {
    const bytes = await fixture('eac-inbound-outbound-en.csv');
    const outcome = await importCapturedExport(db, await capture('Inbound.csv', bytes), {
      ...DEFAULT_SETTINGS,
      autoCapture: false,
    });
    expect(outcome).toEqual({ status: 'ignored', reason: 'capture-off' });
    expect(await countRecords(db, 'default')).toBe(0);
  });

  it('lets the portal undo a capture it just made, and not an old import', async () => {
    const bytes = await fixture('eac-inbound-outbound-en.csv');
    const outcome = await importCapturedExport(db, await capture('Inbound.csv', bytes), DEFAULT_SETTINGS);
    if (outcome.status !== 'imported') throw new Error('not imported');
    await expect(assertPortalMayUndo(db, outcome.importId)).resolves.toBeUndefined();
    await expect(
      assertPortalMayUndo(db, outcome.importId, Date.now() + PORTAL_UNDO_WINDOW_MS + 1000),
    ).rejects.toThrow(/too old/);
    await expect(assertPortalMayUndo(db, 999)).rejects.toThrow(/no import 999/);
    await undoImport(db, outcome.importId);
    expect(await countRecords(db, 'default')).toBe(0);
  });
});
