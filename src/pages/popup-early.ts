/**
 * The popup's first script: a classic script at the top of popup.html (added by scripts/build.mjs),
 * run while the page is still being parsed. It starts the reads the widget needs, the settings with
 * the copy of the widget snapshot (one storage read) and the stored snapshots themselves, and hands
 * them to the entry module (popup-early-reads.ts), which would otherwise start them only once every
 * module had loaded.
 *
 * It uses the bare storage API rather than webextension-polyfill: the polyfill is 10 KB to fetch
 * and run before the first read, and `storage.local.get` returns a promise in both browsers (Firefox's
 * `browser`, Chromium's `chrome` in Manifest V3). Everything after this script goes through
 * src/browser-api.ts as usual.
 */
import { SETTINGS_KEY } from '../core/settings.js';
import { readSnapshotsEarly } from '../store/early-snapshots.js';
import { SNAPSHOT_MIRROR_KEY } from '../store/snapshot-mirror.js';
import { handOverEarlyReads } from './popup-early-reads.js';

interface StorageArea {
  get(keys: string[]): Promise<Record<string, unknown>>;
}
type ExtensionGlobals = {
  browser?: { storage?: { local?: StorageArea } };
  chrome?: { storage?: { local?: StorageArea } };
};

/** The stored settings and the copy of the widget snapshot (src/store/snapshot-mirror.ts), in one read. */
function readStorageEarly(): Promise<Record<string, unknown>> {
  const globals = globalThis as ExtensionGlobals;
  const local = globals.browser?.storage?.local ?? globals.chrome?.storage?.local;
  if (local === undefined) return Promise.reject(new Error('No extension storage here.'));
  return local.get([SETTINGS_KEY, SNAPSHOT_MIRROR_KEY]);
}

const stored = readStorageEarly();
const settings = stored.then((values) => values[SETTINGS_KEY]);
const mirror = stored.then((values) => values[SNAPSHOT_MIRROR_KEY]);
// Answered by the entry, which falls back to the usual reads on a failure.
settings.catch(() => {});
mirror.catch(() => {});
handOverEarlyReads({ settings, mirror, snapshots: readSnapshotsEarly() });
