/**
 * The MV3 service worker: owns the database writes. It may be stopped between any two events, so
 * it keeps nothing in memory that matters; each import is one IndexedDB transaction.
 */
import { listenForMessages } from '../messaging.js';
import { createDataset, deleteDataset, listDatasets } from '../store/datasets.js';
import { importRecords, listImports, undoImport } from '../store/imports.js';
import { deleteAllData } from '../store/records.js';
import { mailflowDb } from '../store/schema.js';

const db = mailflowDb;

listenForMessages({
  'import-records': async (request) => importRecords(await db(), request),
  'undo-import': async ({ importId }) => undoImport(await db(), importId),
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
});
