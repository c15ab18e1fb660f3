import { render } from 'preact';
import 'uplot/dist/uPlot.min.css';
import '../ui/theme.css';
import '../ui/popup.css';
import '../ui/report.css';
import { loadSettings } from '../settings.js';
import { mailflowDb } from '../store/schema.js';
import { downloadCsv } from '../ui/download.js';
import { PopupApp } from '../ui/popup-app.js';
import { createPopupStore } from '../ui/stores/popup-store.js';
import { createPopupClient } from '../worker/popup-client.js';

// The database opens while the settings are read: the widget needs both before it can paint.
mailflowDb().catch(() => {}); // a failure shows when the snapshot is read
const settings = await loadSettings();
const store = createPopupStore(createPopupClient(), settings.currentDataset, settings.thresholds);
void store.load();
render(
  <PopupApp store={store} onDownload={(file) => downloadCsv(document, file)} />,
  document.getElementById('app') as HTMLElement,
);
