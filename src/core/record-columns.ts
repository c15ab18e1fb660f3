/**
 * Records in columns: the form every aggregate reads. The store keeps a dataset's records as one
 * pack of typed-array columns per calendar month, and a year of a large tenant is 146,000 records;
 * summing columns in place is several times cheaper than building an object per record first. The
 * CLI and the tests turn their records into the same columns (`columnsOf`), so every surface runs
 * the very same aggregation code.
 */
import { daysBetween } from './dates.js';
import {
  type ConnectorType,
  type DateRange,
  type Direction,
  type MailflowRecord,
  TLS_BUCKETS,
  type TlsCounts,
} from './model.js';

/** Counts per entry in a block, in TLS_BUCKETS order. */
export const BUCKETS = TLS_BUCKETS.length;

/** A direction and a connector (null: mail that used no connector): what a record is "of", with its date. */
export interface ConnectorPath {
  direction: Direction;
  connector: string | null;
  /** The latest type given for this connector. */
  connectorType: ConnectorType | null;
}

/**
 * The records of one calendar month: entry i is day `days[i]` of `month`, of path `paths[i]`, with
 * forced TLS `forced[i]` (-1 unknown, 0 false, 1 true) and counts `counts[6i … 6i+5]` in
 * TLS_BUCKETS order.
 */
export interface RecordBlock {
  /** 'YYYY-MM'. */
  month: string;
  days: ArrayLike<number>;
  paths: ArrayLike<number>;
  forced: ArrayLike<number>;
  counts: ArrayLike<number>;
}

export interface RecordColumns {
  /** Path id → path; the blocks' `paths` columns hold these ids. */
  paths: readonly (ConnectorPath | undefined)[];
  blocks: readonly RecordBlock[];
}

export const dateOf = (month: string, day: number): string => `${month}-${day < 10 ? '0' : ''}${day}`;

export function forcedValue(code: number): boolean | null {
  return code < 0 ? null : code === 1;
}

export function forcedCode(forcedTls: boolean | null): number {
  return forcedTls === null ? -1 : forcedTls ? 1 : 0;
}

/** An entry's counts as the record object the views and exports use. */
export function countsAt(counts: ArrayLike<number>, base: number): TlsCounts {
  return {
    none: counts[base + 4] ?? 0,
    'tls1.0': counts[base + 3] ?? 0,
    'tls1.1': counts[base + 2] ?? 0,
    'tls1.2': counts[base + 1] ?? 0,
    'tls1.3': counts[base] ?? 0,
    unknown: counts[base + 5] ?? 0,
  };
}

/** Adds the six counts at `source[from…]` to `target[into…]` (the hot loop of every aggregate). */
export function addEntryCounts(
  target: Float64Array,
  into: number,
  source: ArrayLike<number>,
  from: number,
): number {
  let messages = 0;
  for (let bucket = 0; bucket < BUCKETS; bucket++) {
    const count = source[from + bucket] as number;
    target[into + bucket] = (target[into + bucket] as number) + count;
    messages += count;
  }
  return messages;
}

/**
 * Where a block meets a range: entry i is in the range when `first ≤ days[i] ≤ last`, and its
 * date is day number `offset + days[i]` of the range (0 = range.from). Null when they do not meet.
 */
export function blockWindow(
  block: Pick<RecordBlock, 'month'>,
  range: DateRange,
): { first: number; last: number; offset: number } | null {
  const offset = daysBetween(range.from, `${block.month}-01`) - 1;
  const length = daysBetween(range.from, range.to) + 1;
  const first = Math.max(1, -offset);
  const last = Math.min(31, length - 1 - offset);
  return first > last ? null : { first, last, offset };
}

/**
 * Records as columns: one block per month, entries in record order, one path per (direction,
 * connector) carrying the last type a record gave it.
 */
export function columnsOf(records: readonly MailflowRecord[]): RecordColumns {
  const paths: ConnectorPath[] = [];
  const pathIds = [new Map<string | null, number>(), new Map<string | null, number>()];
  const byMonth = new Map<string, number[]>();
  const ids = new Uint32Array(records.length);
  records.forEach((record, index) => {
    const known = pathIds[record.direction === 'inbound' ? 0 : 1] as Map<string | null, number>;
    let id = known.get(record.connector);
    if (id === undefined) {
      id = paths.length;
      known.set(record.connector, id);
      paths.push({ direction: record.direction, connector: record.connector, connectorType: null });
    }
    if (record.connectorType !== null) (paths[id] as ConnectorPath).connectorType = record.connectorType;
    ids[index] = id;
    const month = record.date.slice(0, 7);
    const indexes = byMonth.get(month);
    if (indexes === undefined) byMonth.set(month, [index]);
    else indexes.push(index);
  });
  const blocks = [...byMonth].map(([month, indexes]): RecordBlock => {
    const block = {
      month,
      days: new Uint8Array(indexes.length),
      paths: new Uint32Array(indexes.length),
      forced: new Int8Array(indexes.length),
      // Float64: a count from a file is not bounded by the store's 32-bit columns.
      counts: new Float64Array(indexes.length * BUCKETS),
    };
    indexes.forEach((recordIndex, entry) => {
      const record = records[recordIndex] as MailflowRecord;
      block.days[entry] = Number(record.date.slice(8, 10));
      block.paths[entry] = ids[recordIndex] ?? 0;
      block.forced[entry] = forcedCode(record.forcedTls);
      TLS_BUCKETS.forEach((bucket, offset) => {
        block.counts[entry * BUCKETS + offset] = record.counts[bucket];
      });
    });
    return block;
  });
  return { paths, blocks };
}
