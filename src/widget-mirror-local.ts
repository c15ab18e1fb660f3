/**
 * The copy of the widget snapshot (src/store/snapshot-mirror.ts) in the extension origin's
 * localStorage: the one storage a page can read synchronously, so the popup paints in the task
 * its entry module runs in. Pages and Firefox's background page write it here; Chromium's service
 * worker has no localStorage and writes it through its offscreen document
 * (src/background/mirror-offscreen.ts). No extension API and no library, so the popup's entry
 * carries only this.
 */
import {
  type CheckedMirror,
  checkMirror,
  SNAPSHOT_MIRROR_KEY,
  type SnapshotMirror,
} from './store/snapshot-mirror.js';

/** Whether this context has the origin's localStorage (Chromium's service worker has not). */
export const hasLocalMirror = (): boolean => typeof globalThis.localStorage !== 'undefined';

/** The copy, if there is one that checks out; never throws (storage off, bad JSON: no copy). */
export function readLocalMirror(): CheckedMirror | null {
  try {
    const text = localStorage.getItem(SNAPSHOT_MIRROR_KEY);
    return text === null ? null : checkMirror(JSON.parse(text));
  } catch {
    return null;
  }
}

/** Throws when storage refuses it (quota, storage switched off); callers treat the copy as best effort. */
export function writeLocalMirror(mirror: SnapshotMirror): void {
  localStorage.setItem(SNAPSHOT_MIRROR_KEY, JSON.stringify(mirror));
}

/** Removes the copy (the popup then reads the truth); never throws. */
export function forgetLocalMirror(): void {
  try {
    localStorage.removeItem(SNAPSHOT_MIRROR_KEY);
  } catch {
    // Storage switched off: there is no copy to forget.
  }
}

/**
 * Calls back when another context of the extension rewrites or removes the copy: every write to
 * the dataset in view (an import, an undo, a capture on the portal, a restore, a deletion) gives
 * it a new generation, and a change of the dataset or the thresholds removes it first. A page that
 * shows stored data listens, to show it again. The browser fires the event in every other document
 * of the origin, never in the one that wrote. Returns the way to stop listening.
 */
export function onMirrorChanged(callback: () => void): () => void {
  const listener = (event: StorageEvent) => {
    // key null: the whole of localStorage was cleared.
    if (event.key === SNAPSHOT_MIRROR_KEY || event.key === null) callback();
  };
  addEventListener('storage', listener);
  return () => removeEventListener('storage', listener);
}
