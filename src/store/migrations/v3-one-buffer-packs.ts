/**
 * v2 → v3: each month pack's four typed arrays become one buffer, 16-bit when every path id and
 * count fits, stored three months to a value; a dataset's paths become one value; and every dataset gets its widget snapshot
 * (src/store/snapshots.ts). Reading a year of packs back took 54 ms as v2 and 23 ms as v3 in headless Chromium
 * (docs/storage.md), and the 365-day report has 50 ms in all.
 */
import type { IDBPDatabase, IDBPTransaction } from 'idb';
import { groupBy } from '../../core/group-by.js';
import type { ConnectorPath } from '../../core/record-columns.js';
import { BUCKETS, emptyPack, type PackEntry, rewritePack } from '../month-packs.js';
import { type QuarterWriteStore, writeMonthPacks } from '../quarter-packs.js';
import type { MailflowDb, StoredPath, UpgradeTransaction } from '../schema.js';
import { refreshSnapshot } from '../snapshots.js';
import type { V2MonthPack } from './v2-month-packs.js';

export async function migrateToOneBufferPacks(
  db: IDBPDatabase<MailflowDb>,
  tx: UpgradeTransaction,
): Promise<void> {
  const untypedDb = db as unknown as IDBPDatabase;
  const untypedTx = tx as unknown as IDBPTransaction<unknown, string[], 'versionchange'>;
  // Paths: one value per dataset instead of one per path.
  const storedPaths = (await untypedTx.objectStore('paths').getAll()) as StoredPath[];
  untypedDb.deleteObjectStore('paths');
  const pathStore = untypedDb.createObjectStore('paths', { keyPath: 'dataset' });
  const tables = new Map<string, ConnectorPath[]>();
  for (const { dataset, id, direction, connector, connectorType } of storedPaths) {
    const table = tables.get(dataset) ?? [];
    table[id] = { direction, connector, connectorType };
    tables.set(dataset, table);
  }
  await Promise.all([...tables].map(([dataset, paths]) => pathStore.put({ dataset, paths })));
  untypedDb.createObjectStore('snapshots', { keyPath: 'dataset' });
  // Packs: one buffer each, three months to a value.
  const packs = (await untypedTx.objectStore('months').getAll()) as V2MonthPack[];
  untypedDb.deleteObjectStore('months');
  const quarters = untypedDb.createObjectStore('quarters', { keyPath: ['dataset', 'quarter'] });
  const converted = packs.map((old) => {
    const entries: PackEntry[] = Array.from(old.days, (day, index) => ({
      day,
      path: old.paths[index] ?? 0,
      forced: old.forced[index] ?? -1,
      counts: old.counts.subarray(index * BUCKETS, (index + 1) * BUCKETS),
    }));
    return rewritePack(emptyPack(old.dataset, old.month), entries).pack;
  });
  const byDataset = groupBy(converted, (pack) => pack.dataset);
  await Promise.all(
    [...byDataset].map(([dataset, datasetPacks]) =>
      writeMonthPacks(quarters as unknown as QuarterWriteStore, dataset, datasetPacks),
    ),
  );
  for (const dataset of byDataset.keys()) await refreshSnapshot(tx, dataset);
}
