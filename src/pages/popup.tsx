import { render } from 'preact';
import 'uplot/dist/uPlot.min.css';
import '../ui/theme.css';
import '../ui/popup.css';
import '../ui/report.css';
import { loadSettings } from '../settings.js';
import { downloadCsv } from '../ui/download.js';
import { PopupApp } from '../ui/popup-app.js';
import { createPopupStore } from '../ui/stores/popup-store.js';
import { createAggregateClient } from '../worker/client.js';

const settings = await loadSettings();
const store = createPopupStore(createAggregateClient(), settings.currentDataset, settings.thresholds);
void store.load();
render(
  <PopupApp store={store} onDownload={(file) => downloadCsv(document, file)} />,
  document.getElementById('app') as HTMLElement,
);
