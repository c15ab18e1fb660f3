import { render } from 'preact';
import 'uplot/dist/uPlot.min.css';
import '../ui/theme.css';
import '../ui/popup.css';
import '../ui/report.css';
import '../ui/panel.css';
import { REFRESH_MESSAGE } from '../content/panel-refresh.js';
import { loadSettings } from '../settings.js';
import { downloadCsv } from '../ui/download.js';
import { PanelApp } from '../ui/panel-app.js';
import { createPanelStore } from '../ui/stores/panel-store.js';
import { createServiceWorkerClient } from '../worker/service-worker-client.js';

const settings = await loadSettings();
const store = createPanelStore(createServiceWorkerClient(), settings.currentDataset, settings.thresholds);
void store.load();
// The content script asks for a reload after a capture or an undo. Anything in the portal could
// post the same string; all it can do is make the panel read the store again.
addEventListener('message', (event) => {
  if (event.data === REFRESH_MESSAGE) void store.load();
});
render(
  <PanelApp store={store} onDownload={(file) => downloadCsv(document, file)} />,
  document.getElementById('app') as HTMLElement,
);
