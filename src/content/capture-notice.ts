/**
 * The small notice shown in the portal after an export was captured: what was imported, with Undo
 * (the `undo-import` message) and a link to the full report. Fluent-like, light and dark, in its
 * own shadow root at the bottom right; it hides itself after a while unless the pointer or focus
 * is on it.
 */

import type { UndoOutcome } from '../store/imports.js';
import { formatCount, formatRange } from '../ui/format.js';
import type { CaptureOutcome } from './capture-payload.js';
import { createShadowHost, element } from './shadow-host.js';

export type ImportedCapture = Extract<CaptureOutcome, { status: 'imported' }>;

export interface NoticeActions {
  undo: (importId: number) => Promise<UndoOutcome>;
  openReport: (range: ImportedCapture['range']) => Promise<unknown>;
  /** After an import or its undo, so an open panel shows the new history. */
  onDataChanged: () => void;
}

const HIDE_AFTER_MS = 30_000;

const NOTICE_CSS = `
.capture-notice {
  position: fixed; right: 16px; bottom: 16px; z-index: 2147483000;
  width: 360px; max-width: calc(100vw - 32px);
  font-family: var(--font); font-size: 14px; line-height: 20px; color: var(--text);
  background: var(--surface); border-radius: 8px; border-left: 4px solid var(--success);
  box-shadow: 0 6.4px 14.4px rgba(0,0,0,.18), 0 1.2px 3.6px rgba(0,0,0,.14);
  padding: 12px 12px 12px 16px; display: grid; gap: 6px;
}
.capture-notice[data-state="undone"] { border-left-color: var(--text-muted); }
.capture-notice[data-state="error"] { border-left-color: var(--danger); }
.notice-head { display: flex; align-items: flex-start; gap: 8px; }
.notice-head strong { flex: 1; font-weight: 600; }
.file { font-weight: 600; overflow-wrap: anywhere; }
.close { background: none; border: none; color: var(--text-muted); font: inherit; font-size: 18px;
  line-height: 20px; cursor: pointer; padding: 0 4px; border-radius: var(--radius); }
.close:hover { background: var(--surface-hover); color: var(--text); }
.actions { display: flex; gap: 12px; align-items: center; margin-top: 4px; }
.status { color: var(--text-muted); }
.status.error { color: var(--danger); }
`;

export function showCaptureNotice(
  document: Document,
  outcome: ImportedCapture,
  actions: NoticeActions,
  /** Space kept free at the right edge (the docked panel's width). */
  rightInset = 0,
): HTMLElement {
  const { root } = createShadowHost(document, 'mailflow-lens-notice', NOTICE_CSS);
  const rejectedText =
    outcome.rejected === 0
      ? 'no lines rejected'
      : `${formatCount(outcome.rejected)} line${outcome.rejected === 1 ? '' : 's'} rejected`;
  const status = element(document, 'p', { class: 'status', attrs: { role: 'status' } });
  status.style.margin = '0';
  const undo = element(document, 'button', {
    class: 'button',
    text: 'Undo',
    attrs: { type: 'button', 'data-testid': 'capture-notice-undo' },
  });
  const report = element(document, 'a', {
    class: 'link',
    text: 'Open full report',
    attrs: { href: '#', 'data-testid': 'capture-notice-report' },
  });
  const close = element(document, 'button', {
    class: 'close',
    text: '×',
    attrs: { type: 'button', 'aria-label': 'Dismiss' },
  });
  const notice = element(
    document,
    'section',
    {
      class: 'capture-notice',
      attrs: {
        role: 'status',
        'aria-live': 'polite',
        'data-testid': 'capture-notice',
        'data-state': 'imported',
        'data-import-id': String(outcome.importId),
        'data-rows': String(outcome.rows),
        'data-days': String(outcome.days),
        'data-rejected': String(outcome.rejected),
      },
    },
    [
      element(document, 'div', { class: 'notice-head' }, [
        element(document, 'strong', { text: 'Mailflow Lens captured this export' }),
        close,
      ]),
      element(document, 'div', { class: 'file', text: outcome.fileName }),
      element(document, 'div', {
        attrs: { 'data-testid': 'capture-notice-summary' },
        text: `${formatCount(outcome.rows)} rows · ${formatCount(outcome.days)} day${outcome.days === 1 ? '' : 's'} (${formatRange(outcome.range.from, outcome.range.to)}) · ${rejectedText}`,
      }),
      element(document, 'div', { class: 'muted', text: `Imported into ${outcome.datasetName}.` }),
      element(document, 'div', { class: 'actions' }, [undo, report]),
      status,
    ],
  );
  notice.style.right = `${rightInset + 16}px`;
  root.append(notice);

  let hideTimer: ReturnType<typeof setTimeout> | undefined;
  const dismiss = () => root.host.remove();
  const scheduleHide = () => {
    clearTimeout(hideTimer);
    hideTimer = setTimeout(dismiss, HIDE_AFTER_MS);
  };
  notice.addEventListener('pointerenter', () => clearTimeout(hideTimer));
  notice.addEventListener('focusin', () => clearTimeout(hideTimer));
  notice.addEventListener('pointerleave', scheduleHide);
  scheduleHide();
  close.addEventListener('click', dismiss);

  undo.addEventListener('click', async (event) => {
    // Only the person may undo: a script in the page can click our button, but not with a trusted event.
    if (!event.isTrusted) return;
    undo.disabled = true;
    try {
      const result = await actions.undo(outcome.importId);
      notice.dataset.state = 'undone';
      status.className = 'status';
      status.textContent =
        result.restored === 0
          ? `Undone: the ${formatCount(result.removed)} records were removed.`
          : `Undone: ${formatCount(result.removed)} records removed, ${formatCount(result.restored)} put back as they were.`;
      undo.remove();
      actions.onDataChanged();
    } catch (error) {
      notice.dataset.state = 'error';
      status.className = 'status error';
      status.textContent = `Not undone: ${error instanceof Error ? error.message : String(error)}`;
      undo.disabled = false;
    }
  });
  report.addEventListener('click', (event) => {
    event.preventDefault();
    if (!event.isTrusted) return;
    void actions.openReport(outcome.range);
  });
  return notice;
}
