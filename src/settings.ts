/**
 * Settings behind one typed door, with defaults: the dataset in view, auto-capture, insight
 * thresholds. Kept in storage.local so every context (pages, service worker, content scripts through
 * the service worker) sees the same values. Enterprise policy (managed storage) will override here.
 */
import { readLocalStorage, writeLocalStorage } from './browser-api.js';
import { SETTINGS_KEY as KEY, type Settings, settingsFrom } from './core/settings.js';

export { DEFAULT_DATASET_ID, DEFAULT_SETTINGS, type Settings, settingsFrom } from './core/settings.js';

export async function loadSettings(): Promise<Settings> {
  return settingsFrom(await readLocalStorage(KEY));
}

export async function saveSettings(patch: Partial<Settings>): Promise<Settings> {
  const next = settingsFrom({ ...(await loadSettings()), ...patch });
  await writeLocalStorage(KEY, next);
  return next;
}
