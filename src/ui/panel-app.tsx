/**
 * The panel shown beside the portal's mail flow reports (in an iframe the content script docks):
 * the popup itself (widget → flyout → connector report, the same components) over the stored
 * history of the current dataset, under a line saying how far back that history goes.
 */
import { formatDate } from './format.js';
import { PopupApp } from './popup-app.js';
import type { PanelStore } from './stores/panel-store.js';
import type { CsvFile } from './stores/report-store.js';

export function PanelApp({ store, onDownload }: { store: PanelStore; onDownload: (file: CsvFile) => void }) {
  const extent = store.extent.value;
  return (
    <div class="panel">
      <PopupApp
        store={store.popup}
        onDownload={onDownload}
        heading={
          <p class="muted panel-history" data-testid="panel-history" data-from={extent?.from ?? ''}>
            {extent === null ? 'No stored history yet' : `History since ${formatDate(extent.from)}`}
          </p>
        }
      />
    </div>
  );
}
