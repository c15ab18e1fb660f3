/**
 * The packed layout of stored records (docs/storage.md): one pack per dataset and calendar month,
 * holding that month's records in typed-array columns within one buffer (stored three months to an
 * IndexedDB value, src/store/quarter-packs.ts). Chromium's IndexedDB pays per value read or written,
 * so few, larger values make history queries and imports cheap, and structured-cloning a buffer is
 * a copy, not an object walk. Pure functions over packs: no IndexedDB here.
 */
import { type MailflowRecord, TLS_BUCKETS, TLS_LABELS } from '../core/model.js';
import {
  type ConnectorPath,
  countsAt,
  dateOf,
  forcedValue,
  type RecordBlock,
} from '../core/record-columns.js';
import type { MonthPack } from './schema.js';

export const BUCKETS = TLS_BUCKETS.length;

/** Largest path id or count a 16-bit pack can hold; a pack with anything larger is written 32-bit. */
const NARROW_MAX = 0xffff;

/** A pack's columns, as views over its one buffer (no copy). */
export interface PackColumns {
  days: Uint8Array;
  forced: Int8Array;
  paths: Uint16Array | Uint32Array;
  counts: Uint16Array | Uint32Array;
}

/** Where each column starts in a pack's buffer: days, forced, then paths and counts aligned to their width. */
function layout(size: number, width: 2 | 4) {
  const paths = Math.ceil((size * 2) / width) * width;
  const counts = paths + size * width;
  return { paths, counts, bytes: counts + size * BUCKETS * width };
}

export function packColumns(pack: MonthPack): PackColumns {
  const { size, width, data } = pack;
  const at = layout(size, width);
  const Wide = width === 2 ? Uint16Array : Uint32Array;
  return {
    days: new Uint8Array(data, 0, size),
    forced: new Int8Array(data, size, size),
    paths: new Wide(data, at.paths, size),
    counts: new Wide(data, at.counts, size * BUCKETS),
  };
}

/** The pack as a block of the core's record columns. */
export function blockOfPack(pack: MonthPack): RecordBlock {
  return { month: pack.month, ...packColumns(pack) };
}

/**
 * A pack of `size` entries, written 16-bit when every path id and count fits (most tenants: half
 * the bytes, and reading packs back is paid per byte), else 32-bit.
 */
export function encodePack(
  dataset: string,
  month: string,
  size: number,
  fill: (columns: PackColumns) => void,
  widest: number,
): MonthPack {
  const width = widest > NARROW_MAX ? 4 : 2;
  const data = new ArrayBuffer(layout(size, width).bytes);
  const pack: MonthPack = { dataset, month, size, width, data };
  fill(packColumns(pack));
  return pack;
}

export function emptyPack(dataset: string, month: string): MonthPack {
  return encodePack(dataset, month, 0, () => {}, 0);
}

/** 'YYYY-MM' of a 'YYYY-MM-DD' date. */
export const monthOf = (date: string): string => date.slice(0, 7);
/** Day of month of a 'YYYY-MM-DD' date. */
export const dayOf = (date: string): number => Number(date.slice(8, 10));
export { dateOf, forcedCode, forcedValue } from '../core/record-columns.js';

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

export function entryAt(columns: PackColumns, index: number): PackEntry {
  return {
    day: columns.days[index] ?? 0,
    path: columns.paths[index] ?? 0,
    forced: columns.forced[index] ?? -1,
    counts: columns.counts.subarray(index * BUCKETS, (index + 1) * BUCKETS),
  };
}

/** Entries to write into a pack, in columns: entry i is (days[i], paths[i]) with forced[i] and counts[6i…]. */
export interface PackWrites {
  size: number;
  days: ArrayLike<number>;
  paths: ArrayLike<number>;
  forced: ArrayLike<number>;
  counts: ArrayLike<number>;
}

/**
 * The pack with `writes` written in (an entry for a day and path already there replaces it; of two
 * writes for one day and path the later wins) and the entries whose ids are in `remove` taken out.
 * `replaced[i]` is the index in the old pack of the entry write i replaced, or -1 when it is new.
 */
export function writeIntoPack(
  pack: MonthPack,
  writes: PackWrites,
  remove: ReadonlySet<number> = new Set(),
): { pack: MonthPack; replaced: Int32Array } {
  const old = packColumns(pack);
  // The write that lands for each id: the last one.
  const landing = new Map<number, number>();
  for (let write = 0; write < writes.size; write++) {
    landing.set(entryId(writes.days[write] ?? 0, writes.paths[write] ?? 0), write);
  }
  const oldIndexOf = new Map<number, number>();
  const kept: number[] = [];
  for (let index = 0; index < pack.size; index++) {
    const id = entryId(old.days[index] ?? 0, old.paths[index] ?? 0);
    if (landing.has(id)) oldIndexOf.set(id, index);
    else if (!remove.has(id)) kept.push(index);
  }
  const replaced = new Int32Array(writes.size);
  for (let write = 0; write < writes.size; write++) {
    replaced[write] = oldIndexOf.get(entryId(writes.days[write] ?? 0, writes.paths[write] ?? 0)) ?? -1;
  }
  const landed = [...landing.values()];
  let widest = 0;
  for (const index of kept) widest = Math.max(widest, old.paths[index] ?? 0);
  for (const write of landed) widest = Math.max(widest, writes.paths[write] ?? 0);
  // Counts: kept ones fit the old width already; only a wider old pack or a large write needs 32 bits.
  for (const index of kept) {
    if (widest > NARROW_MAX || pack.width === 2) break;
    for (let bucket = 0; bucket < BUCKETS; bucket++)
      widest = Math.max(widest, old.counts[index * BUCKETS + bucket] ?? 0);
  }
  for (const write of landed) {
    for (let bucket = 0; bucket < BUCKETS; bucket++)
      widest = Math.max(widest, writes.counts[write * BUCKETS + bucket] ?? 0);
  }
  const next = encodePack(
    pack.dataset,
    pack.month,
    kept.length + landed.length,
    (into) => {
      let at = 0;
      for (const index of kept) {
        into.days[at] = old.days[index] ?? 0;
        into.paths[at] = old.paths[index] ?? 0;
        into.forced[at] = old.forced[index] ?? -1;
        into.counts.set(old.counts.subarray(index * BUCKETS, (index + 1) * BUCKETS), at * BUCKETS);
        at++;
      }
      for (const write of landed) {
        into.days[at] = writes.days[write] ?? 0;
        into.paths[at] = writes.paths[write] ?? 0;
        into.forced[at] = writes.forced[write] ?? -1;
        for (let bucket = 0; bucket < BUCKETS; bucket++)
          into.counts[at * BUCKETS + bucket] = writes.counts[write * BUCKETS + bucket] ?? 0;
        at++;
      }
    },
    widest,
  );
  return { pack: next, replaced };
}

/** `writeIntoPack` for a few entries as objects (undo, restore, migrations), with what each replaced. */
export function rewritePack(
  pack: MonthPack,
  entries: readonly PackEntry[],
  remove: ReadonlySet<number> = new Set(),
): { pack: MonthPack; replaced: (PackEntry | null)[] } {
  const writes = {
    size: entries.length,
    days: entries.map((entry) => entry.day),
    paths: entries.map((entry) => entry.path),
    forced: entries.map((entry) => entry.forced),
    counts: entries.flatMap((entry) =>
      Array.from({ length: BUCKETS }, (_, bucket) => entry.counts[bucket] ?? 0),
    ),
  };
  const old = packColumns(pack);
  const result = writeIntoPack(pack, writes, remove);
  const replaced = Array.from(result.replaced, (index) =>
    index < 0 ? null : { ...entryAt(old, index), counts: Uint32Array.from(entryAt(old, index).counts) },
  );
  return { pack: result.pack, replaced };
}

/** Core records of a pack whose date lies in [from, to]; `paths` maps the dataset's path ids. */
export function recordsOfPack(
  pack: MonthPack,
  paths: readonly (ConnectorPath | undefined)[],
  from: string,
  to: string,
): MailflowRecord[] {
  const records: MailflowRecord[] = [];
  const { days, paths: pathIds, forced, counts } = packColumns(pack);
  for (let index = 0; index < pack.size; index++) {
    const date = dateOf(pack.month, days[index] ?? 0);
    if (date < from || date > to) continue;
    const path = paths[pathIds[index] ?? -1];
    if (path === undefined) continue;
    records.push({
      date,
      direction: path.direction,
      connector: path.connector,
      connectorType: path.connectorType,
      forcedTls: forcedValue(forced[index] ?? -1),
      counts: countsAt(counts, index * BUCKETS),
    });
  }
  return records;
}

/** The first or last day present in a pack, as a date; null for an empty pack. */
export function edgeDateOfPack(pack: MonthPack, edge: 'first' | 'last'): string | null {
  if (pack.size === 0) return null;
  const { days } = packColumns(pack);
  let day = days[0] ?? 1;
  for (const candidate of days) day = edge === 'first' ? Math.min(day, candidate) : Math.max(day, candidate);
  return dateOf(pack.month, day);
}

/** The most messages one record's bucket can hold: a pack stores counts as 32-bit integers. */
export const MAX_COUNT = 0xffff_ffff;

/**
 * Writes a record's counts into `into` at `at`, in TLS_BUCKETS order, as a pack stores them. A
 * count a Uint32Array cannot hold is an error, never silently wrapped.
 */
export function writePackedCounts(record: MailflowRecord, into: Uint32Array, at: number): void {
  for (let index = 0; index < BUCKETS; index++) {
    const bucket = TLS_BUCKETS[index] as (typeof TLS_BUCKETS)[number];
    const count = record.counts[bucket];
    if (!Number.isInteger(count) || count < 0 || count > MAX_COUNT) {
      const who = record.connector ?? `${record.direction} mail without a connector`;
      throw new RangeError(
        `${record.date}, ${who}: ${count.toLocaleString('en-US')} ${TLS_LABELS[bucket]} messages is more than one day of one connector can hold (${MAX_COUNT.toLocaleString('en-US')}).`,
      );
    }
    into[at + index] = count;
  }
}
