/**
 * The settings and column mappings in a backup file: written beside the database's contents, put
 * back by a restore, and checked as strictly as the rest of the file before anything is replaced.
 */
// restorePreferences makes the popup's copy again, from the database.
import 'fake-indexeddb/auto';
import { beforeEach, describe, expect, it, vi } from 'vitest';

// storage.local, as the browser keeps it (structured values), behind the extension API door.
const local = new Map<string, unknown>();
vi.mock('../src/browser-api.js', () => ({
  readLocalStorage: async (key: string) => structuredClone(local.get(key)),
  writeLocalStorage: async (key: string, value: unknown) => {
    local.set(key, structuredClone(value));
  },
}));

const { preferencesOf, readPreferences, restorePreferences } = await import('../src/backup-preferences.js');
const { loadColumnMapping, saveColumnMapping } = await import('../src/column-mappings.js');
const { loadSettings, saveSettings } = await import('../src/settings.js');
const { BACKUP_FORMAT, BACKUP_VERSION } = await import('../src/store/backup.js');
type Backup = import('../src/store/backup.js').Backup;

const backup: Backup = {
  format: BACKUP_FORMAT,
  version: BACKUP_VERSION,
  schema: 3,
  exportedAt: '2026-11-27T04:00:00.000Z',
  datasets: [{ id: 'woodgrove-bank', name: 'Woodgrove Bank', createdAt: '2026-11-01T00:00:00.000Z' }],
  paths: [],
  months: [],
  imports: [],
};
const STRICT = { noTls: 0.05, tls10: 0.2, minMessages: 10 };

describe('the preferences in a backup', () => {
  beforeEach(() => local.clear());

  it('carry the settings and every column mapping, and a restore puts them back as they were', async () => {
    await saveSettings({ currentDataset: 'woodgrove-bank', autoCapture: false, thresholds: STRICT });
    await saveColumnMapping('date|in|out', { date: 'Day', connector: 'Route' });
    const written = JSON.parse(JSON.stringify(await readPreferences()));
    expect(written.settings).toEqual({
      currentDataset: 'woodgrove-bank',
      autoCapture: false,
      thresholds: STRICT,
    });
    expect(Object.keys(written.columnMappings)).toEqual(['date|in|out']);

    local.clear();
    const preferences = preferencesOf({ ...backup, preferences: written }, backup);
    expect(preferences).toEqual(written);
    if (preferences === undefined) throw new Error('no preferences read');
    await restorePreferences(preferences);
    expect(await loadSettings()).toEqual(written.settings);
    expect(await loadColumnMapping('date|in|out')).toEqual({ date: 'Day', connector: 'Route' });
    expect(await readPreferences()).toEqual(written);
  });

  it('are none in a file made before they were written, which leaves the current ones alone', () => {
    expect(preferencesOf(backup, backup)).toBeUndefined();
  });

  it('refuse a file whose settings or mappings do not check out, saying which', () => {
    const settings = { currentDataset: 'default', autoCapture: true, thresholds: STRICT };
    const columnMappings = {
      'date|in|out': { columnMap: { date: 'Day' }, savedAt: '2026-11-01T00:00:00.000Z' },
    };
    const check = (preferences: unknown) => () => preferencesOf({ ...backup, preferences }, backup);
    expect(check({ settings, columnMappings })()).toEqual({ settings, columnMappings });
    expect(check('none')).toThrow('This is not a valid Mailflow Lens backup: the preferences are malformed.');
    expect(check({ settings: { ...settings, autoCapture: 'yes' }, columnMappings })).toThrow(
      'the settings are malformed',
    );
    expect(
      check({ settings: { ...settings, thresholds: { ...STRICT, noTls: 25 } }, columnMappings }),
    ).toThrow('the settings are malformed');
    expect(check({ settings: { ...settings, currentDataset: 'fabrikam' }, columnMappings })).toThrow(
      'the settings show dataset fabrikam, which the backup does not hold',
    );
    expect(
      check({ settings, columnMappings: { x: { columnMap: { date: 'Day', colour: 'Red' }, savedAt: '' } } }),
    ).toThrow('the column mappings are malformed');
    expect(check({ settings, columnMappings: { x: { columnMap: {}, savedAt: '' } } })).toThrow(
      'the column mappings are malformed',
    );
    expect(check({ settings, columnMappings: [] })).toThrow('the column mappings are malformed');
  });
});
