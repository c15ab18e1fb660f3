/** The toolbar popup: the widget for the snapshot window, its insights, and the ways out. */
import { openExtensionPage } from '../browser-api.js';
import { EmptyState } from './empty-state.js';
import { InsightList } from './insight-list.js';
import type { SnapshotStore } from './stores/snapshot-store.js';
import { Widget } from './widget.js';

export function PopupApp({ store }: { store: SnapshotStore }) {
  const state = store.state.value;
  const openImport = () => void openExtensionPage('import.html');
  return (
    <main class="popup">
      <header class="popup-header">
        <h1>Mailflow Lens</h1>
        <nav>
          <button type="button" class="link-button" onClick={openImport}>
            Import
          </button>
          <button type="button" class="link-button" onClick={() => void openExtensionPage('report.html')}>
            Full report
          </button>
          <button type="button" class="link-button" onClick={() => void openExtensionPage('options.html')}>
            Settings
          </button>
        </nav>
      </header>
      {state.status === 'loading' && (
        <p class="muted" aria-live="polite">
          Loading…
        </p>
      )}
      {state.status === 'error' && (
        <p class="error-text" role="alert">
          Could not read the stored data: {state.message}
        </p>
      )}
      {state.status === 'empty' && <EmptyState onImport={openImport} />}
      {state.status === 'ready' && (
        <>
          <Widget
            window={state.window}
            summary={state.summary}
            onViewDetails={() =>
              void openExtensionPage(`report.html?from=${state.window.from}&to=${state.window.to}`)
            }
          />
          <section class="popup-insights" aria-labelledby="insights-title">
            <h2 id="insights-title">Insights</h2>
            <InsightList insights={state.summary.insights} />
          </section>
        </>
      )}
    </main>
  );
}
