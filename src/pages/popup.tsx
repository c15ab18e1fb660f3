/**
 * The toolbar popup's entry. The page's first script (popup-early.ts) has already started reading
 * the settings and every stored snapshot while this module loaded; this entry takes those reads (or
 * makes them itself when they cannot serve), finds the current dataset's snapshot, and mounts the
 * popup with it. The entry and the widget's code are one chunk (vite.config.ts); the flyout, the
 * charts, the extension API door and the schema code load later, on demand.
 */
import { settingsFrom } from '../core/settings.js';
import { type Snapshot, snapshotOf } from '../store/snapshot-view.js';
import { mountPopup } from '../ui/popup-mount.js';
import { snapshotState } from '../ui/stores/snapshot-store.js';
import { takeEarlyReads } from './popup-early-reads.js';

// The usual reads, when the first script's cannot serve: they bring the extension API door and
// the schema code, which nothing else needs before the widget is painted.
const loadSettings = () => import('../settings.js').then((settings) => settings.loadSettings());
const readAllSnapshots = async () => {
  const [{ mailflowDb }, { readAllSnapshots }] = await Promise.all([
    import('../store/schema.js'),
    import('../store/snapshots.js'),
  ]);
  return readAllSnapshots(await mailflowDb());
};

const early = takeEarlyReads();
const settings = (
  early === null ? loadSettings() : early.settings.then(settingsFrom, () => loadSettings())
).catch(() => settingsFrom(undefined)); // unreadable settings: the defaults, as for a new install
// Null: the database is missing or older than this build; the schema code opens and upgrades it.
const stored = (early?.snapshots ?? Promise.resolve(null)).then((all) => all ?? readAllSnapshots());
const snapshot = Promise.all([settings, stored]).then(([{ currentDataset, thresholds }, all]) =>
  snapshotOf(
    all.find((candidate) => candidate.dataset === currentDataset),
    thresholds,
  ),
);
// Mounted once both are read, so the first render is the widget (or its empty or error state).
void Promise.all([settings, Promise.allSettled([snapshot])]).then(
  ([{ currentDataset, thresholds }, [answer]]) =>
    mountPopup(
      document.getElementById('app') as HTMLElement,
      currentDataset,
      thresholds,
      snapshotState(answer as PromiseSettledResult<Snapshot>),
    ),
);
