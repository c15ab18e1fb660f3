/**
 * The portal panel's state: the popup's own store (widget, flyout, connector report) over the
 * current dataset, plus how far back the stored history goes. Its client is the service worker,
 * because the panel is a framed extension page and cannot open IndexedDB in the portal's tab.
 */
import { signal } from '@preact/signals';
import type { InsightThresholds } from '../../core/insights.js';
import type { DateRange } from '../../core/model.js';
import type { AggregateClient } from '../../worker/client.js';
import { createPopupStore } from './popup-store.js';

export function createPanelStore(client: AggregateClient, dataset: string, thresholds?: InsightThresholds) {
  const popup = createPopupStore(client, dataset, thresholds);
  const extent = signal<DateRange | null>(null);
  async function load(): Promise<void> {
    // A refresh (after a capture or an undo) starts again from the widget.
    popup.close();
    await Promise.all([
      popup.load(),
      client.call('extent', { dataset }).then(
        (history) => {
          extent.value = history;
        },
        () => {
          extent.value = null;
        },
      ),
    ]);
  }
  return { popup, extent, load };
}

export type PanelStore = ReturnType<typeof createPanelStore>;
