/**
 * The packed layout of stored records (docs/storage.md): one IndexedDB value per dataset and
 * calendar month, holding that month's records in typed-array columns. Chromium's IndexedDB pays
 * per value read or written (a 365-day read of one value per day took 1.5 s here, of one value per
 * month 11 ms), so few, larger values make history queries and imports cheap, and structured-cloning
 * typed arrays is a copy, not an object walk. Pure functions over packs: no IndexedDB here.
 */
import { type MailflowRecord, TLS_BUCKETS, TLS_LABELS } from '../core/model.js';
import type { MonthPack, StoredPath } from './schema.js';

export const BUCKETS = TLS_BUCKETS.length;

export function emptyPack(dataset: string, month: string): MonthPack {
  return {
    dataset,
    month,
    days: new Uint8Array(0),
    paths: new Uint32Array(0),
    forced: new Int8Array(0),
    counts: new Uint32Array(0),
  };
}

/** 'YYYY-MM' of a 'YYYY-MM-DD' date. */
export const monthOf = (date: string): string => date.slice(0, 7);
/** Day of month of a 'YYYY-MM-DD' date. */
export const dayOf = (date: string): number => Number(date.slice(8, 10));
export const dateOf = (month: string, day: number): string => `${month}-${day < 10 ? '0' : ''}${day}`;

export function forcedCode(forcedTls: boolean | null): number {
  return forcedTls === null ? -1 : forcedTls ? 1 : 0;
}

export function forcedValue(code: number): boolean | null {
  return code < 0 ? null : code === 1;
}

/** One path's values on one day, as a pack holds them. */
export interface PackEntry {
  day: number;
  path: number;
  forced: number;
  /** TLS_BUCKETS order. */
  counts: ArrayLike<number>;
}

/** The identity of an entry within its pack (a month): its day and path. */
export const entryId = (day: number, path: number): number => path * 32 + day;

export function entryAt(pack: MonthPack, index: number): PackEntry {
  return {
    day: pack.days[index] ?? 0,
    path: pack.paths[index] ?? 0,
    forced: pack.forced[index] ?? -1,
    counts: pack.counts.subarray(index * BUCKETS, (index + 1) * BUCKETS),
  };
}

/**
 * The pack with `entries` written in (an entry for a day and path already there replaces it) and
 * the entries whose ids are in `remove` taken out. Also returns, for each written entry, what it
 * replaced (null when it is new).
 */
export function rewritePack(
  pack: MonthPack,
  entries: readonly PackEntry[],
  remove: ReadonlySet<number> = new Set(),
): { pack: MonthPack; replaced: (PackEntry | null)[] } {
  const writing = new Map<number, PackEntry>();
  for (const entry of entries) writing.set(entryId(entry.day, entry.path), entry);
  const replacedById = new Map<number, PackEntry>();
  const kept: PackEntry[] = [];
  for (let index = 0; index < pack.paths.length; index++) {
    const existing = entryAt(pack, index);
    const id = entryId(existing.day, existing.path);
    if (writing.has(id)) replacedById.set(id, { ...existing, counts: Uint32Array.from(existing.counts) });
    else if (!remove.has(id)) kept.push(existing);
  }
  const all = [...kept, ...writing.values()];
  const next: MonthPack = {
    dataset: pack.dataset,
    month: pack.month,
    days: new Uint8Array(all.length),
    paths: new Uint32Array(all.length),
    forced: new Int8Array(all.length),
    counts: new Uint32Array(all.length * BUCKETS),
  };
  all.forEach((entry, index) => {
    next.days[index] = entry.day;
    next.paths[index] = entry.path;
    next.forced[index] = entry.forced;
    next.counts.set(entry.counts, index * BUCKETS);
  });
  const replaced = entries.map((entry) => replacedById.get(entryId(entry.day, entry.path)) ?? null);
  return { pack: next, replaced };
}

/** Core records of a pack whose date lies in [from, to]; `paths` maps the dataset's path ids. */
export function recordsOfPack(
  pack: MonthPack,
  paths: ReadonlyMap<number, StoredPath>,
  from: string,
  to: string,
): MailflowRecord[] {
  const records: MailflowRecord[] = [];
  const { counts } = pack;
  const dates: string[] = [];
  for (let day = 1; day <= 31; day++) dates[day] = dateOf(pack.month, day);
  for (let index = 0; index < pack.paths.length; index++) {
    const date = dates[pack.days[index] ?? 0];
    if (date === undefined || date < from || date > to) continue;
    const path = paths.get(pack.paths[index] ?? -1);
    if (path === undefined) continue;
    const base = index * BUCKETS;
    records.push({
      date,
      direction: path.direction,
      connector: path.connector,
      connectorType: path.connectorType,
      forcedTls: forcedValue(pack.forced[index] ?? -1),
      counts: {
        none: counts[base + 4] ?? 0,
        'tls1.0': counts[base + 3] ?? 0,
        'tls1.1': counts[base + 2] ?? 0,
        'tls1.2': counts[base + 1] ?? 0,
        'tls1.3': counts[base] ?? 0,
        unknown: counts[base + 5] ?? 0,
      },
    });
  }
  return records;
}

/** The first or last day present in a pack, as a date; null for an empty pack. */
export function edgeDateOfPack(pack: MonthPack, edge: 'first' | 'last'): string | null {
  if (pack.days.length === 0) return null;
  let day = pack.days[0] ?? 1;
  for (const candidate of pack.days)
    day = edge === 'first' ? Math.min(day, candidate) : Math.max(day, candidate);
  return dateOf(pack.month, day);
}

/** The most messages one record's bucket can hold: a pack stores counts as 32-bit integers. */
export const MAX_COUNT = 0xffff_ffff;

/**
 * A record's counts in TLS_BUCKETS order, as a pack stores them. A count a Uint32Array cannot
 * hold is an error, never silently wrapped.
 */
export function packedCounts(record: MailflowRecord): Uint32Array {
  return Uint32Array.from(TLS_BUCKETS, (bucket) => {
    const count = record.counts[bucket];
    if (!Number.isInteger(count) || count < 0 || count > MAX_COUNT) {
      const who = record.connector ?? `${record.direction} mail without a connector`;
      throw new RangeError(
        `${record.date}, ${who}: ${count.toLocaleString('en-US')} ${TLS_LABELS[bucket]} messages is more than one day of one connector can hold (${MAX_COUNT.toLocaleString('en-US')}).`,
      );
    }
    return count;
  });
}
