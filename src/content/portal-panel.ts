/**
 * The panel on the portal's mail flow report pages: a strip docked at the right edge, below the
 * suite header, holding panel.html (an extension page, so it renders the same src/ui components as
 * the popup and reads the store itself; the portal cannot read into its cross-origin frame).
 *
 * It never covers the portal: it reserves its width on the page's right side (collapsed to a 36 px
 * tab, expanded 400 px), and it sits below the portal's own flyouts and dialogs (Fluent layers use
 * z-index 1 000 000). Whether it was expanded or collapsed is remembered in storage.local.
 */
import { REFRESH_MESSAGE } from './panel-refresh.js';
import { createShadowHost, element } from './shadow-host.js';

export const PANEL_STATE_KEY = 'portalPanel';
const COLLAPSED_WIDTH = 36;
const EXPANDED_WIDTH = 400;

export interface PanelState {
  expanded: boolean;
}

export function panelStateFrom(stored: unknown): PanelState {
  const raw = (typeof stored === 'object' && stored !== null ? stored : {}) as Record<string, unknown>;
  return { expanded: raw.expanded === true };
}

export interface PortalPanelOptions {
  panelUrl: string;
  initial: PanelState;
  top: number;
  /** The suite header's colour, to continue it over the panel's width (the page's margin leaves a corner). */
  capColor: string | null;
  saveState: (state: PanelState) => Promise<void>;
  /** The panel took more or less of the right edge (a notice moves to stay clear of it). */
  onWidthChange?: (width: number) => void;
}

export interface PortalPanel {
  /** How much of the page's right side the panel takes now (what a notice must stay clear of). */
  width(): number;
  refresh(): void;
  /** The suite header moved or changed colour (it may render after the panel). */
  dockAt(top: number, capColor: string | null): void;
  remove(): void;
}

const PANEL_CSS = `
.dock {
  position: fixed; right: 0; bottom: 0; z-index: 999999;
  display: flex; font-family: var(--font); color: var(--text);
}
.tab {
  width: ${COLLAPSED_WIDTH}px; height: 100%; border: none; border-left: 1px solid var(--border);
  background: var(--surface); color: var(--brand); cursor: pointer; padding: 12px 0;
  display: flex; flex-direction: column; align-items: center; gap: 10px;
  font: inherit; font-weight: 600; font-size: 13px;
}
.tab:hover { background: var(--surface-hover); }
.tab-label { writing-mode: vertical-rl; white-space: nowrap; }
.mark { width: 18px; height: 18px; border-radius: 4px; background: var(--brand); flex: none;
  box-shadow: inset 0 -6px 0 var(--tls12); }
.strip { width: ${EXPANDED_WIDTH}px; height: 100%; display: flex; flex-direction: column;
  background: var(--bg); border-left: 1px solid var(--border); box-shadow: -2px 0 8px rgba(0,0,0,.08); }
.strip-head { display: flex; align-items: center; gap: 8px; padding: 8px 8px 8px 12px;
  background: var(--surface); border-bottom: 1px solid var(--border); }
.strip-head strong { flex: 1; font-size: 14px; }
.collapse { background: none; border: none; color: var(--text-muted); cursor: pointer; font: inherit;
  font-size: 18px; padding: 2px 8px; border-radius: var(--radius); }
.collapse:hover { background: var(--surface-hover); color: var(--text); }
.cap { position: fixed; top: 0; right: 0; z-index: 999999; }
iframe { flex: 1; width: 100%; border: 0; background: var(--bg); color-scheme: normal; }
`;

/** Shows the panel; the returned handle refreshes its numbers (after a capture) or removes it. */
export function mountPortalPanel(document: Document, options: PortalPanelOptions): PortalPanel {
  const { host, root } = createShadowHost(document, 'mailflow-lens-panel', PANEL_CSS);
  const reserve = document.createElement('style');
  reserve.id = 'mailflow-lens-panel-space';
  document.head?.append(reserve);

  const dock = element(document, 'aside', {
    class: 'dock',
    attrs: { 'data-testid': 'portal-panel', 'aria-label': 'Mailflow Lens' },
  });
  const tab = element(
    document,
    'button',
    {
      class: 'tab',
      attrs: {
        type: 'button',
        'data-testid': 'portal-panel-toggle',
        'aria-expanded': 'false',
        title: 'Show the Mailflow Lens history of this report',
      },
    },
    [
      element(document, 'span', { class: 'mark' }),
      element(document, 'span', { class: 'tab-label', text: 'Mailflow Lens' }),
    ],
  );
  const collapse = element(document, 'button', {
    class: 'collapse',
    text: '›',
    attrs: {
      type: 'button',
      'aria-label': 'Collapse the Mailflow Lens panel',
      'data-testid': 'portal-panel-collapse',
    },
  });
  let frame: HTMLIFrameElement | null = null;
  let reserved = 0;
  let place = { top: options.top, capColor: options.capColor };

  function layout(): void {
    dock.style.top = `${place.top}px`;
    cap.style.width = `${reserved}px`;
    cap.style.height = `${place.top}px`;
    cap.style.background = place.capColor ?? 'transparent';
  }
  const strip = element(document, 'div', { class: 'strip' }, [
    element(document, 'div', { class: 'strip-head' }, [
      element(document, 'span', { class: 'mark' }),
      element(document, 'strong', { text: 'Mailflow Lens' }),
      collapse,
    ]),
  ]);
  const cap = element(document, 'div', { class: 'cap' });
  root.append(cap, dock);

  function show(expanded: boolean): void {
    dock.replaceChildren(expanded ? strip : tab);
    tab.setAttribute('aria-expanded', String(expanded));
    dock.dataset.expanded = String(expanded);
    if (expanded && frame === null) {
      // Created on first expand only: a collapsed panel costs the portal nothing.
      frame = element(document, 'iframe', {
        attrs: {
          src: options.panelUrl,
          title: 'Mailflow Lens: stored mail flow history',
          'data-testid': 'portal-panel-frame',
        },
      });
      strip.append(frame);
    }
    reserved = expanded ? EXPANDED_WIDTH : COLLAPSED_WIDTH;
    reserve.textContent = `html { margin-right: ${reserved}px !important; }`;
    layout();
    options.onWidthChange?.(reserved);
  }

  function toggle(expanded: boolean): void {
    show(expanded);
    void options.saveState({ expanded }).catch(() => {});
  }
  tab.addEventListener('click', () => toggle(true));
  collapse.addEventListener('click', () => toggle(false));
  show(options.initial.expanded);

  return {
    width: () => reserved,
    dockAt(top, capColor) {
      place = { top, capColor };
      layout();
    },
    refresh() {
      // Any origin: with use_dynamic_url the frame's origin is not the URL we gave it, and the
      // message is a constant that carries nothing.
      frame?.contentWindow?.postMessage(REFRESH_MESSAGE, '*');
    },
    remove() {
      host.remove();
      reserve.remove();
    },
  };
}
