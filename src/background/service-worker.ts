/**
 * The MV3 service worker: captures, undo, datasets and deletions, and the portal panel's store
 * queries (the import page's own worker stores that page's imports). It may be stopped between any
 * two events, so it keeps nothing in memory that matters; each write is one IndexedDB transaction.
 */
import { openExtensionPage } from '../browser-api.js';
import { isPortalContentScript, listenForMessages } from '../messaging.js';
import { loadSettings } from '../settings.js';
import { createDataset, deleteDataset, listDatasets } from '../store/datasets.js';
import { listImports, undoImport } from '../store/imports.js';
import { deleteAllData } from '../store/records.js';
import { mailflowDb } from '../store/schema.js';
import { createQueryHandlers } from '../worker/queries.js';
import { assertPortalMayUndo, importCapturedExport } from './capture-import.js';

const db = mailflowDb;

const queries = createQueryHandlers(db);

listenForMessages({
  'undo-import': async ({ importId }, sender) => {
    if (isPortalContentScript(sender)) await assertPortalMayUndo(await db(), importId);
    return undoImport(await db(), importId);
  },
  'list-imports': async ({ dataset }) => listImports(await db(), dataset),
  'list-datasets': async () => listDatasets(await db()),
  'create-dataset': async ({ name }) => createDataset(await db(), name),
  'delete-dataset': async ({ id }) => {
    await deleteDataset(await db(), id);
    return { deleted: true };
  },
  'delete-all-data': async () => {
    await deleteAllData(await db());
    return { deleted: true };
  },
  'capture-export': async (request) => importCapturedExport(await db(), request, await loadSettings()),
  query: async ({ name, request }) => (queries[name] as (request: unknown) => Promise<unknown>)(request),
  'open-report': async ({ range }) => {
    await openExtensionPage(range === null ? 'report.html' : `report.html?from=${range.from}&to=${range.to}`);
    return { opened: true };
  },
});
