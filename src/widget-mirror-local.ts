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
