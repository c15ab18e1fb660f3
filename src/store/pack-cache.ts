/**
 * Quarters of packs a query context (the aggregation worker, the service worker) has already read,
 * kept while the dataset has not changed. A report page asks again and again over the same data
 * (another view, selection, sort or page); reading the same quarters back from IndexedDB each
 * time was most of a 365-day report. Every write transaction gives the dataset's snapshot a new
 * `generation` (src/store/snapshots.ts), and a query reads that snapshot first in its own read
 * transaction: while the generation is the one the cache was filled under, nothing has changed.
 */
import type { PathTable, QuarterPacks } from './schema.js';

/** Quarter values kept at most: two years of a large tenant are 9 quarters of about 600 KB. */
const MAX_QUARTERS = 12;

export interface PackCache {
  /** The cache's contents for a dataset at `generation`; emptied when either changed. */
  at(
    dataset: string,
    generation: string,
  ): {
    quarter(key: string): QuarterPacks | null | undefined;
    keepQuarter(key: string, value: QuarterPacks | null): void;
    paths: PathTable | undefined;
    keepPaths(table: PathTable | undefined): void;
  };
}

export function createPackCache(limit = MAX_QUARTERS): PackCache {
  let owner = '';
  // Quarter key → its packs, or null for a quarter known to hold none; in least-recent-use order.
  const quarters = new Map<string, QuarterPacks | null>();
  let paths: PathTable | undefined;
  return {
    at(dataset, generation) {
      const key = `${dataset}\u0000${generation}`;
      if (key !== owner) {
        owner = key;
        quarters.clear();
        paths = undefined;
      }
      return {
        quarter(quarterKey) {
          const value = quarters.get(quarterKey);
          if (value !== undefined) {
            quarters.delete(quarterKey);
            quarters.set(quarterKey, value);
          }
          return value;
        },
        keepQuarter(quarterKey, value) {
          quarters.set(quarterKey, value);
          for (const oldest of quarters.keys()) {
            if (quarters.size <= limit) break;
            quarters.delete(oldest);
          }
        },
        get paths() {
          return paths;
        },
        keepPaths(table) {
          paths = table;
        },
      };
    },
  };
}
