/**
 * Which format a file is, from its header cells alone (never the file name), and which column holds
 * which field. Three shapes carry message counts per TLS version:
 *   - one column per TLS version plus a volume           → A, the portal's connector report;
 *   - one TLS column plus a message count per row        → D, our exact counts (and aggregated B);
 *   - one TLS column, no count: one row is one message   → B, a per-message historical search.
 */
import { TLS_BUCKETS, type TlsBucket } from '../model.js';
import type { ColumnMap, FormatId, MappableField } from './types.js';
import { type ColumnField, columnLabelOf, foldLabel, type LabelLanguage } from './vocabulary.js';

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
  /** Mapped labels that name no column of this header (a mapping made for another file). */
  unmatched: string[];
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

function isSmtpAuthClients(columns: ColumnIndexes): boolean {
  return (
    columns.sender !== undefined &&
    hasTlsColumns(columns) &&
    columns.date === undefined &&
    !hasDirection(columns) &&
    columns.connector === undefined
  );
}

/** Every field a person can map, in the order a mapping form asks for them. */
export const MAPPABLE_FIELDS: readonly MappableField[] = [
  'date',
  'directionAndName',
  'direction',
  'connector',
  'connectorType',
  'forcedTls',
  'tls:none',
  'tls:tls1.0',
  'tls:tls1.1',
  'tls:tls1.2',
  'tls:tls1.3',
  'tls',
  'volume',
];

/** A header as one stable string: its folded labels in order, so spelling noise does not matter. */
export function headerSignature(cells: readonly string[]): string {
  return cells.map((cell) => foldLabel(cell)).join('|');
}

/** The header cell a mapped label names: as written, else ignoring case, else folded. */
function indexOfLabel(cells: readonly string[], label: string): number {
  const wanted = label.trim();
  const exact = cells.findIndex((cell) => cell.trim() === wanted);
  if (exact !== -1) return exact;
  const lower = wanted.toLowerCase();
  const caseless = cells.findIndex((cell) => cell.trim().toLowerCase() === lower);
  if (caseless !== -1) return caseless;
  const folded = foldLabel(wanted);
  return folded === '' ? -1 : cells.findIndex((cell) => foldLabel(cell) === folded);
}

/**
 * The person's mapping over the recognised labels: a mapped field takes its column, a column taken
 * that way loses whatever field was guessed for it, and an empty label says "not in this file".
 */
function applyColumnMap(cells: readonly string[], columns: ColumnIndexes, columnMap: ColumnMap): string[] {
  const unmatched: string[] = [];
  for (const [field, label] of Object.entries(columnMap) as [MappableField, string | undefined][]) {
    if (label === undefined) continue;
    if (label.trim() === '') {
      delete columns[field];
      continue;
    }
    const index = indexOfLabel(cells, label);
    if (index === -1) {
      unmatched.push(`'${label}' (for ${field})`);
      continue;
    }
    for (const guessed of Object.keys(columns) as ColumnField[]) {
      if (columns[guessed] === index && columnMap[guessed as MappableField] === undefined)
        delete columns[guessed];
    }
    columns[field] = index;
  }
  return unmatched;
}

/** What the labels alone say: each field's first column, and the languages the labels are in. */
function recogniseLabels(cells: readonly string[]): {
  columns: ColumnIndexes;
  languages: Map<LabelLanguage, number>;
} {
  const columns: ColumnIndexes = {};
  const languages = new Map<LabelLanguage, number>();
  cells.forEach((cell, index) => {
    const label = columnLabelOf(cell);
    if (label === null || columns[label.field] !== undefined) return;
    columns[label.field] = index;
    if (label.language !== null) languages.set(label.language, (languages.get(label.language) ?? 0) + 1);
  });
  return { columns, languages };
}

/** The mapping the labels suggest on their own: what a mapping form starts from. */
export function guessColumnMap(cells: readonly string[]): ColumnMap {
  const { columns } = recogniseLabels(cells);
  const guess: ColumnMap = {};
  for (const [field, index] of Object.entries(columns) as [ColumnField, number][]) {
    if (field === 'sender' || field === 'recipient' || field === 'messageId' || field === 'tls:unknown')
      continue;
    guess[field] = (cells[index] ?? '').trim();
  }
  return guess;
}

export function detectHeader(
  cells: readonly string[],
  columnMap: ColumnMap = {},
): RecognisedHeader | UnrecognisedHeader {
  const { columns, languages } = recogniseLabels(cells);
  const unmatched = applyColumnMap(cells, columns, columnMap);
  let format: FormatId;
  // E, the SMTP AUTH clients report: TLS shares per sender address, no day and no direction. Told
  // apart from a connector report with odd labels so it is not offered a column mapping.
  if (isSmtpAuthClients(columns)) {
    return { format: 'smtp-auth-clients', columns, labels: cells.map((cell) => cell.trim()), language: null };
  }
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
    return { format: null, missing: closest ?? [], unmatched };
  }
  const missing = missingFor(format, columns);
  if (missing.length > 0 || unmatched.length > 0) return { format: null, missing, unmatched };
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
