/** The toolbar popup: the widget for the snapshot window, its insights, the flyout and the ways out. */
import type { ComponentChildren } from 'preact';
import { useEffect, useLayoutEffect, useRef, useState } from 'preact/hooks';
import { EmptyState } from './empty-state.js';
import { InsightList } from './insight-list.js';
import type { PopupStore } from './stores/popup-store.js';
import type { CsvFile } from './stores/report-store.js';
import { searchFromQuery } from './stores/report-url.js';
import { Widget } from './widget.js';

/**
 * Opens an extension page in a tab. The extension API door (webextension-polyfill, 10 KB) loads on
 * the first click rather than with the popup: nothing before the widget's first paint needs it.
 */
function openExtensionPage(path: string): void {
  void import('../browser-api.js').then((api) => api.openExtensionPage(path));
}

/** Insights the popup lists before "Show more": the ones affecting the most messages. */
const POPUP_INSIGHTS = 3;

type FlyoutModule = typeof import('./flyout.js');
let flyoutModule: Promise<FlyoutModule> | null = null;
/**
 * The flyout and connector report (with uPlot) load apart from the widget, so the popup paints
 * first; they are fetched once the widget has painted, or on the first View details.
 */
function loadFlyout(): Promise<FlyoutModule> {
  flyoutModule ??= import('./flyout.js');
  return flyoutModule;
}

function useFlyoutModule(wanted: boolean): FlyoutModule | null {
  const [module, setModule] = useState<FlyoutModule | null>(null);
  useEffect(() => {
    if (!wanted || module !== null) return;
    // After the next frame: parsing the chart code before it would hold the widget's first paint.
    const frame = requestAnimationFrame(() => setTimeout(() => void loadFlyout().then(setModule)));
    return () => cancelAnimationFrame(frame);
  }, [wanted, module]);
  return module;
}

export function PopupApp({
  store,
  onDownload,
  heading = <h1>Mailflow Lens</h1>,
}: {
  store: PopupStore;
  onDownload: (file: CsvFile) => void;
  /** What heads the page: the product name in the popup; the portal panel, whose frame names it, says how far back history goes. */
  heading?: ComponentChildren;
}) {
  const state = store.snapshot.state.value;
  const flyout = store.flyout.value;
  const flyoutCode = useFlyoutModule(state.status === 'ready');
  const Flyout = flyout !== null ? flyoutCode?.Flyout : undefined;
  const viewDetails = useRef<HTMLButtonElement>(null);
  const flyoutWasOpen = useRef(false);
  // Focus goes back to View details as the dialog goes (while it is open the page is inert): in a
  // layout effect, so there is no moment with the dialog gone and focus nowhere.
  useLayoutEffect(() => {
    if (flyout !== null) flyoutWasOpen.current = true;
    else if (flyoutWasOpen.current) {
      flyoutWasOpen.current = false;
      viewDetails.current?.focus();
    }
  }, [flyout]);
  const openImport = () => openExtensionPage('import.html');
  return (
    <main class={`popup${flyout !== null ? ' with-flyout' : ''}`}>
      <header class="popup-header">
        {heading}
        <nav>
          <button type="button" class="link-button" onClick={openImport}>
            Import
          </button>
          <button type="button" class="link-button" onClick={() => openExtensionPage('report.html')}>
            Full report
          </button>
          <button type="button" class="link-button" onClick={() => openExtensionPage('options.html')}>
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
            onViewDetails={store.openFlyout}
            viewDetailsRef={viewDetails}
          />
          <section class="popup-insights" aria-labelledby="insights-title">
            <h2 id="insights-title">Insights</h2>
            <InsightList insights={state.summary.insights} first={POPUP_INSIGHTS} />
          </section>
          {flyout !== null && Flyout !== undefined && (
            <Flyout
              window={state.window}
              summary={state.summary}
              trend={store.trend}
              report={store.report}
              screen={flyout}
              onScreen={store.show}
              onClose={store.close}
              onOpenTab={() =>
                openExtensionPage(
                  flyout === 'report'
                    ? `report.html${searchFromQuery(store.report.query.value)}`
                    : `report.html?from=${state.window.from}&to=${state.window.to}`,
                )
              }
              onDownload={onDownload}
            />
          )}
        </>
      )}
    </main>
  );
}
