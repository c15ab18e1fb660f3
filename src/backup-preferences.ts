/**
 * The part of a backup that is not in IndexedDB: the settings (dataset in view, auto-capture,
 * insight thresholds) and the remembered column mappings, both in storage.local. A backup file
 * carries them as `preferences` beside what src/store/backup.ts writes; a file made before they
 * were added has none, and restoring it leaves the current ones as they are.
 */
import {
  isStoredMappings,
  loadAllColumnMappings,
  type StoredMappings,
  saveAllColumnMappings,
} from './column-mappings.js';
import { isObject } from './core/is-object.js';
import { DEFAULT_DATASET_ID, isSettings, type Settings } from './core/settings.js';
import { loadSettings } from './settings.js';
import type { Backup } from './store/backup.js';
import { saveSettingsAndMirror } from './widget-mirror.js';

export interface BackupPreferences {
  settings: Settings;
  columnMappings: StoredMappings;
}

/** A backup file as Settings writes it: the database's contents and the preferences. */
export type BackupFile = Backup & { preferences?: BackupPreferences };

export async function readPreferences(): Promise<BackupPreferences> {
  const [settings, columnMappings] = await Promise.all([loadSettings(), loadAllColumnMappings()]);
  return { settings, columnMappings };
}

/**
 * A backup file's preferences, checked (undefined: the file has none). `backup` is the file's
 * database part, already checked: the dataset the settings show must be one it holds.
 */
export function preferencesOf(file: unknown, backup: Backup): BackupPreferences | undefined {
  if (!isObject(file) || file.preferences === undefined) return undefined;
  const problem = (what: string) => new Error(`This is not a valid Mailflow Lens backup: ${what}.`);
  const { preferences } = file;
  if (!isObject(preferences)) throw problem('the preferences are malformed');
  if (!isSettings(preferences.settings)) throw problem('the settings are malformed');
  const { currentDataset } = preferences.settings;
  if (
    currentDataset !== DEFAULT_DATASET_ID &&
    !backup.datasets.some((dataset) => dataset.id === currentDataset)
  )
    throw problem(`the settings show dataset ${currentDataset}, which the backup does not hold`);
  if (!isStoredMappings(preferences.columnMappings)) throw problem('the column mappings are malformed');
  return { settings: preferences.settings, columnMappings: preferences.columnMappings };
}

/**
 * Puts back a file's preferences, after its database part has landed. The settings go through
 * saveSettingsAndMirror like any change of the dataset in view or the thresholds: the popup's copy
 * is removed first and made again for them.
 */
export async function restorePreferences(preferences: BackupPreferences): Promise<void> {
  await saveSettingsAndMirror(preferences.settings);
  await saveAllColumnMappings(preferences.columnMappings);
}
