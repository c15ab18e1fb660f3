/**
 * The portal panel's state: the popup's snapshot of the current dataset, plus how far back the
 * stored history goes. Read through the service worker (`panel-snapshot`), because the panel is a
 * framed extension page and cannot open IndexedDB in the portal's tab.
 */
import { signal } from '@preact/signals';
import type { PanelSnapshot } from '../../background/panel-snapshot.js';
import type { DateRange } from '../../core/model.js';
import type { SnapshotState } from './snapshot-store.js';

export function createPanelStore(readSnapshot: () => Promise<PanelSnapshot>) {
  const state = signal<SnapshotState>({ status: 'loading' });
  const extent = signal<DateRange | null>(null);
  async function load(): Promise<void> {
    try {
      const { window, summary, extent: history } = await readSnapshot();
      state.value = window === null ? { status: 'empty' } : { status: 'ready', window, summary };
      extent.value = history;
    } catch (error) {
      state.value = { status: 'error', message: error instanceof Error ? error.message : String(error) };
    }
  }
  return { state, extent, load };
}

export type PanelStore = ReturnType<typeof createPanelStore>;
