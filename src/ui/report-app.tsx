/** The full-page report: the widget-like summary of the range on top, then the connector report. */
import { openExtensionPage } from '../browser-api.js';
import { ConnectorReport } from './connector-report.js';
import { EmptyState } from './empty-state.js';
import { formatRange } from './format.js';
import type { CsvFile, ReportStore } from './stores/report-store.js';
import { TlsBreakdown } from './tls-breakdown.js';

export function ReportApp({
  store,
  onDownload,
}: {
  store: ReportStore;
  onDownload: (file: CsvFile) => void;
}) {
  const state = store.state.value;
  return (
    <main class="page">
      <header class="page-header">
        <h1>Mail flow and TLS report</h1>
        <nav>
          <button type="button" class="link-button" onClick={() => void openExtensionPage('import.html')}>
            Import
          </button>
          <button type="button" class="link-button" onClick={() => void openExtensionPage('options.html')}>
            Settings
          </button>
        </nav>
      </header>
      {state.status === 'loading' && <p class="muted">Loading…</p>}
      {state.status === 'error' && (
        <p class="error-text" role="alert">
          Could not read the stored data: {state.message}
        </p>
      )}
      {state.status === 'empty' && <EmptyState onImport={() => void openExtensionPage('import.html')} />}
      {state.status === 'ready' && (
        <>
          <section class="card" data-testid="report-summary" aria-labelledby="report-summary-title">
            <div class="widget-header">
              <h2 id="report-summary-title">Message protected in transit (by TLS)</h2>
              <span class="muted">{formatRange(state.report.range.from, state.report.range.to)}</span>
            </div>
            <div class="summary-grid">
              <TlsBreakdown
                direction="outbound"
                totals={state.report.summary.directions.outbound}
                testIdPrefix="report"
              />
              <TlsBreakdown
                direction="inbound"
                totals={state.report.summary.directions.inbound}
                testIdPrefix="report"
              />
            </div>
          </section>
          <ConnectorReport store={store} onDownload={onDownload} />
        </>
      )}
    </main>
  );
}
