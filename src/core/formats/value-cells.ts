/** The two cells of the long formats (D and B): a TLS version value and a message count. */
import type { TlsBucket } from '../model.js';
import { parseCount } from './numbers.js';
import { RowProblem, type RowReading } from './row-reading.js';
import { tlsBucketOf } from './vocabulary.js';

/** The TLS value cell: empty is `unknown`, an unknown spelling is a bad row. */
export function tlsValueOf(reading: RowReading, fields: readonly string[]): TlsBucket {
  const text = reading.cell(fields, 'tls');
  if (text === '') return 'unknown';
  const bucket = tlsBucketOf(text);
  if (bucket === null) throw new RowProblem(`${reading.labelOf('tls')}: '${text}' is not a TLS version`);
  return bucket;
}

/** A whole, non-negative message count from the volume column. */
export function messageCountOf(reading: RowReading, fields: readonly string[]): number {
  const text = reading.cell(fields, 'volume');
  const label = reading.labelOf('volume');
  if (text === '') throw new RowProblem(`${label}: empty`);
  const count = parseCount(text);
  if (Number.isNaN(count)) throw new RowProblem(`${label}: '${text}' is not a number`);
  if (!Number.isInteger(count)) throw new RowProblem(`${label}: '${text}' is not a whole number`);
  return count;
}
