/**
 * The records everything else is built from: one per (dataset, date, direction, connector).
 * Pure data, no browser or Node APIs, so the worker, the pages and the CLI share it.
 */

/** Bucket order is normative: it is the tie order of every largest-remainder split. */
export const TLS_BUCKETS = ['tls1.3', 'tls1.2', 'tls1.1', 'tls1.0', 'none', 'unknown'] as const;
export type TlsBucket = (typeof TLS_BUCKETS)[number];

/** The five buckets the portal's widget shows, in its order. */
export const SHOWN_TLS_BUCKETS = ['tls1.3', 'tls1.2', 'tls1.1', 'tls1.0', 'none'] as const;

export const TLS_LABELS: Record<TlsBucket, string> = {
  'tls1.3': 'TLS 1.3',
  'tls1.2': 'TLS 1.2',
  'tls1.1': 'TLS 1.1',
  'tls1.0': 'TLS 1.0',
  none: 'No TLS',
  unknown: 'Unknown',
};

export const DIRECTIONS = ['inbound', 'outbound'] as const;
export type Direction = (typeof DIRECTIONS)[number];

export type ConnectorType = 'Partner' | 'OnPremises';

export type TlsCounts = Record<TlsBucket, number>;

export interface MailflowRecord {
  /** Calendar date as YYYY-MM-DD (UTC date when the source had a zone). */
  date: string;
  direction: Direction;
  /** Connector name, or null for mail that used no connector. */
  connector: string | null;
  connectorType: ConnectorType | null;
  forcedTls: boolean | null;
  counts: TlsCounts;
}

export function emptyCounts(): TlsCounts {
  // Key order as in the CLI contract's JSON; the tie order of splits is TLS_BUCKETS, not this.
  return { none: 0, 'tls1.0': 0, 'tls1.1': 0, 'tls1.2': 0, 'tls1.3': 0, unknown: 0 };
}

// Written out bucket by bucket: these run once per record in every aggregate (146,000 times for a
// year of a large tenant), and fixed property names keep them several times faster than a loop
// over TLS_BUCKETS with computed keys.
export function messageCount(counts: TlsCounts): number {
  return (
    counts.none + counts['tls1.0'] + counts['tls1.1'] + counts['tls1.2'] + counts['tls1.3'] + counts.unknown
  );
}

export function addCounts(into: TlsCounts, from: TlsCounts): void {
  into.none += from.none;
  into['tls1.0'] += from['tls1.0'];
  into['tls1.1'] += from['tls1.1'];
  into['tls1.2'] += from['tls1.2'];
  into['tls1.3'] += from['tls1.3'];
  into.unknown += from.unknown;
}

/** The identity a re-import replaces: two records with the same key are the same day of the same path. */
export function recordKey(record: Pick<MailflowRecord, 'date' | 'direction' | 'connector'>): string {
  return `${record.date}\u0000${record.direction}\u0000${record.connector ?? ''}`;
}

/** One line of input that could not be used, reported to the person as it is. */
export interface RejectedLine {
  file: string;
  /** 1-based physical line number in the file; 0 when the whole file was rejected. */
  line: number;
  reason: string;
}

export interface DateRange {
  from: string;
  to: string;
}
