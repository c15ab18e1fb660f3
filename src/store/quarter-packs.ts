/**
 * Month packs are stored three to a value, one value per dataset and calendar quarter. Chromium's
 * IndexedDB pays per value read: a year as twelve month values took 62 ms to read in headless
 * Chromium, as four quarter values 25-28 ms, and one quarter costs about what one month did
 * (docs/storage.md). Everything that reads or writes packs goes through here.
 */
import { groupBy } from '../core/group-by.js';
import type { MonthPack, QuarterPacks } from './schema.js';

/** 'YYYY-Qn' of a 'YYYY-MM' month. */
export function quarterOf(month: string): string {
  return `${month.slice(0, 4)}-Q${Math.floor((Number(month.slice(5, 7)) - 1) / 3) + 1}`;
}

/** Every key of a dataset in the quarters store ([dataset, quarter]): arrays sort after strings. */
export function datasetKeys(dataset: string): IDBKeyRange {
  return IDBKeyRange.bound([dataset], [dataset, []]);
}

interface QuarterCursor {
  value: QuarterPacks;
  continue(): Promise<QuarterCursor | null>;
}

/** The `quarters` store of any transaction, as far as packs need it. */
export interface QuarterStore {
  get(key: [string, string]): Promise<QuarterPacks | undefined>;
  getAll(query: IDBKeyRange): Promise<QuarterPacks[]>;
  openCursor(query: IDBKeyRange, direction: 'next' | 'prev'): Promise<QuarterCursor | null>;
}

export interface QuarterWriteStore extends QuarterStore {
  put(value: QuarterPacks): Promise<unknown>;
  delete(key: [string, string]): Promise<unknown>;
}

/** The stored packs of these months, by month (months without one are absent). */
export async function monthPacksOf(
  store: QuarterStore,
  dataset: string,
  months: readonly string[],
): Promise<Map<string, MonthPack>> {
  const quarters = [...new Set(months.map(quarterOf))];
  const values = await Promise.all(quarters.map((quarter) => store.get([dataset, quarter])));
  const wanted = new Set(months);
  const packs = new Map<string, MonthPack>();
  for (const value of values)
    for (const pack of value?.months ?? []) if (wanted.has(pack.month)) packs.set(pack.month, pack);
  return packs;
}

/**
 * Writes packs in, each replacing the stored pack of its month; an empty pack removes its month.
 * One read and one write per quarter touched: call it once per transaction with every pack, as
 * two calls for one quarter would each rewrite it from what was there before.
 */
export async function writeMonthPacks(
  store: QuarterWriteStore,
  dataset: string,
  packs: readonly MonthPack[],
): Promise<void> {
  await Promise.all(
    [...groupBy(packs, (pack) => quarterOf(pack.month))].map(async ([quarter, written]) => {
      const stored = (await store.get([dataset, quarter]))?.months ?? [];
      const replaced = new Set(written.map((pack) => pack.month));
      const months = [...stored.filter((pack) => !replaced.has(pack.month)), ...written]
        .filter((pack) => pack.size > 0)
        .sort((a, b) => (a.month < b.month ? -1 : 1));
      if (months.length === 0) await store.delete([dataset, quarter]);
      else await store.put({ dataset, quarter, months });
    }),
  );
}

/** Every 'YYYY-Qn' from the quarter of `fromMonth` to that of `toMonth`. */
export function quartersBetween(fromMonth: string, toMonth: string): string[] {
  const quarters: string[] = [];
  const last = quarterOf(toMonth);
  let year = Number(fromMonth.slice(0, 4));
  let quarter = Number(quarterOf(fromMonth).slice(6));
  for (let key = quarterOf(fromMonth); key <= last && quarters.length < 1000; ) {
    quarters.push(key);
    quarter = quarter === 4 ? 1 : quarter + 1;
    if (quarter === 1) year++;
    key = `${year}-Q${quarter}`;
  }
  return quarters;
}

/** The packs of the months from `fromMonth` to `toMonth` within these quarter values, in month order. */
export function packsWithin(
  quarters: readonly (QuarterPacks | null | undefined)[],
  fromMonth: string,
  toMonth: string,
): MonthPack[] {
  return quarters.flatMap((quarter) =>
    (quarter?.months ?? []).filter((pack) => pack.month >= fromMonth && pack.month <= toMonth),
  );
}

/** The stored packs of the months from `fromMonth` to `toMonth`, in month order. */
export async function packsInRange(
  store: QuarterStore,
  dataset: string,
  fromMonth: string,
  toMonth: string,
): Promise<MonthPack[]> {
  const quarters = await store.getAll(
    IDBKeyRange.bound([dataset, quarterOf(fromMonth)], [dataset, quarterOf(toMonth)]),
  );
  return packsWithin(quarters, fromMonth, toMonth);
}

/**
 * Up to `count` packs from one end of a dataset's history: the last ones newest first ('prev'),
 * or the first ones oldest first ('next').
 */
export async function edgePacks(
  store: QuarterStore,
  dataset: string,
  direction: 'next' | 'prev',
  count: number,
): Promise<MonthPack[]> {
  const packs: MonthPack[] = [];
  let cursor = await store.openCursor(datasetKeys(dataset), direction);
  while (cursor !== null && packs.length < count) {
    const months = direction === 'prev' ? [...cursor.value.months].reverse() : cursor.value.months;
    packs.push(...months.slice(0, count - packs.length));
    if (packs.length < count) cursor = await cursor.continue();
  }
  return packs;
}

/** Every stored pack of a dataset, in month order. */
export async function allPacks(store: QuarterStore, dataset: string): Promise<MonthPack[]> {
  return (await store.getAll(datasetKeys(dataset))).flatMap((quarter) => quarter.months);
}
