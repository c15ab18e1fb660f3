/**
 * The isolated-world content script for the admin portal hosts (portal-hosts.json), built as one
 * classic IIFE file because content scripts cannot be ES modules. It refuses to run anywhere else,
 * so a mistaken match pattern can never make it act on another site. It wires:
 * - export capture (export-capture.ts, fed by the MAIN-world capture-relay.ts), with its notice;
 * - the panel on the mail flow report pages (portal-pages.ts, portal-panel.ts).
 */
import { extensionUrl, readLocalStorage, writeLocalStorage } from '../browser-api.js';
import { sendMessage } from '../messaging.js';
import { loadSettings } from '../settings.js';
import { showCaptureNotice } from './capture-notice.js';
import { createClickGate } from './click-gate.js';
import { startExportCapture } from './export-capture.js';
import { isPortalHost } from './portal-hosts.js';
import { isMailFlowReportPage } from './portal-pages.js';
import { mountPortalPanel, PANEL_STATE_KEY, type PortalPanel, panelStateFrom } from './portal-panel.js';
import { dockTop, suiteHeaderBackground } from './portal-selectors.js';

export function startPortalIntegration(win: Window): boolean {
  if (!isPortalHost(win.location.hostname)) return false;
  const document = win.document;
  let panel: PortalPanel | null = null;
  let mounting = false;
  let notice: HTMLElement | null = null;

  startExportCapture({
    window: win,
    gate: createClickGate(),
    isEnabled: async () => (await loadSettings()).autoCapture,
    send: (request) => sendMessage('capture-export', request),
    onImported: (outcome) => {
      panel?.refresh();
      notice = showCaptureNotice(
        document,
        outcome,
        {
          undo: (importId) => sendMessage('undo-import', { importId }),
          openReport: (range) => sendMessage('open-report', { range }),
          onDataChanged: () => panel?.refresh(),
        },
        panel?.width() ?? 0,
      );
    },
  });

  // The portal is a single-page app: the panel follows its route changes.
  async function followRoute(): Promise<void> {
    const onReport = isMailFlowReportPage(win.location.href);
    if (onReport && panel === null && !mounting) {
      mounting = true;
      try {
        const initial = panelStateFrom(await readLocalStorage(PANEL_STATE_KEY));
        if (isMailFlowReportPage(win.location.href)) {
          panel = mountPortalPanel(document, {
            panelUrl: extensionUrl('panel.html'),
            initial,
            top: dockTop(document),
            capColor: suiteHeaderBackground(document),
            saveState: (state) => writeLocalStorage(PANEL_STATE_KEY, state),
            onWidthChange: (width) => notice?.style.setProperty('right', `${width + 16}px`),
          });
        }
      } finally {
        mounting = false;
      }
    } else if (!onReport && panel !== null) {
      panel.remove();
      panel = null;
    } else {
      // The suite header may render after the panel did.
      panel?.dockAt(dockTop(document), suiteHeaderBackground(document));
    }
  }
  const follow = () => void followRoute().catch(() => {});
  const begin = () => {
    follow();
    win.addEventListener('hashchange', follow);
    win.addEventListener('popstate', follow);
    // history.pushState fires no event the isolated world can see; a cheap check catches it.
    setInterval(follow, 1000);
  };
  if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', begin, { once: true });
  else begin();
  return true;
}

startPortalIntegration(window);
