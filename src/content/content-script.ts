/**
 * The isolated-world content script for the admin portal hosts (portal-hosts.json), built as one
 * classic IIFE file because content scripts cannot be ES modules. It refuses to run anywhere else,
 * so a mistaken match pattern can never make it act on another site. It wires:
 * - export capture (export-capture.ts, fed by the MAIN-world capture-relay.ts), with its notice.
 */
import { sendMessage } from '../messaging.js';
import { loadSettings } from '../settings.js';
import { showCaptureNotice } from './capture-notice.js';
import { createClickGate } from './click-gate.js';
import { startExportCapture } from './export-capture.js';
import { isPortalHost } from './portal-hosts.js';

export function startPortalIntegration(win: Window): boolean {
  if (!isPortalHost(win.location.hostname)) return false;
  const document = win.document;

  startExportCapture({
    window: win,
    gate: createClickGate(),
    isEnabled: async () => (await loadSettings()).autoCapture,
    send: (request) => sendMessage('capture-export', request),
    onImported: (outcome) => {
      showCaptureNotice(document, outcome, {
        undo: (importId) => sendMessage('undo-import', { importId }),
        openReport: (range) => sendMessage('open-report', { range }),
        onDataChanged: () => {},
      });
    },
  });

  return true;
}

startPortalIntegration(window);
