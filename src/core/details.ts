/**
 * The connector report's details table: one row per date × connector, the portal's nine columns
 * (plus TLS 1.3 when the range has any), shares as the one-decimal split a person sees.
 */

import { compareConnectors } from './aggregate.js';
import { type BlockIndex, blockIndex, daysSpan } from './block-index.js';
import { DEFAULT_DETAILS_SORT, type DetailsSort, type SortDirection } from './details-sort.js';
import {
  type ConnectorType,
  type DateRange,
  type Direction,
  type MailflowRecord,
  messageCount,
  TLS_BUCKETS,
  type TlsBucket,
  type TlsCounts,
} from './model.js';
import {
  BUCKETS,
  blockWindow,
  type ConnectorPath,
  columnsOf,
  countsAt,
  dateOf,
  forcedValue,
  type RecordBlock,
  type RecordColumns,
} from './record-columns.js';
import { type ConnectorSelection, connectorLabel, DIRECTION_LABELS } from './selection.js';
import { idsOf, selectedPaths } from './series.js';
import { type DisplayShares, displayShares } from './shares.js';

export { DEFAULT_DETAILS_SORT, type DetailsSort, type SortDirection } from './details-sort.js';

export interface DetailsRow {
  date: string;
  direction: Direction;
  connector: string | null;
  connectorType: ConnectorType | null;
  forcedTls: boolean | null;
  messages: number;
  tls: TlsCounts;
  shares: DisplayShares;
}

/** Column keys, in the portal's order; `tls1.3` is shown only when some row has TLS 1.3 mail. */
export type DetailsColumn =
  | 'date'
  | 'connector'
  | 'type'
  | 'forcedTls'
  | 'none'
  | 'tls1.0'
  | 'tls1.1'
  | 'tls1.2'
  | 'tls1.3'
  | 'volume';

/** The portal's English header texts: format A's reader recognises them on re-import. */
export const DETAILS_COLUMN_LABELS: Record<DetailsColumn, string> = {
  date: 'Date',
  connector: 'Connector direction and name',
  type: 'Connector type',
  forcedTls: 'Forced TLS?',
  none: 'No TLS',
  'tls1.0': 'TLS 1.0',
  'tls1.1': 'TLS 1.1',
  'tls1.2': 'TLS 1.2',
  'tls1.3': 'TLS 1.3',
  volume: 'Volume',
};

export const SHARE_COLUMNS = ['none', 'tls1.0', 'tls1.1', 'tls1.2', 'tls1.3'] as const satisfies readonly (
  | DetailsColumn
  | TlsBucket
)[];

/** A page of the details table, sorted, with how many rows there are in all and the columns. */
export interface DetailsPage {
  rows: DetailsRow[];
  total: number;
  columns: DetailsColumn[];
}

/**
 * The details table of a range and selection, sorted by `sort` (ties in date × connector order),
 * with only the first `limit` rows built: a year of 400 connectors is 146,000 rows, and a person
 * sees a page of them.
 */
export function detailsPage(
  records: readonly MailflowRecord[],
  range: DateRange,
  selection: ConnectorSelection,
  sort: DetailsSort = DEFAULT_DETAILS_SORT,
  limit = Number.POSITIVE_INFINITY,
): DetailsPage {
  return detailsPageOf(columnsOf(records), range, selection, sort, limit);
}

/** Each path's rank in one text order (equal texts share a rank), so rows sort by numbers. */
function pathRanks(columns: RecordColumns, text: (path: ConnectorPath) => string): Float64Array {
  const ranks = new Float64Array(columns.paths.length);
  const texts = columns.paths.map((path) => (path === undefined ? '' : text(path)));
  const order = [...new Set(texts)].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  const rankOf = new Map(order.map((value, rank) => [value, rank]));
  texts.forEach((value, id) => {
    ranks[id] = rankOf.get(value) ?? 0;
  });
  return ranks;
}

const connectorOrders = new WeakMap<RecordColumns['paths'], Float64Array>();

/**
 * Each path's place in the CLI's connector order (direction, no connector first, name). Kept per
 * path table: the store's query cache hands out the same table while a dataset is unchanged.
 */
function connectorOrder(columns: RecordColumns): Float64Array {
  const known = connectorOrders.get(columns.paths);
  if (known !== undefined && known.length === columns.paths.length) return known;
  const order = new Float64Array(columns.paths.length);
  const ids = columns.paths.flatMap((path, id) => (path === undefined ? [] : [id]));
  ids.sort((a, b) => compareConnectors(columns.paths[a] as ConnectorPath, columns.paths[b] as ConnectorPath));
  ids.forEach((id, place) => {
    order[id] = place;
  });
  connectorOrders.set(columns.paths, order);
  return order;
}

/**
 * Working arrays for detailsPageOf, kept between calls and grown when a call needs more: a year of
 * a large tenant is 146,000 entries, 3.5 MB of arrays, and allocating them on every report made
 * every other report pay a garbage collection (12 ms against 3 ms, measured in Node). Nothing runs
 * between filling them and reading them back, so one set serves every call.
 */
let scratch = {
  blockOf: new Uint32Array(0),
  indexOf: new Uint32Array(0),
  keys: new Float64Array(0),
  ties: new Float64Array(0),
};

function scratchFor(capacity: number): typeof scratch {
  if (scratch.keys.length < capacity) {
    const size = Math.ceil(capacity * 1.25);
    scratch = {
      blockOf: new Uint32Array(size),
      indexOf: new Uint32Array(size),
      keys: new Float64Array(size),
      ties: new Float64Array(size),
    };
  }
  return scratch;
}

/** `detailsPage` over records in columns. */
export function detailsPageOf(
  columns: RecordColumns,
  range: DateRange,
  selection: ConnectorSelection,
  sort: DetailsSort = DEFAULT_DETAILS_SORT,
  limit = Number.POSITIVE_INFINITY,
): DetailsPage {
  const selected = selectedPaths(columns, selection);
  const places = connectorOrder(columns);
  if (sort.column === 'date')
    return dateOrderedPage(columns, range, selection, selected, places, sort.direction, limit);
  const paths = columns.paths.length;
  const ranks =
    sort.column === 'connector'
      ? pathRanks(columns, pathText)
      : sort.column === 'type'
        ? pathRanks(columns, (path) => path.connectorType ?? '')
        : null;
  // Every matching entry: where it is, its sort key, and its date × connector place for ties.
  let capacity = 0;
  for (const block of columns.blocks) capacity += block.days.length;
  const { blockOf, indexOf, keys, ties } = scratchFor(capacity);
  let total = 0;
  let withTls13 = false;
  for (let blockIndex = 0; blockIndex < columns.blocks.length; blockIndex++) {
    const block = columns.blocks[blockIndex] as RecordBlock;
    const window = blockWindow(block, range);
    if (window === null) continue;
    const { days, paths: pathIds, forced, counts } = block;
    for (let index = 0; index < days.length; index++) {
      const day = days[index] as number;
      const path = pathIds[index] as number;
      if (day < window.first || day > window.last || selected[path] !== 1) continue;
      const base = index * BUCKETS;
      if ((counts[base] as number) > 0) withTls13 = true;
      const date = window.offset + day;
      blockOf[total] = blockIndex;
      indexOf[total] = index;
      keys[total] = sortKey(sort.column, date, counts, base, forced[index] as number, ranks?.[path] ?? 0);
      ties[total] = date * paths + (places[path] as number);
      total++;
    }
  }
  const sign = sort.direction === 'ascending' ? 1 : -1;
  const order = firstInOrder(total, limit, (a, b) => {
    const byKey = ((keys[a] as number) - (keys[b] as number)) * sign;
    if (byKey !== 0) return byKey;
    const byTie = (ties[a] as number) - (ties[b] as number);
    return byTie !== 0 ? byTie : a - b;
  });
  return {
    rows: order.map((entry) => {
      const block = columns.blocks[blockOf[entry] as number] as RecordBlock;
      return detailsRowAt(columns, block, indexOf[entry] as number);
    }),
    total,
    columns: columnsFor(withTls13),
  };
}

/**
 * The page in date order (the table's default), with ties in connector order: for all mail flow,
 * days are taken in order from the blocks' day indexes until the page is full; for one path, its
 * own entries from the indexes' per-path groups. The same rows and order as the general path,
 * without visiting every entry of a long range.
 */
function dateOrderedPage(
  columns: RecordColumns,
  range: DateRange,
  selection: ConnectorSelection,
  selected: Uint8Array,
  places: Float64Array,
  direction: SortDirection,
  limit: number,
): DetailsPage {
  if (selection.kind !== 'all') return pathPage(columns, range, selected, places, direction, limit);
  // Every (date, block, day) of the range that has entries; a date in two blocks keeps block order.
  const days: { date: number; block: RecordBlock; index: BlockIndex; day: number }[] = [];
  let total = 0;
  let withTls13 = false;
  for (const block of columns.blocks) {
    const window = blockWindow(block, range);
    if (window === null) continue;
    const index = blockIndex(block, columns.paths);
    for (let day = window.first; day <= window.last; day++) {
      const { start, end } = daysSpan(index, day, day);
      if (start === end) continue;
      days.push({ date: window.offset + day, block, index, day });
      // Every known path: the index's counts per day and direction.
      for (let slot = day * 2; slot < day * 2 + 2; slot++) {
        total += index.dayEntries[slot] as number;
        if ((index.dayCounts[slot * BUCKETS] as number) > 0) withTls13 = true;
      }
    }
  }
  const sign = direction === 'ascending' ? 1 : -1;
  days.sort((a, b) => (a.date - b.date) * sign);
  const rows: DetailsRow[] = [];
  const wanted = Math.min(total, Math.max(0, Math.floor(limit)));
  for (let at = 0; at < days.length && rows.length < wanted; ) {
    // All blocks' entries of one date, by connector place (ties in block, then entry, order).
    const date = (days[at] as (typeof days)[number]).date;
    const entries: { block: RecordBlock; entry: number }[] = [];
    for (; at < days.length && (days[at] as (typeof days)[number]).date === date; at++) {
      const { block, index, day } = days[at] as (typeof days)[number];
      const { start, end } = daysSpan(index, day, day);
      for (let slot = start; slot < end; slot++) {
        const entry = index.byDay[slot] as number;
        if (selected[block.paths[entry] as number] === 1) entries.push({ block, entry });
      }
    }
    entries.sort(
      (a, b) =>
        (places[a.block.paths[a.entry] as number] as number) -
        (places[b.block.paths[b.entry] as number] as number),
    );
    for (const { block, entry } of entries) {
      if (rows.length >= wanted) break;
      rows.push(detailsRowAt(columns, block, entry));
    }
  }
  return { rows, total, columns: columnsFor(withTls13) };
}

/** `dateOrderedPage` for one path (or a few ids of it): its entries in the range, sorted. */
function pathPage(
  columns: RecordColumns,
  range: DateRange,
  selected: Uint8Array,
  places: Float64Array,
  direction: SortDirection,
  limit: number,
): DetailsPage {
  const ids = idsOf(selected);
  const entries: { date: number; place: number; order: number; block: RecordBlock; entry: number }[] = [];
  let withTls13 = false;
  columns.blocks.forEach((block, order) => {
    const window = blockWindow(block, range);
    if (window === null) return;
    const index = blockIndex(block, columns.paths);
    for (const path of ids) {
      for (let at = index.pathStart[path] as number; at < (index.pathStart[path + 1] as number); at++) {
        const entry = index.byPath[at] as number;
        const day = block.days[entry] as number;
        if (day < window.first || day > window.last) continue;
        if ((block.counts[entry * BUCKETS] as number) > 0) withTls13 = true;
        entries.push({ date: window.offset + day, place: places[path] as number, order, block, entry });
      }
    }
  });
  const sign = direction === 'ascending' ? 1 : -1;
  entries.sort(
    (a, b) => (a.date - b.date) * sign || a.place - b.place || a.order - b.order || a.entry - b.entry,
  );
  const wanted = Math.min(entries.length, Math.max(0, Math.floor(limit)));
  return {
    rows: entries.slice(0, wanted).map(({ block, entry }) => detailsRowAt(columns, block, entry)),
    total: entries.length,
    columns: columnsFor(withTls13),
  };
}

/**
 * What an entry sorts by in a column: text columns by their rank, share columns by the exact
 * fraction (the shown one-decimal shares follow the same order), no mail below every share.
 */
function sortKey(
  column: DetailsColumn,
  date: number,
  counts: ArrayLike<number>,
  base: number,
  forced: number,
  rank: number,
): number {
  switch (column) {
    case 'date':
      return date;
    case 'connector':
    case 'type':
      return rank;
    case 'forcedTls':
      // '' < 'False' < 'True', as the column's text sorts.
      return forced + 1;
    default: {
      let messages = 0;
      for (let bucket = 0; bucket < BUCKETS; bucket++) messages += counts[base + bucket] as number;
      if (column === 'volume') return messages;
      return messages === 0 ? -1 : (counts[base + TLS_BUCKETS.indexOf(column)] as number) / messages;
    }
  }
}

/**
 * The first `limit` of `count` items in `compare` order (by index): a bounded heap, so a page of
 * 250 out of 146,000 rows costs one comparison for most rows, not a full sort.
 */
export function firstInOrder(
  count: number,
  limit: number,
  compare: (a: number, b: number) => number,
): number[] {
  if (limit >= count) return Array.from({ length: count }, (_, index) => index).sort(compare);
  const size = Math.max(0, Math.floor(limit));
  if (size === 0) return [];
  // A max-heap of the best `size` so far: its root is the worst of them.
  const heap: number[] = [];
  const siftDown = (start: number) => {
    let at = start;
    for (;;) {
      const left = at * 2 + 1;
      const right = left + 1;
      let worst = at;
      if (left < heap.length && compare(heap[left] as number, heap[worst] as number) > 0) worst = left;
      if (right < heap.length && compare(heap[right] as number, heap[worst] as number) > 0) worst = right;
      if (worst === at) return;
      [heap[at], heap[worst]] = [heap[worst] as number, heap[at] as number];
      at = worst;
    }
  };
  for (let item = 0; item < count; item++) {
    if (heap.length < size) {
      heap.push(item);
      let at = heap.length - 1;
      while (at > 0) {
        const parent = (at - 1) >> 1;
        if (compare(heap[at] as number, heap[parent] as number) <= 0) break;
        [heap[at], heap[parent]] = [heap[parent] as number, heap[at] as number];
        at = parent;
      }
    } else if (compare(item, heap[0] as number) < 0) {
      heap[0] = item;
      siftDown(0);
    }
  }
  return heap.sort(compare);
}

function detailsRowAt(columns: RecordColumns, block: RecordBlock, index: number): DetailsRow {
  const path = columns.paths[block.paths[index] as number] as ConnectorPath;
  const tls = countsAt(block.counts, index * BUCKETS);
  return {
    date: dateOf(block.month, block.days[index] as number),
    direction: path.direction,
    connector: path.connector,
    connectorType: path.connectorType,
    forcedTls: forcedValue(block.forced[index] as number),
    messages: messageCount(tls),
    tls,
    shares: displayShares(tls),
  };
}

/** Every details row of a range and selection, in date × connector order. */
export function detailsRows(
  records: readonly MailflowRecord[],
  range: DateRange,
  selection: ConnectorSelection,
): DetailsRow[] {
  return detailsPage(records, range, selection).rows;
}

/** The columns shown for these rows: the portal's nine, plus TLS 1.3 when any row has some. */
export function detailsColumns(rows: readonly DetailsRow[]): DetailsColumn[] {
  return columnsFor(rows.some((row) => row.tls['tls1.3'] > 0));
}

function columnsFor(withTls13: boolean): DetailsColumn[] {
  return [
    'date',
    'connector',
    'type',
    'forcedTls',
    'none',
    'tls1.0',
    'tls1.1',
    'tls1.2',
    ...(withTls13 ? (['tls1.3'] as const) : []),
    'volume',
  ];
}

/** "Inbound - Fabrikam Partner In", as the portal's export writes the path. */
export function pathText(row: Pick<DetailsRow, 'direction' | 'connector'>): string {
  return `${DIRECTION_LABELS[row.direction]} - ${connectorLabel(row.direction, row.connector)}`;
}

export function forcedTlsText(forcedTls: boolean | null): string {
  return forcedTls === null ? '' : forcedTls ? 'True' : 'False';
}

/** A share cell as the portal's export writes it; zero messages is the spec's em dash. */
export function shareText(share: number | null): string {
  return share === null ? '—' : `${share.toFixed(1)}%`;
}

/**
 * A row's value in one column, as every surface starts from it (table, sort, CSV): text for the
 * text columns, the message count for Volume, the shown share (null for no messages) for the rest.
 */
export function detailsCellValue(row: DetailsRow, column: DetailsColumn): string | number | null {
  switch (column) {
    case 'date':
      return row.date;
    case 'connector':
      return pathText(row);
    case 'type':
      return row.connectorType ?? '';
    case 'forcedTls':
      return forcedTlsText(row.forcedTls);
    case 'volume':
      return row.messages;
    default:
      return row.shares[column];
  }
}
