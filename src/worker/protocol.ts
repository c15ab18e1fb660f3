/** The aggregation worker's typed request/response map: the only messages it understands. */
import type { Summary } from '../core/aggregate.js';
import type { ExportKind } from '../core/csv-export.js';
import type { DetailsSort } from '../core/details.js';
import type { FileReadResult, ReadOptions } from '../core/formats/types.js';
import type { InsightThresholds } from '../core/insights.js';
import type { DateRange } from '../core/model.js';
import type { ReportMessage } from '../core/report-wire.js';
import type { ConnectorSelection } from '../core/selection.js';
import type { ImportOutcome } from '../store/imports.js';

/**
 * The store queries, also answered by the service worker for the portal panel. Here rather than in
 * queries.ts so that checking a message's query name (src/messaging.ts) brings no store code.
 */
export const QUERY_NAMES = ['snapshot', 'summary', 'extent', 'report', 'export'] as const;
export type QueryName = (typeof QUERY_NAMES)[number];

/**
 * What a page hears of a read: everything but the records, which stay in the worker until they are
 * stored or forgotten. Sending 36,000 records to the page and back cost two structured clones of
 * 80-200 ms each, for records the page only counts.
 */
export type FileRead = Omit<FileReadResult, 'records'> & {
  /** Names the records held in the worker, for import-records and forget-read. */
  readId: number;
  recordCount: number;
};

/** Store a read's records into a dataset, under the file's name. */
export interface StoreReadRequest {
  readId: number;
  dataset: string;
  fileName: string;
}

export interface WorkerProtocol {
  /**
   * Read one file with the core readers; parsing never runs on a page's UI thread. A File is read
   * in chunks from its stream (never whole into memory), reporting progress; bytes are read at once.
   */
  'read-file': {
    request:
      | { fileName: string; bytes: ArrayBuffer; options: ReadOptions }
      | { file: File; options: ReadOptions };
    response: FileRead;
  };
  /**
   * Store the records of a read, in one transaction (re-import replaces the same keys). Written here
   * rather than through the service worker: a runtime message is JSON, 6.7 MB for a 90-day export
   * of a large tenant, and checking it record by record took about a second.
   */
  'import-records': { request: StoreReadRequest; response: ImportOutcome };
  /** Drop a read's records: the person discarded the file, or it is being read again. */
  'forget-read': { request: { readId: number }; response: null };
  /** The widget: the snapshot window of a dataset and its summary (range null when the dataset is empty). */
  snapshot: {
    request: { dataset: string; thresholds?: InsightThresholds };
    response: { window: DateRange | null; summary: Summary };
  };
  /** Totals, connectors and insights for any range of a dataset. */
  summary: {
    request: { dataset: string; range: DateRange; thresholds?: InsightThresholds };
    response: Summary;
  };
  /** First and last stored date of a dataset. */
  extent: { request: { dataset: string }; response: DateRange | null };
  /**
   * The connector report: summary, the selection's daily series, details rows and insights, and
   * the "Show data for" choices. A null range means the 7 days ending at the latest stored date.
   */
  report: {
    request: {
      dataset: string;
      range: DateRange | null;
      selection: ConnectorSelection;
      thresholds?: InsightThresholds;
      /** How the details table is sorted and how many of its rows to send (all when absent). */
      details?: { sort: DetailsSort; limit: number };
      /** The `choicesToken` of the choices the page holds: they are not sent again while current. */
      choicesToken?: string;
    };
    /** Rebuilt into the ConnectorReport with unpackReport (src/core/report-wire.ts). */
    response: ReportMessage;
  };
  /** A CSV export of the connector report's details (as sorted) or exact counts, built here. */
  export: {
    request: {
      dataset: string;
      range: DateRange | null;
      selection: ConnectorSelection;
      sort: DetailsSort;
      kind: ExportKind;
    };
    response: { fileName: string; text: string } | null;
  };
}

export type WorkerRequestName = keyof WorkerProtocol;

export interface WorkerRequestMessage<K extends WorkerRequestName = WorkerRequestName> {
  id: number;
  name: K;
  request: WorkerProtocol[K]['request'];
}

export type WorkerResponseMessage =
  | { id: number; ok: true; response: unknown }
  | { id: number; ok: false; error: string };

/** How far a streamed `read-file` has got, in bytes of the file. */
export interface ReadProgress {
  bytesRead: number;
  totalBytes: number;
}

/** The requests that report progress before their response, and what they report. */
export interface WorkerProgress {
  'read-file': ReadProgress;
}

export type WorkerProgressOf<K extends WorkerRequestName> = K extends keyof WorkerProgress
  ? WorkerProgress[K]
  : never;

/** Sent by the worker, any number of times, before the response to request `id`. */
export interface WorkerProgressMessage {
  id: number;
  progress: unknown;
}
