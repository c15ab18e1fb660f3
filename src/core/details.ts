/**
 * The connector report's details table: one row per date × connector, the portal's nine columns
 * (plus TLS 1.3 when the range has any), shares as the one-decimal split a person sees.
 */
import { compareConnectors } from './aggregate.js';
import {
  type ConnectorType,
  type DateRange,
  type Direction,
  type MailflowRecord,
  messageCount,
  type TlsBucket,
  type TlsCounts,
} from './model.js';
import { type ConnectorSelection, connectorLabel, DIRECTION_LABELS, selectionMatches } from './selection.js';
import { type DisplayShares, displayShares } from './shares.js';

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

function detailsRowOf(record: MailflowRecord): DetailsRow {
  return {
    date: record.date,
    direction: record.direction,
    connector: record.connector,
    connectorType: record.connectorType,
    forcedTls: record.forcedTls,
    messages: messageCount(record.counts),
    tls: { ...record.counts },
    shares: displayShares(record.counts),
  };
}

/**
 * What a record sorts by in a column, without building its row: share columns sort by the exact
 * fraction (the shown one-decimal shares follow the same order), no mail below every share.
 */
function recordSortKey(record: MailflowRecord, column: DetailsColumn): string | number {
  switch (column) {
    case 'date':
      return record.date;
    case 'connector':
      return pathText(record);
    case 'type':
      return record.connectorType ?? '';
    case 'forcedTls':
      return forcedTlsText(record.forcedTls);
    case 'volume':
      return messageCount(record.counts);
    default: {
      const messages = messageCount(record.counts);
      return messages === 0 ? -1 : record.counts[column] / messages;
    }
  }
}

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
  const matching = records.filter(
    (record) => record.date >= range.from && record.date <= range.to && selectionMatches(selection, record),
  );
  const sign = sort.direction === 'ascending' ? 1 : -1;
  const keyed = matching.map((record) => ({ record, key: recordSortKey(record, sort.column) }));
  keyed.sort((a, b) => {
    if (a.key !== b.key) return (a.key < b.key ? -1 : 1) * sign;
    if (a.record.date !== b.record.date) return a.record.date < b.record.date ? -1 : 1;
    return compareConnectors(a.record, b.record);
  });
  return {
    rows: keyed.slice(0, limit).map(({ record }) => detailsRowOf(record)),
    total: matching.length,
    columns: columnsFor(matching.some((record) => record.counts['tls1.3'] > 0)),
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

export type SortDirection = 'ascending' | 'descending';

export interface DetailsSort {
  column: DetailsColumn;
  direction: SortDirection;
}

export const DEFAULT_DETAILS_SORT: DetailsSort = { column: 'date', direction: 'ascending' };

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
