/**
 * CSV files a person downloads: the details table as shown (format A, so it re-imports) and the
 * exact counts (format D). RFC 4180 quoting, CRLF line ends, and every text cell that a
 * spreadsheet would run as a formula is neutralised: connector names come from other people.
 */
import { DETAILS_COLUMN_LABELS, type DetailsColumn, type DetailsRow, detailsCellValue } from './details.js';
import type { DateRange, TlsBucket } from './model.js';

/** Characters a spreadsheet reads as the start of a formula (OWASP "CSV injection"). */
const FORMULA_STARTS = new Set(['=', '+', '-', '@', '\t', '\r']);
const PLAIN_NUMBER = /^[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?%?$/;

/** One cell: a quote in front of a would-be formula, and RFC 4180 quotes when needed. */
export function csvCell(value: string | number): string {
  let text = String(value);
  let quote = false;
  if (text !== '' && FORMULA_STARTS.has(text[0] as string) && !PLAIN_NUMBER.test(text)) {
    text = `'${text}`;
    quote = true;
  }
  if (quote || /[",\r\n]/.test(text)) return `"${text.replaceAll('"', '""')}"`;
  return text;
}

export function csvDocument(rows: readonly (readonly (string | number)[])[]): string {
  return `${rows.map((row) => row.map(csvCell).join(',')).join('\r\n')}\r\n`;
}

/**
 * The details table as shown, in the portal's English columns. Zero-message share cells are left
 * empty rather than "—", because a dash is not a number to format A's reader.
 */
export function detailsCsv(rows: readonly DetailsRow[], columns: readonly DetailsColumn[]): string {
  const cell = (row: DetailsRow, column: DetailsColumn): string | number => {
    const value = detailsCellValue(row, column);
    if (value === null) return '';
    return typeof value === 'number' && column !== 'volume' ? `${value.toFixed(1)}%` : value;
  };
  return csvDocument([
    columns.map((column) => DETAILS_COLUMN_LABELS[column]),
    ...rows.map((row) => columns.map((column) => cell(row, column))),
  ]);
}

/** Format D's spelling of each bucket, in the order rows are written. */
const EXACT_TLS_VALUES: readonly [TlsBucket, string][] = [
  ['tls1.3', 'TLS1.3'],
  ['tls1.2', 'TLS1.2'],
  ['tls1.1', 'TLS1.1'],
  ['tls1.0', 'TLS1.0'],
  ['none', 'none'],
  ['unknown', 'unknown'],
];

export const EXACT_COUNTS_HEADER = [
  'date',
  'direction',
  'connector',
  'connector_type',
  'forced_tls',
  'tls',
  'messages',
] as const;

/** Format D: one row per non-zero bucket of every record, so nothing is lost to rounding. */
export function exactCountsCsv(rows: readonly DetailsRow[]): string {
  const lines: (string | number)[][] = [[...EXACT_COUNTS_HEADER]];
  for (const row of rows) {
    for (const [bucket, value] of EXACT_TLS_VALUES) {
      const messages = row.tls[bucket];
      if (messages === 0) continue;
      lines.push([
        row.date,
        row.direction,
        row.connector ?? '',
        row.connectorType ?? '',
        row.forcedTls === null ? '' : String(row.forcedTls),
        value,
        messages,
      ]);
    }
  }
  return csvDocument(lines);
}

export type ExportKind = 'details' | 'counts';

/** `mailflow-lens_default_2025-03-01_2025-03-07_details.csv`: says which data and which days. */
export function exportFileName(dataset: string, range: DateRange, kind: ExportKind): string {
  const safeDataset = dataset.replace(/[^A-Za-z0-9_-]+/g, '-').replace(/^-+|-+$/g, '') || 'dataset';
  return `mailflow-lens_${safeDataset}_${range.from}_${range.to}_${kind}.csv`;
}
