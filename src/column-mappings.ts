/**
 * Column mappings the person made on the import page, behind one typed door: one per header
 * signature (core/formats headerSignature), so the next export with the same header is read
 * without asking again. Kept in storage.local under its own key, apart from the settings.
 */
import { readLocalStorage, writeLocalStorage } from './browser-api.js';
import { type ColumnMap, MAPPABLE_FIELDS, type MappableField } from './core/formats/index.js';
import { isObject } from './core/is-object.js';

const KEY = 'columnMappings';
/** Oldest mappings go first past this: a person has a handful of export layouts, not hundreds. */
const MAX_MAPPINGS = 100;

interface StoredMapping {
  columnMap: ColumnMap;
  savedAt: string;
}

/** Every remembered mapping, by header signature. */
export type StoredMappings = Record<string, StoredMapping>;

/** Only known fields with string labels survive; anything else stored is ignored. */
export function columnMapFrom(stored: unknown): ColumnMap | null {
  if (typeof stored !== 'object' || stored === null) return null;
  const map: ColumnMap = {};
  for (const [field, label] of Object.entries(stored)) {
    if ((MAPPABLE_FIELDS as readonly string[]).includes(field) && typeof label === 'string') {
      map[field as MappableField] = label;
    }
  }
  return Object.keys(map).length > 0 ? map : null;
}

/** Every mapping as stored, for a backup. */
export async function loadAllColumnMappings(): Promise<StoredMappings> {
  return readAll();
}

/** Replaces every mapping (a restore), keeping the newest MAX_MAPPINGS. */
export async function saveAllColumnMappings(all: StoredMappings): Promise<void> {
  const newestFirst = Object.entries(all).sort(([, a], [, b]) => b.savedAt.localeCompare(a.savedAt));
  await writeLocalStorage(KEY, Object.fromEntries(newestFirst.slice(0, MAX_MAPPINGS)));
}

/**
 * Mappings exactly as they must be (for a backup file): each a non-empty map of known fields to
 * labels, with the time it was saved.
 */
export function isStoredMappings(value: unknown): value is StoredMappings {
  if (!isObject(value)) return false;
  return Object.values(value).every((entry) => {
    if (!isObject(entry)) return false;
    const { columnMap, savedAt } = entry;
    const checked = columnMapFrom(columnMap);
    return (
      typeof savedAt === 'string' &&
      checked !== null &&
      Object.keys(checked).length === Object.keys(columnMap as object).length
    );
  });
}

async function readAll(): Promise<StoredMappings> {
  const stored = await readLocalStorage(KEY);
  const all: StoredMappings = {};
  if (typeof stored !== 'object' || stored === null) return all;
  for (const [signature, entry] of Object.entries(stored)) {
    const columnMap = columnMapFrom((entry as Partial<StoredMapping> | null)?.columnMap);
    const savedAt = (entry as Partial<StoredMapping> | null)?.savedAt;
    if (columnMap !== null)
      all[signature] = { columnMap, savedAt: typeof savedAt === 'string' ? savedAt : '' };
  }
  return all;
}

export async function loadColumnMapping(signature: string): Promise<ColumnMap | null> {
  return (await readAll())[signature]?.columnMap ?? null;
}

export async function saveColumnMapping(signature: string, columnMap: ColumnMap): Promise<void> {
  const all = await readAll();
  all[signature] = { columnMap, savedAt: new Date().toISOString() };
  await saveAllColumnMappings(all);
}
