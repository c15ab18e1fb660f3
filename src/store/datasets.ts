/** Datasets: one per tenant, named by the person. Every record and import belongs to one. */
import type { IDBPDatabase } from 'idb';
import { datasetKeys } from './quarter-packs.js';
import { DEFAULT_DATASET } from './records.js';
import type { Dataset, MailflowDb } from './schema.js';

/** Every dataset, the default first even before anything was imported into it. */
export async function listDatasets(db: IDBPDatabase<MailflowDb>): Promise<Dataset[]> {
  const stored = await db.getAll('datasets');
  const rest = stored.filter((dataset) => dataset.id !== DEFAULT_DATASET.id);
  const defaultDataset = stored.find((dataset) => dataset.id === DEFAULT_DATASET.id) ?? DEFAULT_DATASET;
  return [defaultDataset, ...rest.sort((a, b) => a.name.localeCompare(b.name))];
}

export function datasetIdFor(name: string): string {
  const slug = name
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '')
    .slice(0, 48);
  return slug === '' ? 'dataset' : slug;
}

/** Creates a dataset with a unique id derived from its name. */
export async function createDataset(db: IDBPDatabase<MailflowDb>, name: string): Promise<Dataset> {
  const trimmed = name.trim();
  if (trimmed === '' || trimmed.length > 100) throw new Error('A dataset name needs 1 to 100 characters.');
  const tx = db.transaction('datasets', 'readwrite');
  const base = datasetIdFor(trimmed);
  let id = base;
  for (let n = 2; (await tx.store.get(id)) !== undefined || id === DEFAULT_DATASET.id; n++)
    id = `${base}-${n}`;
  const dataset: Dataset = { id, name: trimmed, createdAt: new Date().toISOString() };
  await tx.store.put(dataset);
  await tx.done;
  return dataset;
}

/** Deletes a dataset with all its records and imports, in one transaction. */
export async function deleteDataset(db: IDBPDatabase<MailflowDb>, id: string): Promise<void> {
  const tx = db.transaction(['datasets', 'quarters', 'paths', 'imports', 'snapshots'], 'readwrite');
  await tx.objectStore('quarters').delete(datasetKeys(id));
  await tx.objectStore('snapshots').delete(id);
  await tx.objectStore('paths').delete(id);
  let cursor = await tx.objectStore('imports').index('by-dataset').openCursor(id);
  while (cursor !== null) {
    await cursor.delete();
    cursor = await cursor.continue();
  }
  await tx.objectStore('datasets').delete(id);
  await tx.done;
}
