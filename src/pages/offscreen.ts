/**
 * The service worker's offscreen document (Chromium; reason LOCAL_STORAGE): it writes the popup's
 * copy of the widget snapshot into the extension's localStorage for the service worker, which has
 * none (src/background/mirror-offscreen.ts). It answers that one message, from that one sender.
 */
import { listenForMessages } from '../messaging.js';
import { writeLocalMirror } from '../widget-mirror-local.js';

listenForMessages<'write-widget-mirror'>({
  'write-widget-mirror': async ({ mirror }) => {
    writeLocalMirror(mirror);
    return { written: true };
  },
});
