/** What every reader takes and gives back, whatever the format. */
import type { MailflowRecord, RejectedLine } from '../model.js';

/** A = portal connector report, B = per-message historical search, D = our exact counts, E = SMTP AUTH clients. */
export type FormatId = 'connector-report' | 'message-trace' | 'exact-counts' | 'smtp-auth-clients';

export interface ReadOptions {
  /** Overrides the file-level percent-or-count decision for TLS cells (CLI `--tls-cells`). */
  tlsCells?: 'share' | 'count';
  /** Overrides the whole-file day/month decision when it cannot be made from the data (CLI `--date-order`). */
  dateOrder?: 'dmy' | 'mdy';
}

export interface FileReadResult {
  file: string;
  /** The recognised format, or null when the header was not recognised. */
  format: FormatId | null;
  /** One per (date, direction, connector); rows for the same key within the file are added up. */
  records: MailflowRecord[];
  /** Data rows read (header and skipped preamble lines not counted), good or bad. */
  rows: number;
  /** Lines that could not be used, with 1-based physical line numbers. */
  rejected: RejectedLine[];
  /** A whole-file problem (unrecognised header, empty file, undecidable share/count): nothing was read. */
  error: string | null;
}
