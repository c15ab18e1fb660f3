/**
 * v2 → v3: each month pack's four typed arrays become one buffer, 16-bit when every path id and
 * count fits, and every dataset gets its widget snapshot (src/store/snapshots.ts). Reading a year of packs back took 54 ms as v2 and 23 ms as v3 in headless Chromium
 * (docs/storage.md), and the 365-day report has 50 ms in all.
 */
import type { IDBPDatabase, IDBPTransaction } from 'idb';
import { BUCKETS, emptyPack, type PackEntry, rewritePack } from '../month-packs.js';
import type { MailflowDb, UpgradeTransaction } from '../schema.js';
import { refreshSnapshot } from '../snapshots.js';
import type { V2MonthPack } from './v2-month-packs.js';

export async function migrateToOneBufferPacks(
  db: IDBPDatabase<MailflowDb>,
  tx: UpgradeTransaction,
): Promise<void> {
  (db as unknown as IDBPDatabase).createObjectStore('snapshots', { keyPath: 'dataset' });
  const months = (tx as unknown as IDBPTransaction<unknown, string[], 'versionchange'>).objectStore('months');
  const packs = (await months.getAll()) as V2MonthPack[];
  await Promise.all(
    packs.map((old) => {
      const entries: PackEntry[] = Array.from(old.days, (day, index) => ({
        day,
        path: old.paths[index] ?? 0,
        forced: old.forced[index] ?? -1,
        counts: old.counts.subarray(index * BUCKETS, (index + 1) * BUCKETS),
      }));
      return months.put(rewritePack(emptyPack(old.dataset, old.month), entries).pack);
    }),
  );
  for (const dataset of new Set(packs.map((pack) => pack.dataset))) await refreshSnapshot(tx, dataset);
}
