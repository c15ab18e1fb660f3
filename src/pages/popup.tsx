/**
 * The toolbar popup. This entry holds only what reads the data: the settings and the stored
 * snapshots are read at once, side by side, while the UI code (Preact, the widget, the styles) is
 * fetched as a chunk of its own (scripts/build.mjs hints it in popup.html), so none waits for another.
 */
import { loadSettings } from '../settings.js';
import { mailflowDb } from '../store/schema.js';
import { readAllSnapshots, snapshotOf } from '../store/snapshots.js';

const settings = loadSettings();
const stored = mailflowDb().then(readAllSnapshots);
const snapshot = Promise.all([settings, stored]).then(([{ currentDataset, thresholds }, all]) =>
  snapshotOf(
    all.find((candidate) => candidate.dataset === currentDataset),
    thresholds,
  ),
);
snapshot.catch(() => {}); // shown by the widget when it asks for it
const [{ mountPopup }, { currentDataset, thresholds }] = await Promise.all([
  import('../ui/popup-mount.js'),
  settings,
]);
mountPopup(document.getElementById('app') as HTMLElement, currentDataset, thresholds, snapshot);
