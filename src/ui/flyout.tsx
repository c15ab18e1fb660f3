/**
 * "Message protected in transit (by TLS)": the widget's details as a modal dialog that covers its
 * host. Focus moves in when it opens; Escape or Close closes it and the host puts focus back.
 * It also hosts the connector report, so the popup never needs a second window.
 */
import 'uplot/dist/uPlot.min.css';
import './report.css';
import type { ComponentChildren } from 'preact';
import { useEffect, useRef } from 'preact/hooks';
import type { Summary } from '../core/aggregate.js';
import type { DateRange } from '../core/model.js';
import { ALL_MAIL_FLOW } from '../core/selection.js';
import { ConnectorReport } from './connector-report.js';
import { formatRange } from './format.js';
import { ReportChart } from './report-chart.js';
import type { FlyoutScreen } from './stores/popup-store.js';
import type { CsvFile, ReportStore } from './stores/report-store.js';
import { TlsBreakdown } from './tls-breakdown.js';

function Dialog({
  title,
  onClose,
  children,
}: {
  title: string;
  onClose: () => void;
  children: ComponentChildren;
}) {
  const dialog = useRef<HTMLDialogElement>(null);
  useEffect(() => {
    const element = dialog.current;
    if (element !== null && !element.open) element.showModal();
  }, []);
  return (
    <dialog
      ref={dialog}
      class="flyout"
      data-testid="flyout"
      aria-labelledby="flyout-title"
      onCancel={(event) => {
        // Escape: the host closes the dialog (and restores focus), not the browser on its own.
        event.preventDefault();
        onClose();
      }}
      onClose={onClose}
    >
      <div class="flyout-inner">
        <div class="flyout-header">
          <h2 id="flyout-title">{title}</h2>
          <button
            type="button"
            class="icon-button"
            aria-label="Close"
            data-testid="flyout-close"
            onClick={onClose}
          >
            ✕
          </button>
        </div>
        {children}
      </div>
    </dialog>
  );
}

export function Flyout({
  window,
  summary,
  trend,
  report,
  screen,
  onScreen,
  onClose,
  onOpenTab,
  onDownload,
}: {
  window: DateRange;
  summary: Summary;
  /** The snapshot window, all mail flow: the daily trend under the breakdown. */
  trend: ReportStore;
  /** The connector report the person steers (its own range and selection). */
  report: ReportStore;
  screen: FlyoutScreen;
  onScreen: (screen: FlyoutScreen) => void;
  onClose: () => void;
  /** Opens report.html in a tab, for room to breathe. */
  onOpenTab: () => void;
  onDownload: (file: CsvFile) => void;
}) {
  const state = report.state.value;
  const trendState = trend.state.value;
  if (screen === 'report') {
    return (
      <Dialog title="Connector report" onClose={onClose}>
        <div class="flyout-links">
          <button type="button" class="link-button" onClick={() => onScreen('details')}>
            ‹ Back to TLS details
          </button>
          <button type="button" class="link-button" onClick={onOpenTab}>
            Open in a tab
          </button>
        </div>
        {state.status === 'ready' ? (
          <ConnectorReport store={report} compact onDownload={onDownload} />
        ) : (
          <p class="muted">Loading…</p>
        )}
      </Dialog>
    );
  }
  return (
    <Dialog title="Message protected in transit (by TLS)" onClose={onClose}>
      <section class="card" aria-label="TLS breakdown">
        <span class="muted" data-testid="flyout-range" data-from={window.from} data-to={window.to}>
          {formatRange(window.from, window.to)}
        </span>
        <TlsBreakdown direction="outbound" totals={summary.directions.outbound} testIdPrefix="flyout" />
        <TlsBreakdown direction="inbound" totals={summary.directions.inbound} testIdPrefix="flyout" />
      </section>
      <section class="card" aria-labelledby="flyout-trend-title">
        <h3 id="flyout-trend-title">TLS usage per day</h3>
        {trendState.status === 'ready' ? (
          <ReportChart
            kind="tls"
            points={trendState.report.series}
            selection={ALL_MAIL_FLOW}
            height={180}
            title="Share of messages per TLS version per day, all mail flow"
          />
        ) : (
          <p class="muted">Loading…</p>
        )}
      </section>
      <div class="flyout-links">
        <button
          type="button"
          class="button primary"
          data-testid="open-connector-report"
          onClick={() => onScreen('report')}
        >
          Open the connector report
        </button>
        <button type="button" class="link-button" onClick={onOpenTab}>
          Full report in a tab
        </button>
      </div>
    </Dialog>
  );
}
