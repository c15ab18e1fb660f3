/**
 * Keeps the popup's copy of the current dataset's widget snapshot (src/store/snapshot-mirror.ts)
 * in step: called after every write transaction has committed, by the context that wrote (the
 * service worker, the import page, Settings), and after the thresholds or the current dataset
 * change. Best effort by design: the write itself has landed, and a copy left behind is mended by
 * the next popup, so a failure here is swallowed.
 */
import type { IDBPDatabase } from 'idb';
import { loadSettings, type Settings, saveSettings } from './settings.js';
import { type MailflowDb, mailflowDb } from './store/schema.js';
import { mirrorOf, type SnapshotMirror } from './store/snapshot-mirror.js';
import { forgetLocalMirror, writeLocalMirror } from './widget-mirror-local.js';

/** Where a context puts the copy: a page into localStorage; the service worker its own way. */
export type MirrorWriter = (mirror: SnapshotMirror) => void | Promise<void>;

/** `settings`: the ones just saved, when the caller has them; otherwise they are read. */
export async function refreshWidgetMirror(
  db: IDBPDatabase<MailflowDb>,
  write: MirrorWriter = writeLocalMirror,
  settings?: Settings,
): Promise<void> {
  try {
    const { currentDataset, thresholds } = settings ?? (await loadSettings());
    const stored = await db.get('snapshots', currentDataset);
    await write(mirrorOf(currentDataset, stored, thresholds));
  } catch {
    // Left as it was: the popup reads the database as well, and rewrites the copy.
  }
}

/**
 * Saves settings from a page, then the copy: the dataset in view and the thresholds are what the
 * copy was made for, so every change of them refreshes it. The old copy goes first, in the task
 * that made the change: a page closed before the end leaves the popup no copy to paint (it reads
 * the truth), never one of the dataset or thresholds just left.
 */
export async function saveSettingsAndMirror(patch: Partial<Settings>): Promise<Settings> {
  forgetLocalMirror();
  const next = await saveSettings(patch);
  await refreshWidgetMirror(await mailflowDb(), writeLocalMirror, next);
  return next;
}
