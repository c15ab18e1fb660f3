/**
 * The MV3 service worker: captures, undo, datasets and deletions, and the portal panel's store
 * queries (the import page's own worker stores that page's imports). It may be stopped between any
 * two events, so it keeps nothing in memory that matters; each write is one IndexedDB transaction,
 * after which the popup's copy of the widget snapshot is refreshed (src/widget-mirror.ts), through
 * an offscreen document in Chromium (src/background/mirror-offscreen.ts).
 */
import { openExtensionPage } from '../browser-api.js';
import { type BackgroundMessageName, isPortalContentScript, listenForMessages } from '../messaging.js';
import { loadSettings } from '../settings.js';
import { createDataset, deleteDataset, listDatasets } from '../store/datasets.js';
import { listImports, undoImport } from '../store/imports.js';
import { deleteAllData } from '../store/records.js';
import { mailflowDb } from '../store/schema.js';
import { refreshWidgetMirror } from '../widget-mirror.js';
import { createQueryHandlers } from '../worker/queries.js';
import { assertPortalMayUndo, importCapturedExport } from './capture-import.js';
import { writeMirrorFromBackground } from './mirror-offscreen.js';

const db = mailflowDb;

const queries = createQueryHandlers(db);
const refreshMirror = async () => refreshWidgetMirror(await db(), writeMirrorFromBackground);

listenForMessages<BackgroundMessageName>({
  'undo-import': async ({ importId }, sender) => {
    if (isPortalContentScript(sender)) await assertPortalMayUndo(await db(), importId);
    const outcome = await undoImport(await db(), importId);
    await refreshMirror();
    return outcome;
  },
  'list-imports': async ({ dataset }) => listImports(await db(), dataset),
  'list-datasets': async () => listDatasets(await db()),
  'create-dataset': async ({ name }) => createDataset(await db(), name),
  'delete-dataset': async ({ id }) => {
    await deleteDataset(await db(), id);
    await refreshMirror();
    return { deleted: true };
  },
  'delete-all-data': async () => {
    await deleteAllData(await db());
    await refreshMirror();
    return { deleted: true };
  },
  'capture-export': async (request) => {
    const outcome = await importCapturedExport(await db(), request, await loadSettings());
    if (outcome.status === 'imported') await refreshMirror();
    return outcome;
  },
  query: async ({ name, request }) => (queries[name] as (request: unknown) => Promise<unknown>)(request),
  'open-report': async ({ range }) => {
    await openExtensionPage(range === null ? 'report.html' : `report.html?from=${range.from}&to=${range.to}`);
    return { opened: true };
  },
});
