/** Renders the popup: its styles, its store over the popup client, and the app. */
import { render } from 'preact';
import 'uplot/dist/uPlot.min.css';
import './theme.css';
import './popup.css';
import './report.css';
import type { InsightThresholds } from '../core/insights.js';
import type { Snapshot } from '../store/snapshots.js';
import { createPopupClient } from '../worker/popup-client.js';
import { downloadCsv } from './download.js';
import { PopupApp } from './popup-app.js';
import { createPopupStore } from './stores/popup-store.js';

export function mountPopup(
  root: HTMLElement,
  dataset: string,
  thresholds: InsightThresholds,
  snapshot: Promise<Snapshot>,
): void {
  const store = createPopupStore(createPopupClient(snapshot), dataset, thresholds);
  void store.load();
  render(<PopupApp store={store} onDownload={(file) => downloadCsv(document, file)} />, root);
}
