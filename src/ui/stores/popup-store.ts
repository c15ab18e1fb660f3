/**
 * The popup's state: the widget's snapshot, which screen covers it (none, the flyout, or the
 * connector report inside the flyout), and the two report stores those screens read.
 */
import { signal } from '@preact/signals';
import type { InsightThresholds } from '../../core/insights.js';
import type { AggregateClient } from '../../worker/client.js';
import { createReportStore } from './report-store.js';
import { createSnapshotStore, type SnapshotState } from './snapshot-store.js';

/** What covers the widget: the TLS details, or the connector report reached from them. */
export type FlyoutScreen = 'details' | 'report';

/** `first`: the widget's state when it is already known (the popup's), else it starts loading. */
export function createPopupStore(
  client: AggregateClient,
  dataset: string,
  thresholds?: InsightThresholds,
  first?: SnapshotState,
) {
  const snapshot = createSnapshotStore(client, dataset, thresholds, first);
  // The flyout's trend: always the snapshot window (range null) and all mail flow.
  const trend = createReportStore(client, dataset, thresholds);
  const report = createReportStore(client, dataset, thresholds);
  const flyout = signal<FlyoutScreen | null>(null);
  let reportLoaded = false;

  function show(screen: FlyoutScreen): void {
    flyout.value = screen;
    if (screen === 'report' && !reportLoaded) {
      reportLoaded = true;
      void report.load();
    }
  }

  return {
    snapshot,
    trend,
    report,
    flyout,
    load: () => snapshot.load(),
    openFlyout(): void {
      show('details');
      if (trend.state.value.status !== 'ready') void trend.load();
    },
    show,
    close(): void {
      flyout.value = null;
    },
  };
}

export type PopupStore = ReturnType<typeof createPopupStore>;
