/**
 * A month block's index: its entries grouped by day, and its totals per path and per day and
 * direction. Built once per block object and kept with it (the store's query cache hands out the
 * same block objects while a dataset is unchanged), so a report reads a few hundred totals where
 * it would add up 12,000 entries for 30 days of a large tenant, 146,000 for a year. That matters
 * most in a young worker: until its code is optimised, every entry visited costs about ten times
 * what it costs later (Node with `--max-opt=1`, measured in docs/storage.md). The entries are also
 * grouped by path, for the report of one connector.
 *
 * A block's index is built against the paths of the columns it first comes with; a block object
 * belongs to one RecordColumns and is never changed once aggregated (every writer builds new packs).
 */
import { BUCKETS, type RecordBlock, type RecordColumns } from './record-columns.js';

/** Day slots: day 0 and day 32 hold entries of impossible days, which no range window reaches. */
const DAY_SLOTS = 33;

export interface BlockIndex {
  /** The path count of the columns it was built for (a longer path table builds it again). */
  pathCount: number;
  /** Entries of day d are byDay[dayStart[d]] … byDay[dayStart[d + 1] - 1], in entry order. */
  dayStart: Uint32Array;
  byDay: Uint32Array;
  /** Per path id below the columns' path count (known or not): entries in the month and their counts (six each). */
  pathEntries: Uint32Array;
  pathCounts: Float64Array;
  /**
   * Per day and direction (slot day × 2 + 0 inbound, 1 outbound), over entries of a known path:
   * how many entries, and their counts (six per slot, TLS_BUCKETS order).
   */
  dayEntries: Uint32Array;
  dayCounts: Float64Array;
  /**
   * Entries of path id p are byPath[pathStart[p]] … byPath[pathStart[p + 1] - 1], in day order: one
   * connector's series or details read its own entries, not the whole month's.
   */
  pathStart: Uint32Array;
  byPath: Uint32Array;
}

const indexes = new WeakMap<RecordBlock, BlockIndex>();

/**
 * Day of month → slot, as a table: a lookup costs less than a call in code not yet optimised. Day 0
 * goes to slot 0, days past 31 (and anything not 0-255) to slot 32: no range window reaches either.
 */
const DAY_SLOT = Uint8Array.from({ length: 256 }, (_, day) =>
  day >= 1 && day <= 31 ? day : day < 1 ? 0 : 32,
);

/** The block's index, built on first use. */
export function blockIndex(block: RecordBlock, paths: RecordColumns['paths']): BlockIndex {
  const known = indexes.get(block);
  if (known !== undefined && known.pathCount === paths.length) return known;
  const { days, paths: pathIds, counts } = block;
  const size = days.length;
  const pathCount = paths.length;
  const dayStart = new Uint32Array(DAY_SLOTS + 1);
  const pathEntries = new Uint32Array(pathCount);
  const pathCounts = new Float64Array(pathCount * BUCKETS);
  const dayEntries = new Uint32Array(DAY_SLOTS * 2);
  const dayCounts = new Float64Array(DAY_SLOTS * 2 * BUCKETS);
  const inbound = new Int8Array(pathCount);
  for (let id = 0; id < pathCount; id++) {
    const path = paths[id];
    inbound[id] = path === undefined ? -1 : path.direction === 'inbound' ? 1 : 0;
  }
  for (let index = 0; index < size; index++) {
    const slot = DAY_SLOT[days[index] as number] ?? 32;
    dayStart[slot + 1] = (dayStart[slot + 1] as number) + 1;
    const path = pathIds[index] as number;
    if (path >= pathCount) continue;
    // The six counts read once and added to both totals, written out: this loop runs over every
    // entry of every month a young worker reads, mostly before its code is optimised, where a
    // loop over the buckets costs more than its body.
    const base = index * BUCKETS;
    const c0 = counts[base] as number;
    const c1 = counts[base + 1] as number;
    const c2 = counts[base + 2] as number;
    const c3 = counts[base + 3] as number;
    const c4 = counts[base + 4] as number;
    const c5 = counts[base + 5] as number;
    const into = path * BUCKETS;
    pathEntries[path] = (pathEntries[path] as number) + 1;
    pathCounts[into] = (pathCounts[into] as number) + c0;
    pathCounts[into + 1] = (pathCounts[into + 1] as number) + c1;
    pathCounts[into + 2] = (pathCounts[into + 2] as number) + c2;
    pathCounts[into + 3] = (pathCounts[into + 3] as number) + c3;
    pathCounts[into + 4] = (pathCounts[into + 4] as number) + c4;
    pathCounts[into + 5] = (pathCounts[into + 5] as number) + c5;
    const side = inbound[path] as number;
    if (side === -1) continue;
    const daySide = slot * 2 + (side === 1 ? 0 : 1);
    const at = daySide * BUCKETS;
    dayEntries[daySide] = (dayEntries[daySide] as number) + 1;
    dayCounts[at] = (dayCounts[at] as number) + c0;
    dayCounts[at + 1] = (dayCounts[at + 1] as number) + c1;
    dayCounts[at + 2] = (dayCounts[at + 2] as number) + c2;
    dayCounts[at + 3] = (dayCounts[at + 3] as number) + c3;
    dayCounts[at + 4] = (dayCounts[at + 4] as number) + c4;
    dayCounts[at + 5] = (dayCounts[at + 5] as number) + c5;
  }
  for (let slot = 1; slot <= DAY_SLOTS; slot++) {
    dayStart[slot] = (dayStart[slot] as number) + (dayStart[slot - 1] as number);
  }
  const next = dayStart.slice(0, DAY_SLOTS);
  const byDay = new Uint32Array(size);
  for (let index = 0; index < size; index++) {
    const slot = DAY_SLOT[days[index] as number] ?? 32;
    byDay[next[slot] as number] = index;
    next[slot] = (next[slot] as number) + 1;
  }
  const pathStart = new Uint32Array(pathCount + 1);
  for (let id = 0; id < pathCount; id++) {
    pathStart[id + 1] = (pathStart[id] as number) + (pathEntries[id] as number);
  }
  const byPath = new Uint32Array(pathStart[pathCount] as number);
  const pathNext = pathStart.slice(0, pathCount);
  for (let at = 0; at < size; at++) {
    const entry = byDay[at] as number;
    const path = pathIds[entry] as number;
    if (path >= pathCount) continue;
    byPath[pathNext[path] as number] = entry;
    pathNext[path] = (pathNext[path] as number) + 1;
  }
  const index: BlockIndex = {
    pathCount,
    dayStart,
    byDay,
    pathStart,
    byPath,
    pathEntries,
    pathCounts,
    dayEntries,
    dayCounts,
  };
  indexes.set(block, index);
  return index;
}

/** Where days `first` … `last` (1-31) of a block's index begin and end in its `byDay`. */
export function daysSpan(index: BlockIndex, first: number, last: number): { start: number; end: number } {
  return { start: index.dayStart[first] as number, end: index.dayStart[last + 1] as number };
}
