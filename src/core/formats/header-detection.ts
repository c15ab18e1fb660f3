/**
 * Which format a file is, from its header cells alone (never the file name), and which column holds
 * which field. Three shapes carry message counts per TLS version:
 *   - one column per TLS version plus a volume           → A, the portal's connector report;
 *   - one TLS column plus a message count per row        → D, our exact counts (and aggregated B);
 *   - one TLS column, no count: one row is one message   → B, a per-message historical search.
 */
import { TLS_BUCKETS, type TlsBucket } from '../model.js';
import type { FormatId } from './types.js';
import { type ColumnField, columnLabelOf, type LabelLanguage } from './vocabulary.js';

export type ColumnIndexes = Partial<Record<ColumnField, number>>;

export interface RecognisedHeader {
  format: FormatId;
  columns: ColumnIndexes;
  /** The header cells as written, to name a column in a rejection reason. */
  labels: string[];
  /** The language the labels are in, when they say (French and German write dates d/M). */
  language: LabelLanguage | null;
}

export interface UnrecognisedHeader {
  format: null;
  /** The required fields no column was found for, in the words of the closest format. */
  missing: string[];
}

interface Requirement {
  name: string;
  met: (columns: ColumnIndexes) => boolean;
}

const has = (field: ColumnField) => (columns: ColumnIndexes) => columns[field] !== undefined;
const hasDirection = (columns: ColumnIndexes) =>
  columns.directionAndName !== undefined || columns.direction !== undefined;
const hasTlsColumns = (columns: ColumnIndexes) =>
  TLS_BUCKETS.some((bucket) => columns[`tls:${bucket}`] !== undefined);

const REQUIREMENTS: { format: FormatId; requirements: Requirement[] }[] = [
  {
    format: 'connector-report',
    requirements: [
      { name: 'Date', met: has('date') },
      { name: 'Connector direction and name', met: hasDirection },
      { name: 'TLS columns (No TLS, TLS 1.0, TLS 1.1, TLS 1.2)', met: hasTlsColumns },
      { name: 'Volume', met: has('volume') },
    ],
  },
  {
    format: 'exact-counts',
    requirements: [
      { name: 'Date', met: has('date') },
      { name: 'Direction', met: hasDirection },
      { name: 'TLS', met: has('tls') },
      { name: 'Messages', met: has('volume') },
    ],
  },
  {
    format: 'message-trace',
    requirements: [
      { name: 'Date', met: has('date') },
      { name: 'Direction', met: hasDirection },
      { name: 'TLS', met: has('tls') },
      {
        name: 'Connector name or type',
        met: (columns) => columns.connector !== undefined || columns.connectorType !== undefined,
      },
    ],
  },
];

function missingFor(format: FormatId, columns: ColumnIndexes): string[] {
  const entry = REQUIREMENTS.find((candidate) => candidate.format === format);
  return (entry?.requirements ?? [])
    .filter((requirement) => !requirement.met(columns))
    .map(({ name }) => name);
}

function languageOf(counts: Map<LabelLanguage, number>): LabelLanguage | null {
  let best: LabelLanguage | null = null;
  let bestCount = 0;
  let tie = false;
  for (const [language, count] of counts) {
    if (count > bestCount) {
      best = language;
      bestCount = count;
      tie = false;
    } else if (count === bestCount) {
      tie = true;
    }
  }
  return tie ? null : best;
}

export function detectHeader(cells: readonly string[]): RecognisedHeader | UnrecognisedHeader {
  const columns: ColumnIndexes = {};
  const languages = new Map<LabelLanguage, number>();
  cells.forEach((cell, index) => {
    const label = columnLabelOf(cell);
    if (label === null || columns[label.field] !== undefined) return;
    columns[label.field] = index;
    if (label.language !== null) languages.set(label.language, (languages.get(label.language) ?? 0) + 1);
  });
  let format: FormatId;
  if (hasTlsColumns(columns)) format = 'connector-report';
  else if (columns.tls !== undefined && columns.volume !== undefined) format = 'exact-counts';
  else if (columns.tls !== undefined) format = 'message-trace';
  else {
    // Nothing says which format: name what is missing for the closest one (fewest gaps, A first).
    let closest: string[] | null = null;
    for (const { format: candidate } of REQUIREMENTS) {
      const missing = missingFor(candidate, columns);
      if (closest === null || missing.length < closest.length) closest = missing;
    }
    return { format: null, missing: closest ?? [] };
  }
  const missing = missingFor(format, columns);
  if (missing.length > 0) return { format: null, missing };
  return { format, columns, labels: cells.map((cell) => cell.trim()), language: languageOf(languages) };
}

/** The bucket columns present, in bucket order. */
export function tlsColumnsOf(columns: ColumnIndexes): { bucket: TlsBucket; index: number }[] {
  const found: { bucket: TlsBucket; index: number }[] = [];
  for (const bucket of TLS_BUCKETS) {
    const index = columns[`tls:${bucket}`];
    if (index !== undefined) found.push({ bucket, index });
  }
  return found;
}
