/** What every reader takes and gives back, whatever the format. */
import type { MailflowRecord, RejectedLine } from '../model.js';
import type { ColumnField } from './vocabulary.js';

/** A = portal connector report, B = per-message historical search, D = our exact counts, E = SMTP AUTH clients. */
export type FormatId = 'connector-report' | 'message-trace' | 'exact-counts' | 'smtp-auth-clients';

/** A column a person can point at a header label when the reader does not recognise the header. */
export type MappableField = Exclude<ColumnField, 'sender' | 'recipient' | 'messageId' | 'tls:unknown'>;

/** Field → the header label (as written in the file) of the column that holds it. */
export type ColumnMap = Partial<Record<MappableField, string>>;

export interface ReadOptions {
  /** Overrides the file-level percent-or-count decision for TLS cells (CLI `--tls-cells`). */
  tlsCells?: 'share' | 'count';
  /**
   * The day/month order of every date in the file (CLI `--date-order`). When given it always wins
   * over what the data or the header language suggest; a date not valid in it is a rejected line.
   */
  dateOrder?: 'dmy' | 'mdy';
  /** Columns the person mapped by hand (CLI `--map field=column`); they win over the recognised labels. */
  columnMap?: ColumnMap;
}

/** The question a person must answer before the file can be read; `error` says the same in words. */
export type ReadNeeds =
  | {
      kind: 'mapping';
      /** The header cells as written (trimmed). */
      header: string[];
      /** The required fields no column was found for, in the words of the closest format. */
      missing: string[];
      /** The normalised header, so a mapping given once is remembered for every file with this header. */
      signature: string;
    }
  | { kind: 'dateOrder' }
  | { kind: 'tlsCells' };

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
  /** Set with `error` when the person can resolve it: map columns, or choose a date order or cell meaning. */
  needs?: ReadNeeds;
}
