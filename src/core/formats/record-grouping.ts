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

interface Group {
  cell: DateCell;
  direction: Direction;
  connector: string | null;
  connectorType: ConnectorType | null;
  forcedTls: boolean | null;
  counts: TlsCounts;
}

/** The path of a row: what, with its date, makes the record key. */
export interface GroupedPath {
  direction: Direction;
  connector: string | null;
  connectorType: ConnectorType | null;
}

const RECENT_GROUPS = 256;

export class RecordGrouper {
  /** Date cell → direction → connector (`\u0001` for none) → group: lookups without building a key string per row. */
  private readonly byDate = new Map<number, Map<string, Map<string, Group>>>();
  private readonly groups: Group[] = [];
  /**
   * The groups rows hit lately, direct-mapped by date and connector name: a per-message file sends
   * every row here, and a hit costs a few comparisons instead of three Map lookups, one of which
   * hashes the freshly sliced connector name.
   */
  private readonly recentDates = new Float64Array(RECENT_GROUPS);
  private readonly recentGroups: (Group | null)[] = new Array(RECENT_GROUPS).fill(null);

  private groupFor(
    cell: DateCell,
    direction: Direction,
    name: string | null,
    connectorType: ConnectorType | null,
    forcedTls: boolean | null,
  ): Group {
    // Distinct for every (year, first, second, order, shift): shifts are -1..1, fields below 100.
    const dateKey =
      ((cell.year * 100 + cell.first) * 100 + cell.second) * 10 +
      (cell.yearFirst ? 5 : 0) +
      cell.dayShift +
      1;
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
  ): Group {
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
        cell,
        direction,
        // Kept for the whole file: a copy, not a view that pins the chunk it came from.
        connector: name === null ? null : ownString(name),
        connectorType,
        forcedTls,
        counts: emptyCounts(),
      };
      byConnector.set(group.connector ?? '\u0001', group);
      this.groups.push(group);
    } else {
      group.connectorType ??= connectorType;
      group.forcedTls ??= forcedTls;
    }
    return group;
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
    const records = new Map<string, MailflowRecord>();
    for (const group of this.groups) {
      // Cells were checked against the order when it was chosen, so this resolves.
      const date = resolveDate(group.cell, order);
      if (date === null) continue;
      const record: MailflowRecord = {
        date,
        direction: group.direction,
        connector: group.connector,
        connectorType: group.connectorType,
        forcedTls: group.forcedTls,
        counts: group.counts,
      };
      const key = recordKey(record);
      const existing = records.get(key);
      if (existing === undefined) {
        records.set(key, record);
      } else {
        addCounts(existing.counts, record.counts);
        existing.connectorType ??= record.connectorType;
        existing.forcedTls ??= record.forcedTls;
      }
    }
    return [...records.values()];
  }

  /** The file's records once its day/month order is decided, or the whole-file error that stops it. */
  finish(reading: RowReading): FormatReaderResult {
    const decided = reading.dateOrder();
    if ('error' in decided) return { records: [], rejected: [], error: decided.error, needs: 'dateOrder' };
    return { records: this.records(decided.order), rejected: reading.sortedRejections(), error: null };
  }
}
