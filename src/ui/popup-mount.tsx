/**
 * Renders the popup: its styles, its store over the popup client, and the app. The report's and
 * the chart's styles come with the flyout's code (src/ui/flyout.tsx), which loads after the first paint.
 */
import { render } from 'preact';
import './theme.css';
import './popup.css';
import type { InsightThresholds } from '../core/insights.js';
import type { AggregateClient } from '../worker/client.js';
import { createPopupClient } from '../worker/popup-client.js';
import { downloadCsv } from './download.js';
import { PopupApp } from './popup-app.js';
import { createPopupStore, type PopupStore } from './stores/popup-store.js';
import type { SnapshotState } from './stores/snapshot-store.js';

/**
 * Renders the popup with its widget's state already read: its first render is the widget itself,
 * not a loading state followed by a second render (about 25 ms of the first paint here).
 */
export function mountPopup(
  root: HTMLElement,
  dataset: string,
  thresholds: InsightThresholds,
  first: SnapshotState,
): MountedPopup {
  const client = createPopupClient();
  const store = createPopupStore(client, dataset, thresholds, first);
  render(<PopupApp store={store} onDownload={(file) => downloadCsv(document, file)} />, root);
  return { store, client };
}

/** A mounted popup's store, and its client, which a popup mounted in its place must stop. */
export interface MountedPopup {
  store: PopupStore;
  client: AggregateClient;
}
