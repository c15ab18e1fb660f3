/**
 * Format A, the portal's "Connector report details" export: one row per day and connector, one
 * column per TLS version and a Volume. Whether the TLS cells are percentages or message counts is
 * not written anywhere, so it is decided once for the whole file (product.md, "Percent or count")
 * after every row has been seen; rows wait as numbers in PendingRows until then.
 */
import { TLS_BUCKETS } from '../model.js';
import { addBucketValues, type BucketValues, shareCellsToCounts } from '../shares.js';
import type { FormatReader } from './format-reader.js';
import { tlsColumnsOf } from './header-detection.js';
import { hasPercentSign, parseLocaleNumber } from './numbers.js';
import { PendingRows } from './pending-rows.js';
import { RecordGrouper } from './record-grouping.js';
import { ownString, RowProblem, type RowReading } from './row-reading.js';
import { messageCountOf } from './value-cells.js';
import { forcedTlsOf } from './vocabulary.js';

export type TlsCellMeaning = 'share' | 'count';

const ASK = 'choose share or count (CLI: --tls-cells share|count)';
const UNKNOWN = TLS_BUCKETS.indexOf('unknown');

/**
 * The file-level rule: a `%` anywhere means shares; else, if every row adds up to 100 (±1, or 0)
 * and some volume is not itself near 100, shares; else, if every row adds up to its volume
 * (±0.5), counts; else the person has to say. Rows without any TLS cell are not judged.
 */
export function decideTlsCellMeaning(
  rows: PendingRows,
  anyPercent: boolean,
): { meaning: TlsCellMeaning } | { error: string } {
  if (anyPercent) return { meaning: 'share' };
  let judged = 0;
  let addsUpTo100 = true;
  let someVolumeNot100 = false;
  let misfit = -1;
  for (let row = 0; row < rows.length; row++) {
    if (rows.isBlank(row)) continue;
    judged++;
    const total = rows.shareSum(row);
    if (total !== 0 && Math.abs(total - 100) > 1) addsUpTo100 = false;
    if (Math.abs(rows.volume(row) - 100) > 1) someVolumeNot100 = true;
    if (misfit === -1 && Math.abs(rows.countSum(row) - rows.volume(row)) > 0.5) misfit = row;
  }
  if (judged === 0) return { meaning: 'share' };
  if (addsUpTo100 && someVolumeNot100) return { meaning: 'share' };
  if (misfit === -1) return { meaning: 'count' };
  return {
    error: `cannot tell whether the TLS cells are percentages or message counts: line ${rows.line(misfit)} adds up to ${rows.shareSum(misfit)}, neither 100 nor its volume ${rows.volume(misfit)}; ${ASK}`,
  };
}

export function createConnectorReportReader(reading: RowReading): FormatReader {
  const tlsColumns = tlsColumnsOf(reading.header.columns);
  const cellIndexes = tlsColumns.map(({ index }) => index);
  /** Where each TLS column goes in TLS_BUCKETS order. */
  const bucketIndexes = tlsColumns.map(({ bucket }) => TLS_BUCKETS.indexOf(bucket));
  const labels = tlsColumns.map(({ index }) => reading.header.labels[index] ?? '');
  const override = reading.options.tlsCells;
  const pending = new PendingRows(tlsColumns.length);
  let anyPercent = false;
  // A row's cells and counts in TLS_BUCKETS order, reused from row to row.
  const cells: BucketValues = new Float64Array(TLS_BUCKETS.length);
  const counts: BucketValues = new Float64Array(TLS_BUCKETS.length);

  /** The row's cells read as counts into `counts`; a RowProblem when they cannot be counts. */
  function countsOfCountCells(row: number): void {
    counts.fill(0);
    for (let column = 0; column < cellIndexes.length; column++) {
      const count = pending.count(row, column);
      if (!Number.isInteger(count)) {
        throw new RowProblem(
          `${labels[column]}: '${pending.fractionalText(row, column)}' is not a whole number`,
        );
      }
      counts[bucketIndexes[column] ?? UNKNOWN] = count;
    }
    const total = pending.countSum(row);
    const volume = pending.volume(row);
    if (total > volume) {
      throw new RowProblem(`TLS cells add up to ${total} messages, more than the volume ${volume}`);
    }
    // Messages the TLS cells do not account for are of unknown protection, not dropped.
    counts[UNKNOWN] = (counts[UNKNOWN] ?? 0) + (volume - total);
  }

  function countsOfShareCells(row: number): void {
    cells.fill(0);
    for (let column = 0; column < cellIndexes.length; column++) {
      cells[bucketIndexes[column] ?? UNKNOWN] = pending.share(row, column);
    }
    shareCellsToCounts(pending.volume(row), cells, counts);
  }

  return {
    // Once per row of a file that can hold 36,000: no closures, and what waits for finish() is
    // numbers and references that rows share (pending-rows.ts), not an object per row.
    row(fields, line) {
      try {
        const cell = reading.date(fields, line);
        const path = reading.path(fields);
        const volume = messageCountOf(reading, fields);
        let blank = true;
        for (let column = 0; column < cellIndexes.length; column++) {
          const text = (fields[cellIndexes[column] ?? -1] ?? '').trim();
          if (text === '') {
            pending.setCell(column, 0, 0);
            continue;
          }
          blank = false;
          const share = parseLocaleNumber(text, 'share');
          if (Number.isNaN(share)) throw new RowProblem(`${labels[column]}: '${text}' is not a number`);
          const percent = hasPercentSign(text);
          if (percent && !anyPercent) {
            anyPercent = true;
            // Percent cells are never read as counts, unless the person said so.
            if (override !== 'count') pending.dropFractionalTexts();
          }
          // With a `%` both readings agree: only a bare `1.234` can be read as one thousand.
          const count = percent ? share : parseLocaleNumber(text, 'count');
          pending.setCell(column, share, count);
          if (!Number.isInteger(count) && (override === 'count' || (override === undefined && !anyPercent))) {
            pending.keepFractionalText(column, ownString(text));
          }
        }
        const forcedTls = forcedTlsOf(reading.cell(fields, 'forcedTls'));
        pending.commit(
          line,
          cell,
          path.direction,
          path.connector,
          path.connectorType,
          forcedTls,
          volume,
          blank,
        );
      } catch (problem) {
        reading.fail(line, problem);
      }
    },
    finish() {
      const decided =
        override !== undefined ? { meaning: override } : decideTlsCellMeaning(pending, anyPercent);
      if ('error' in decided) return { records: [], rejected: [], error: decided.error, needs: 'tlsCells' };
      const grouper = new RecordGrouper();
      for (let row = 0; row < pending.length; row++) {
        try {
          if (pending.isBlank(row)) {
            counts.fill(0);
            counts[UNKNOWN] = pending.volume(row);
          } else if (decided.meaning === 'share') {
            countsOfShareCells(row);
          } else {
            countsOfCountCells(row);
          }
          const groupCounts = grouper.countsFor(
            pending.dateCell(row),
            pending.direction(row),
            pending.connector(row),
            pending.connectorType(row),
            pending.forcedTls(row),
          );
          addBucketValues(groupCounts, counts);
        } catch (problem) {
          reading.fail(pending.line(row), problem);
        }
      }
      return grouper.finish(reading);
    },
  };
}
