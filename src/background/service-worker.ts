/**
 * The MV3 service worker: owns the database writes. It may be stopped between any two events, so
 * it keeps nothing in memory that matters; each import is one IndexedDB transaction.
 */
import { listenForMessages } from '../messaging.js';
import { deleteAllData, importRecords } from '../store/records.js';
import { mailflowDb } from '../store/schema.js';

const db = mailflowDb;

listenForMessages({
  'import-records': async (request) => importRecords(await db(), request),
  'delete-all-data': async () => {
    await deleteAllData(await db());
    return { deleted: true };
  },
});
