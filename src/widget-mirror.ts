/**
 * Keeps the popup's copy of the current dataset's widget snapshot (src/store/snapshot-mirror.ts)
 * in step: called after every write transaction has committed, by the context that wrote (the
 * service worker, the import page, Settings), and after the thresholds or the current dataset change. Best effort by design: the write itself has landed,
 * and a copy left behind is mended by the next popup, so a failure here is swallowed.
 */
import type { IDBPDatabase } from 'idb';
import { writeLocalStorage } from './browser-api.js';
import { loadSettings } from './settings.js';
import type { MailflowDb } from './store/schema.js';
import { mirrorOf, SNAPSHOT_MIRROR_KEY } from './store/snapshot-mirror.js';

export async function refreshWidgetMirror(db: IDBPDatabase<MailflowDb>): Promise<void> {
  try {
    const { currentDataset, thresholds } = await loadSettings();
    const stored = await db.get('snapshots', currentDataset);
    await writeLocalStorage(SNAPSHOT_MIRROR_KEY, mirrorOf(currentDataset, stored, thresholds));
  } catch {
    // Left as it was: the popup reads the database as well, and rewrites the copy.
  }
}
