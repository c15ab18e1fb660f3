/**
 * Format A, the portal's "Connector report details" export: one row per day and connector, one
 * column per TLS version and a Volume. Whether the TLS cells are percentages or message counts is
 * not written anywhere, so it is decided once for the whole file (product.md, "Percent or count")
 * after every row has been seen; rows wait here as numbers until then.
 */
import { emptyCounts, type TlsBucket, type TlsCounts } from '../model.js';
import { sharesToCounts } from '../shares.js';
import type { DateCell } from './date-cells.js';
import { type FormatReader, readRow } from './format-reader.js';
import { tlsColumnsOf } from './header-detection.js';
import { hasPercentSign, parseLocaleNumber } from './numbers.js';
import { RecordGrouper } from './record-grouping.js';
import { type RowPath, RowProblem, type RowReading } from './row-reading.js';
import { messageCountOf } from './value-cells.js';
import { forcedTlsOf } from './vocabulary.js';

export type TlsCellMeaning = 'share' | 'count';

interface PendingRow {
  line: number;
  cell: DateCell;
  path: RowPath;
  forcedTls: boolean | null;
  volume: number;
  /** Per TLS column (header order of `tlsColumnsOf`), read as a percentage and as a count. */
  shares: number[];
  counts: number[];
  /** Raw cells, to name one in a reason. */
  texts: string[];
  /** No TLS cell had anything in it: the volume goes to `unknown` whatever the meaning. */
  blank: boolean;
}

const ASK = 'choose share or count (CLI: --tls-cells share|count)';

function sum(values: readonly number[]): number {
  let total = 0;
  for (const value of values) total += value;
  return total;
}

/**
 * The file-level rule: a `%` anywhere means shares; else, if every row adds up to 100 (±1, or 0)
 * and some volume is not itself near 100, shares; else, if every row adds up to its volume
 * (±0.5), counts; else the person has to say.
 */
export function decideTlsCellMeaning(
  rows: readonly PendingRow[],
  anyPercent: boolean,
): { meaning: TlsCellMeaning } | { error: string } {
  if (anyPercent) return { meaning: 'share' };
  const judged = rows.filter((row) => !row.blank);
  if (judged.length === 0) return { meaning: 'share' };
  const addsUpTo100 = judged.every((row) => {
    const total = sum(row.shares);
    return total === 0 || Math.abs(total - 100) <= 1;
  });
  if (addsUpTo100 && judged.some((row) => Math.abs(row.volume - 100) > 1)) return { meaning: 'share' };
  const misfit = judged.find((row) => Math.abs(sum(row.counts) - row.volume) > 0.5);
  if (misfit === undefined) return { meaning: 'count' };
  return {
    error: `cannot tell whether the TLS cells are percentages or message counts: line ${misfit.line} adds up to ${sum(misfit.shares)}, neither 100 nor its volume ${misfit.volume}; ${ASK}`,
  };
}

function countsOf(
  row: PendingRow,
  meaning: TlsCellMeaning,
  buckets: readonly TlsBucket[],
  labels: string[],
): TlsCounts {
  if (row.blank) {
    const counts = emptyCounts();
    counts.unknown = row.volume;
    return counts;
  }
  if (meaning === 'share') {
    const shares: Partial<Record<TlsBucket, number>> = {};
    buckets.forEach((bucket, index) => {
      shares[bucket] = row.shares[index] ?? 0;
    });
    return sharesToCounts(row.volume, shares);
  }
  const counts = emptyCounts();
  buckets.forEach((bucket, index) => {
    const count = row.counts[index] ?? 0;
    if (!Number.isInteger(count))
      throw new RowProblem(`${labels[index]}: '${row.texts[index]}' is not a whole number`);
    counts[bucket] = count;
  });
  const total = sum(row.counts);
  if (total > row.volume) {
    throw new RowProblem(`TLS cells add up to ${total} messages, more than the volume ${row.volume}`);
  }
  // Messages the TLS cells do not account for are of unknown protection, not dropped.
  counts.unknown += row.volume - total;
  return counts;
}

export function createConnectorReportReader(reading: RowReading): FormatReader {
  const tlsColumns = tlsColumnsOf(reading.header.columns);
  const buckets = tlsColumns.map(({ bucket }) => bucket);
  const labels = tlsColumns.map(({ index }) => reading.header.labels[index] ?? '');
  const pending: PendingRow[] = [];
  let anyPercent = false;

  return {
    row(fields, line) {
      readRow(reading, line, () => {
        const cell = reading.date(fields, line);
        const path = reading.path(fields);
        const volume = messageCountOf(reading, fields);
        const shares: number[] = [];
        const counts: number[] = [];
        const texts: string[] = [];
        let blank = true;
        tlsColumns.forEach(({ index }, column) => {
          const text = (fields[index] ?? '').trim();
          texts.push(text);
          if (text === '') {
            shares.push(0);
            counts.push(0);
            return;
          }
          blank = false;
          const share = parseLocaleNumber(text, 'share');
          if (Number.isNaN(share)) throw new RowProblem(`${labels[column]}: '${text}' is not a number`);
          if (hasPercentSign(text)) anyPercent = true;
          shares.push(share);
          counts.push(parseLocaleNumber(text, 'count'));
        });
        const forcedTls = forcedTlsOf(reading.cell(fields, 'forcedTls'));
        pending.push({ line, cell, path, forcedTls, volume, shares, counts, texts, blank });
      });
    },
    finish() {
      const override = reading.options.tlsCells;
      const decided =
        override !== undefined ? { meaning: override } : decideTlsCellMeaning(pending, anyPercent);
      if ('error' in decided) return { records: [], rejected: [], error: decided.error, needs: 'tlsCells' };
      const grouper = new RecordGrouper();
      for (const row of pending) {
        readRow(reading, row.line, () => {
          grouper.addCounts(
            row.cell,
            row.path,
            row.forcedTls,
            countsOf(row, decided.meaning, buckets, labels),
          );
        });
      }
      return grouper.finish(reading);
    },
  };
}
