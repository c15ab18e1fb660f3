/**
 * Every dataset's stored widget snapshot, read with the bare IndexedDB API: the popup reads it
 * (src/pages/popup-reads.ts) to check the copy it painted, or to paint without one, and carries no
 * library and no schema code for it. It never creates or upgrades the database: when the database
 * is missing or older than this build's schema, the open's upgrade is aborted (the database stays
 * as it was) and the answer is null, and the popup reads through the schema code instead, which
 * upgrades it.
 */
import { DB_NAME, DB_VERSION } from './db-identity.js';
import type { StoredSnapshot } from './snapshots.js';

export function readSnapshotsEarly(factory: IDBFactory = indexedDB): Promise<StoredSnapshot[] | null> {
  return new Promise((resolve) => {
    let request: IDBOpenDBRequest;
    try {
      request = factory.open(DB_NAME, DB_VERSION);
    } catch {
      resolve(null);
      return;
    }
    request.onupgradeneeded = () => request.transaction?.abort();
    request.onerror = (event) => {
      event.preventDefault();
      resolve(null);
    };
    request.onsuccess = () => {
      const db = request.result;
      // A newer schema elsewhere (another context upgrading): step aside at once.
      db.onversionchange = () => db.close();
      try {
        const read = db.transaction('snapshots').objectStore('snapshots').getAll();
        read.onsuccess = () => resolve(read.result as StoredSnapshot[]);
        read.onerror = (event) => {
          event.preventDefault();
          resolve(null);
        };
      } catch {
        resolve(null);
      } finally {
        // Closes once the read's transaction is done; this connection is used for nothing else.
        db.close();
      }
    };
  });
}
