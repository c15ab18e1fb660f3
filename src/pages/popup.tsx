/**
 * The toolbar popup's entry. The page's first script (popup-early.ts) has already started reading
 * the settings with the copy of the widget snapshot (storage.local) and every stored snapshot
 * (IndexedDB) while this module loaded. A usable copy for the current dataset is painted at once;
 * the database's snapshot, the truth, replaces it if its generation differs, and rewrites the copy
 * (src/store/snapshot-mirror.ts). Without a copy, the popup mounts once the database has answered.
 * The entry and the widget's code are one chunk (vite.config.ts); the flyout, the charts, the
 * extension API door and the schema code load later, on demand.
 */
import type { InsightThresholds } from '../core/insights.js';
import { settingsFrom } from '../core/settings.js';
import { mirrorOf, SNAPSHOT_MIRROR_KEY, snapshotFromMirror } from '../store/snapshot-mirror.js';
import { snapshotOf } from '../store/snapshot-view.js';
import type { StoredSnapshot } from '../store/snapshots.js';
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

/** Rewrites the copy of the widget snapshot after the first paint (it loads the extension API door). */
const writeMirror = (dataset: string, snapshot: StoredSnapshot | undefined, thresholds: InsightThresholds) =>
  void import('../browser-api.js')
    .then((api) => api.writeLocalStorage(SNAPSHOT_MIRROR_KEY, mirrorOf(dataset, snapshot, thresholds)))
    .catch(() => {});

const early = takeEarlyReads();
const settings = early
  .then((reads) =>
    reads === null ? loadSettings() : reads.settings.then(settingsFrom, () => loadSettings()),
  )
  .catch(() => settingsFrom(undefined)); // unreadable settings: the defaults, as for a new install
// The truth, from IndexedDB. Null: the database is missing or older than this build, and the
// schema code opens and upgrades it.
const stored = early.then((reads) => reads?.snapshots ?? null).then((all) => all ?? readAllSnapshots());
stored.catch(() => {}); // a failure is shown through `current`, once the settings are known
const mirror = early.then((reads) => reads?.mirror).catch(() => undefined);
// The entry loads `async`, so it may run before the page is parsed: the popup mounts into #app.
const parsed = new Promise<void>((resolve) => {
  if (document.readyState !== 'loading') resolve();
  else document.addEventListener('DOMContentLoaded', () => resolve(), { once: true });
});

void settings.then(async ({ currentDataset, thresholds }) => {
  const current = stored.then((all) => all.find((candidate) => candidate.dataset === currentDataset));
  const copy = snapshotFromMirror(await mirror.catch(() => undefined), currentDataset, thresholds);
  await parsed;
  const root = document.getElementById('app') as HTMLElement;
  const stateOf = (answer: PromiseSettledResult<StoredSnapshot | undefined>) =>
    snapshotState(
      answer.status === 'fulfilled'
        ? { status: 'fulfilled', value: snapshotOf(answer.value, thresholds) }
        : answer,
    );
  if (copy === null) {
    // No usable copy: mounted once the database has answered, so the first render is the widget
    // (or its empty or error state), and the copy is written for the next popup.
    const [answer] = await Promise.allSettled([current]);
    mountPopup(root, currentDataset, thresholds, stateOf(answer));
    if (answer.status === 'fulfilled') writeMirror(currentDataset, answer.value, thresholds);
    return;
  }
  // Painted from the copy at once; the database's answer replaces it when the copy was behind.
  const popup = mountPopup(
    root,
    currentDataset,
    thresholds,
    snapshotState({ status: 'fulfilled', value: copy.snapshot }),
  );
  const [answer] = await Promise.allSettled([current]);
  if (answer.status === 'fulfilled' && (answer.value?.generation ?? null) === copy.generation) return;
  popup.snapshot.state.value = stateOf(answer);
  if (answer.status === 'fulfilled') writeMirror(currentDataset, answer.value, thresholds);
});
