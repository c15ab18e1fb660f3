/**
 * Importing an export captured on the admin portal, in the service worker (a module service worker
 * cannot start Web Workers, so the core reader runs here). Only a file the core reader recognises
 * as a mail flow export is stored; anything else is ignored without a trace.
 */
import type { IDBPDatabase } from 'idb';
import type { CaptureOutcome, CaptureRequest } from '../content/capture-payload.js';
import { fromBase64 } from '../content/capture-payload.js';
import { readMailflowFile } from '../core/formats/index.js';
import type { Settings } from '../core/settings.js';
import { importRecords } from '../store/imports.js';
import { DEFAULT_DATASET } from '../store/records.js';
import type { MailflowDb } from '../store/schema.js';

export async function importCapturedExport(
  db: IDBPDatabase<MailflowDb>,
  request: CaptureRequest,
  settings: Settings,
): Promise<CaptureOutcome> {
  if (!settings.autoCapture) return { status: 'ignored', reason: 'capture-off' };
  const result = readMailflowFile(request.fileName, fromBase64(request.bytes));
  if (result.error !== null || result.format === null || result.records.length === 0)
    return { status: 'ignored', reason: 'not-a-mail-flow-export' };
  const dataset = settings.currentDataset;
  // Rejected lines do not stop a capture (the person did not choose this file in our UI): the good
  // rows are imported, the notice says how many lines were rejected, and Undo takes it all back.
  const outcome = await importRecords(db, {
    dataset,
    fileName: request.fileName,
    format: result.format,
    rows: result.rows,
    records: result.records,
  });
  const dates = result.records.map((record) => record.date).sort();
  const stored = await db.get('datasets', dataset);
  return {
    status: 'imported',
    importId: outcome.importId,
    fileName: request.fileName,
    dataset,
    datasetName: stored?.name ?? DEFAULT_DATASET.name,
    rows: result.rows,
    days: outcome.days,
    records: outcome.records,
    replaced: outcome.replaced,
    rejected: result.rejected.length,
    range: { from: dates[0] as string, to: dates[dates.length - 1] as string },
  };
}

/** How long the portal's notice may undo its import; after that, Undo is on the import page only. */
export const PORTAL_UNDO_WINDOW_MS = 15 * 60 * 1000;

/**
 * The portal content script may only undo a recent import (the one its notice shows): a page that
 * took over its tab's renderer could otherwise undo any import in the history.
 */
export async function assertPortalMayUndo(
  db: IDBPDatabase<MailflowDb>,
  importId: number,
  now: number = Date.now(),
): Promise<void> {
  const entry = await db.get('imports', importId);
  if (entry === undefined)
    throw new Error(`There is no import ${importId} to undo (it may have been undone already).`);
  const age = now - Date.parse(entry.importedAt);
  if (!(age >= 0 && age <= PORTAL_UNDO_WINDOW_MS))
    throw new Error('This import is too old to undo from the portal; use the import page.');
}
