/**
 * How the service worker writes the popup's copy of the widget snapshot (src/widget-mirror-local.ts)
 * after its writes. Chromium's service worker has no localStorage, so it opens an offscreen document
 * for the purpose Chromium names LOCAL_STORAGE (src/pages/offscreen.ts), hands it the copy, and
 * closes it. Firefox's background is a page with localStorage of its own, and writes directly.
 * Writes go one after another: Chromium allows one offscreen document at a time.
 */
import { closeOffscreenDocument, openOffscreenDocument } from '../browser-api.js';
import { sendMessage } from '../messaging.js';
import type { SnapshotMirror } from '../store/snapshot-mirror.js';
import { hasLocalMirror, writeLocalMirror } from '../widget-mirror-local.js';

export const OFFSCREEN_PAGE = 'offscreen.html';

let queue: Promise<void> = Promise.resolve();

export function writeMirrorFromBackground(mirror: SnapshotMirror): Promise<void> {
  if (hasLocalMirror()) {
    writeLocalMirror(mirror);
    return Promise.resolve();
  }
  const written = queue.then(() => writeThroughOffscreen(mirror));
  queue = written.catch(() => {});
  return written;
}

async function writeThroughOffscreen(mirror: SnapshotMirror): Promise<void> {
  await openOffscreenDocument(
    OFFSCREEN_PAGE,
    'LOCAL_STORAGE',
    "Keeps the toolbar popup's copy of the widget in localStorage, so the popup paints it at once.",
  );
  try {
    await sendMessage('write-widget-mirror', { mirror });
  } finally {
    await closeOffscreenDocument().catch(() => {});
  }
}
