/** The shape each format's reader has: rows in as they are tokenized, records out at the end. */
import type { MailflowRecord, RejectedLine } from '../model.js';

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
