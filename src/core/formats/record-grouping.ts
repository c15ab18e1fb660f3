/**
 * Rows to records: every reader hands its good rows here, keyed by (date cell, direction,
 * connector), and the counts of rows with the same key add up. Dates stay as parsed cells until
 * the file's day/month order is known, then groups that land on the same calendar date merge.
 */
import {
  addCounts,
  type ConnectorType,
  type Direction,
  emptyCounts,
  type MailflowRecord,
  recordKey,
  type TlsBucket,
  type TlsCounts,
} from '../model.js';
import { type DateCell, type DateOrder, resolveDate } from './date-cells.js';
import type { FormatReaderResult } from './format-reader.js';
import { ownString, type RowReading } from './row-reading.js';

/** The path of a row: what, with its date, makes the record key. */
export interface GroupedPath {
  direction: Direction;
  connector: string | null;
  connectorType: ConnectorType | null;
}

const RECENT_GROUPS = 256;

/** Distinct for every (year, first, second, order, shift): shifts are -1..1, fields below 100. */
function dateKeyOf(cell: DateCell): number {
  return (
    ((cell.year * 100 + cell.first) * 100 + cell.second) * 10 + (cell.yearFirst ? 5 : 0) + cell.dayShift + 1
  );
}

export class RecordGrouper {
  /** Date cell → direction → connector (`\u0001` for none) → group: lookups without building a key string per row. */
  private readonly byDate = new Map<number, Map<string, Map<string, MailflowRecord>>>();
  /**
   * One record per group, in the order the groups first appeared; its `date` is only written by
   * records(), once the day/month order is known. The records are the groups, so a file's
   * records are not built a second time at the end.
   */
  private readonly groups: MailflowRecord[] = [];
  /** The date cell of each group's first row, by the group's index. */
  private readonly groupCells: DateCell[] = [];
  /** Connector names as kept in groups: one copy per name, not one per group. */
  private readonly ownedNames = new Map<string, string>();
  /**
   * The groups rows hit lately, direct-mapped by date and connector name: a per-message file sends
   * every row here, and a hit costs a few comparisons instead of three Map lookups, one of which
   * hashes the freshly sliced connector name.
   */
  private readonly recentDates = new Float64Array(RECENT_GROUPS);
  private readonly recentGroups: (MailflowRecord | null)[] = new Array(RECENT_GROUPS).fill(null);

  private groupFor(
    cell: DateCell,
    direction: Direction,
    name: string | null,
    connectorType: ConnectorType | null,
    forcedTls: boolean | null,
  ): MailflowRecord {
    const dateKey = dateKeyOf(cell);
    const slot =
      (dateKey +
        (name === null || name.length === 0
          ? 0
          : name.length * 31 + name.charCodeAt(0) * 7 + name.charCodeAt(name.length - 1)) +
        (direction === 'inbound' ? 0 : 17)) &
      (RECENT_GROUPS - 1);
    const recent = this.recentGroups[slot];
    if (
      recent != null &&
      this.recentDates[slot] === dateKey &&
      recent.connector === name &&
      recent.direction === direction
    ) {
      recent.connectorType ??= connectorType;
      recent.forcedTls ??= forcedTls;
      return recent;
    }
    const group = this.lookUp(dateKey, cell, direction, name, connectorType, forcedTls);
    this.recentDates[slot] = dateKey;
    this.recentGroups[slot] = group;
    return group;
  }

  private lookUp(
    dateKey: number,
    cell: DateCell,
    direction: Direction,
    name: string | null,
    connectorType: ConnectorType | null,
    forcedTls: boolean | null,
  ): MailflowRecord {
    let byDirection = this.byDate.get(dateKey);
    if (byDirection === undefined) {
      byDirection = new Map();
      this.byDate.set(dateKey, byDirection);
    }
    let byConnector = byDirection.get(direction);
    if (byConnector === undefined) {
      byConnector = new Map();
      byDirection.set(direction, byConnector);
    }
    const connectorKey = name ?? '\u0001';
    let group = byConnector.get(connectorKey);
    if (group === undefined) {
      group = {
        date: '',
        direction,
        connector: name === null ? null : this.ownedName(name),
        connectorType,
        forcedTls,
        counts: emptyCounts(),
      };
      byConnector.set(group.connector ?? '\u0001', group);
      this.groups.push(group);
      this.groupCells.push(cell);
    } else {
      group.connectorType ??= connectorType;
      group.forcedTls ??= forcedTls;
    }
    return group;
  }

  /** Kept for the whole file: a copy, not a view that pins the chunk it came from. */
  private ownedName(name: string): string {
    let owned = this.ownedNames.get(name);
    if (owned === undefined) {
      owned = ownString(name);
      this.ownedNames.set(owned, owned);
    }
    return owned;
  }

  /** The counts of the record a row belongs to, for the caller to add the row's messages to. */
  countsFor(
    cell: DateCell,
    direction: Direction,
    connector: string | null,
    connectorType: ConnectorType | null,
    forcedTls: boolean | null,
  ): TlsCounts {
    return this.groupFor(cell, direction, connector, connectorType, forcedTls).counts;
  }

  addMessages(
    cell: DateCell,
    path: GroupedPath,
    forcedTls: boolean | null,
    bucket: TlsBucket,
    messages: number,
  ): void {
    this.groupFor(cell, path.direction, path.connector, path.connectorType, forcedTls).counts[bucket] +=
      messages;
  }

  /** One record per (date, direction, connector), in the order the keys first appeared. */
  records(order: DateOrder): MailflowRecord[] {
    const dates = new Map<DateCell, string | null>();
    // Groups are distinct per (date key, direction, connector) already, so they need merging only
    // when two date keys land on the same date (`3/3/2025` next to `2025-03-03`, or a zone that
    // moves a timestamp into the next day); otherwise no record key string is built at all.
    const dateKeys = new Map<string, number>();
    let sameDateTwice = false;
    let undated = false;
    for (let index = 0; index < this.groups.length; index++) {
      const cell = this.groupCells[index] as DateCell;
      let date = dates.get(cell);
      if (date === undefined) {
        // Cells were checked against the order when it was chosen, so this resolves.
        date = resolveDate(cell, order);
        dates.set(cell, date);
        const dateKey = date === null ? undefined : dateKeys.get(date);
        if (date !== null && dateKey === undefined) dateKeys.set(date, dateKeyOf(cell));
        else if (dateKey !== undefined && dateKey !== dateKeyOf(cell)) sameDateTwice = true;
      }
      if (date === null) undated = true;
      else (this.groups[index] as MailflowRecord).date = date;
    }
    const records = undated
      ? this.groups.filter((_, index) => dates.get(this.groupCells[index] as DateCell) !== null)
      : this.groups;
    return sameDateTwice ? mergeSameKeys(records) : records;
  }

  /** The file's records once its day/month order is decided, or the whole-file error that stops it. */
  finish(reading: RowReading): FormatReaderResult {
    const decided = reading.dateOrder();
    if ('error' in decided) return { records: [], rejected: [], error: decided.error, needs: 'dateOrder' };
    return { records: this.records(decided.order), rejected: reading.sortedRejections(), error: null };
  }
}

/** Records with the same key added into the first of them, which keeps its place. */
function mergeSameKeys(records: readonly MailflowRecord[]): MailflowRecord[] {
  const byKey = new Map<string, MailflowRecord>();
  for (const record of records) {
    const key = recordKey(record);
    const existing = byKey.get(key);
    if (existing === undefined) {
      byKey.set(key, record);
    } else {
      addCounts(existing.counts, record.counts);
      existing.connectorType ??= record.connectorType;
      existing.forcedTls ??= record.forcedTls;
    }
  }
  return [...byKey.values()];
}
