/** The shape each format's reader has: rows in as they are tokenized, records out at the end. */
import type { MailflowRecord, RejectedLine } from '../model.js';
import { RowProblem, type RowReading } from './row-reading.js';

export interface FormatReaderResult {
  records: MailflowRecord[];
  rejected: RejectedLine[];
  /** A whole-file problem: nothing of the file is used. */
  error: string | null;
  /** The question that resolves `error`, when the person can answer one. */
  needs?: 'dateOrder' | 'tlsCells';
}

export interface FormatReader {
  /** One data row (never the header, never a blank line) with its 1-based physical line. */
  row(fields: string[], line: number): void;
  finish(): FormatReaderResult;
}

/** Runs one row's reading; a RowProblem becomes a rejected line, anything else is a bug and propagates. */
export function readRow(reading: RowReading, line: number, read: () => void): void {
  try {
    read();
  } catch (problem) {
    if (!(problem instanceof RowProblem)) throw problem;
    reading.reject(line, problem.message);
  }
}
