/**
 * The panel shown beside the portal's mail flow reports (in an iframe the content script docks):
 * the popup's views over the stored history of the current dataset. The same components as the
 * popup, never copies; the flyout and connector report components slot in here as they land.
 */
import { openExtensionPage } from '../browser-api.js';
import { EmptyState } from './empty-state.js';
import { formatDate } from './format.js';
import { InsightList } from './insight-list.js';
import type { PanelStore } from './stores/panel-store.js';
import { Widget } from './widget.js';

export function PanelApp({ store }: { store: PanelStore }) {
  const state = store.state.value;
  const extent = store.extent.value;
  const openReport = (query = '') => void openExtensionPage(`report.html${query}`);
  return (
    <main class="panel">
      <header class="panel-header">
        <span class="muted" data-testid="panel-history" data-from={extent?.from ?? ''}>
          {extent === null ? 'No stored history yet' : `History since ${formatDate(extent.from)}`}
        </span>
        <button type="button" class="link-button" onClick={() => openReport()}>
          Full report
        </button>
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
          <Widget
            window={state.window}
            summary={state.summary}
            onViewDetails={() => openReport(`?from=${state.window.from}&to=${state.window.to}`)}
          />
          <section class="card" aria-labelledby="panel-insights-title">
            <h2 id="panel-insights-title">Insights</h2>
            <InsightList insights={state.summary.insights} />
          </section>
        </>
      )}
    </main>
  );
}
