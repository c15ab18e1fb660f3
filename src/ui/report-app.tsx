/** The full-page report: any stored range, both directions, every connector, the insights. */
import { openExtensionPage } from '../browser-api.js';
import type { ConnectorTotals } from '../core/aggregate.js';
import { SHOWN_TLS_BUCKETS, TLS_LABELS } from '../core/model.js';
import { displayShares, formatShare } from '../core/shares.js';
import { EmptyState } from './empty-state.js';
import { formatCount, formatRange } from './format.js';
import { connectorLabel, InsightList } from './insight-list.js';
import type { ReportStore } from './stores/report-store.js';
import { TlsBreakdown } from './tls-breakdown.js';

function ConnectorTable({ connectors }: { connectors: readonly ConnectorTotals[] }) {
  return (
    <table class="data" data-testid="connector-table">
      <thead>
        <tr>
          <th scope="col">Direction</th>
          <th scope="col">Connector</th>
          <th scope="col">Type</th>
          <th scope="col" class="number">
            Messages
          </th>
          {SHOWN_TLS_BUCKETS.map((bucket) => (
            <th key={bucket} scope="col" class="number">
              {TLS_LABELS[bucket]}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {connectors.map((row) => {
          const shares = displayShares(row.tls);
          return (
            <tr
              key={`${row.direction}-${row.connector ?? ''}`}
              data-testid="connector-row"
              data-direction={row.direction}
              data-connector={row.connector ?? ''}
            >
              <td>{row.direction === 'inbound' ? 'Inbound' : 'Outbound'}</td>
              <td>{connectorLabel(row.direction, row.connector)}</td>
              <td>{row.type ?? '—'}</td>
              <td class="number" data-value={row.messages}>
                {formatCount(row.messages)}
              </td>
              {SHOWN_TLS_BUCKETS.map((bucket) => (
                <td key={bucket} class="number" title={`${formatCount(row.tls[bucket])} messages`}>
                  {formatShare(shares[bucket])}
                </td>
              ))}
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}

export function ReportApp({
  store,
  onRangeChange,
}: {
  store: ReportStore;
  onRangeChange: (from: string, to: string) => void;
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
          <form
            class="card range-form"
            onSubmit={(event) => {
              event.preventDefault();
              const form = new FormData(event.currentTarget);
              onRangeChange(String(form.get('from')), String(form.get('to')));
            }}
          >
            <label>
              From{' '}
              <input
                type="date"
                name="from"
                value={state.range.from}
                min={state.extent.from}
                max={state.extent.to}
              />
            </label>
            <label>
              To{' '}
              <input
                type="date"
                name="to"
                value={state.range.to}
                min={state.extent.from}
                max={state.extent.to}
              />
            </label>
            <button type="submit" class="button primary">
              Show
            </button>
            <span class="muted">History stored: {formatRange(state.extent.from, state.extent.to)}</span>
          </form>
          <div class="report-grid">
            <section
              class="card"
              data-testid="report-range"
              data-from={state.range.from}
              data-to={state.range.to}
            >
              <h2>Message protected in transit (by TLS)</h2>
              <p class="muted">{formatRange(state.range.from, state.range.to)}</p>
              <TlsBreakdown
                direction="inbound"
                totals={state.summary.directions.inbound}
                testIdPrefix="report"
              />
              <TlsBreakdown
                direction="outbound"
                totals={state.summary.directions.outbound}
                testIdPrefix="report"
              />
            </section>
            <section class="card" aria-labelledby="report-insights">
              <h2 id="report-insights">Insights</h2>
              <InsightList insights={state.summary.insights} />
            </section>
          </div>
          <section class="card" aria-labelledby="report-connectors">
            <h2 id="report-connectors">Connectors</h2>
            <ConnectorTable connectors={state.summary.connectors} />
          </section>
        </>
      )}
    </main>
  );
}
