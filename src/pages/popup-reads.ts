/**
 * What the popup checks its copy of the widget against, or mounts from when it has none: the
 * settings and every dataset's stored snapshot, read side by side. Both are read with the bare
 * APIs, so neither waits for the extension API door (webextension-polyfill, 10 KB) nor for the
 * schema code: `storage.local.get` returns a promise in both browsers under Manifest V3 (Firefox's
 * `browser`, Chromium's `chrome`), and the snapshots come through src/store/early-snapshots.ts,
 * which never creates or upgrades the database; a database that is missing or older than this build
 * goes through the schema code, which upgrades it.
 */
import { SETTINGS_KEY, type Settings, settingsFrom } from '../core/settings.js';
import { readSnapshotsEarly } from '../store/early-snapshots.js';
import { openSnapshotStore } from '../store/snapshot-store-on-demand.js';
import type { StoredSnapshot } from '../store/snapshots.js';

interface StorageArea {
  get(keys: string[]): Promise<Record<string, unknown>>;
}
type ExtensionGlobals = {
  browser?: { storage?: { local?: StorageArea } };
  chrome?: { storage?: { local?: StorageArea } };
};

/** The stored settings; unreadable ones are the defaults, as for a new install. */
async function readSettings(): Promise<Settings> {
  const globals = globalThis as ExtensionGlobals;
  const local = globals.browser?.storage?.local ?? globals.chrome?.storage?.local;
  if (local === undefined) return settingsFrom(undefined);
  return settingsFrom((await local.get([SETTINGS_KEY]))[SETTINGS_KEY]);
}

async function readAllSnapshots(): Promise<StoredSnapshot[]> {
  const early = await readSnapshotsEarly();
  if (early !== null) return early;
  const store = await openSnapshotStore();
  return store.readAllSnapshots(store.db);
}

export interface PopupTruth {
  settings: Settings;
  /** The current dataset's stored snapshot (undefined: it holds nothing), or why it could not be read. */
  snapshot: PromiseSettledResult<StoredSnapshot | undefined>;
}

export async function readPopupTruth(): Promise<PopupTruth> {
  const snapshots = readAllSnapshots();
  snapshots.catch(() => {}); // answered below, once the settings say which dataset
  const settings = await readSettings().catch(() => settingsFrom(undefined));
  const [snapshot] = await Promise.allSettled([
    snapshots.then((all) => all.find((candidate) => candidate.dataset === settings.currentDataset)),
  ]);
  return { settings, snapshot };
}
