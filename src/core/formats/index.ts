/**
 * Reading a mail flow export, whatever its format, into records. The pipeline runs one way and
 * every stage takes its input in pieces, so a file can be pushed chunk by chunk as it is read:
 * bytes → text (decode) → rows with line numbers (csv-rows, csv-tokenizer) → header detection →
 * the format's row reader (row-reading, numbers, date-cells, vocabulary) → records (record-grouping).
 * Pure: no Node or DOM API beyond TextDecoder, so it runs in a Web Worker, the MV3 service worker
 * and Node alike.
 */
import type { RejectedLine } from '../model.js';
import { createConnectorReportReader } from './connector-report.js';
import { createCsvRowSource } from './csv-rows.js';
import { createTextChunkDecoder } from './decode.js';
import { createExactCountsReader } from './exact-counts.js';
import type { FormatReader } from './format-reader.js';
import { detectHeader, headerSignature, type RecognisedHeader } from './header-detection.js';
import { createMessageTraceReader } from './message-trace.js';
import { RowReading } from './row-reading.js';
import type { FileReadResult, FormatId, ReadNeeds, ReadOptions } from './types.js';

export { guessColumnMap, headerSignature, MAPPABLE_FIELDS } from './header-detection.js';
export type {
  ColumnMap,
  FileReadResult,
  FormatId,
  MappableField,
  ReadNeeds,
  ReadOptions,
} from './types.js';

export interface MailflowReader {
  /** The next piece of the file, in order. */
  push(chunk: Uint8Array): void;
  /** End of file: the records, the rejected lines, or the whole-file error. */
  finish(): FileReadResult;
  /** True once the header was refused: the rest of the file cannot change the result, so stop reading. */
  readonly stopped: boolean;
}

const READERS: Partial<Record<FormatId, (reading: RowReading) => FormatReader>> = {
  'connector-report': createConnectorReportReader,
  'exact-counts': createExactCountsReader,
  'message-trace': createMessageTraceReader,
};

const SMTP_AUTH_CLIENTS =
  'this is an SMTP AUTH clients report (TLS per sender address): it holds no mail flow per day and connector, so it is not imported as mail flow';

function isBlank(fields: readonly string[]): boolean {
  for (const field of fields) if (field.trim() !== '') return false;
  return true;
}

export function createMailflowReader(fileName: string, options: ReadOptions = {}): MailflowReader {
  const decoder = createTextChunkDecoder();
  let format: FormatId | null = null;
  let reader: FormatReader | null = null;
  let headerSeen = false;
  let error: string | null = null;
  let needs: ReadNeeds | undefined;
  let rows = 0;

  function onRow(fields: string[], line: number): void {
    // After a refused header nothing is counted, however the chunks fell.
    if (error !== null || isBlank(fields)) return;
    if (!headerSeen) {
      headerSeen = true;
      const header = detectHeader(fields, options.columnMap);
      if (header.format === null) {
        const problems: string[] = [];
        if (header.missing.length > 0) problems.push(`no column for ${header.missing.join(', ')}`);
        if (header.unmatched.length > 0) problems.push(`no column labelled ${header.unmatched.join(', ')}`);
        error = `header not recognised: ${problems.join('; ')}`;
        const labels = fields.map((cell) => cell.trim());
        needs = {
          kind: 'mapping',
          header: labels,
          missing: header.missing,
          signature: headerSignature(labels),
        };
        return;
      }
      format = header.format;
      const create = READERS[header.format];
      if (header.format === 'smtp-auth-clients') error = SMTP_AUTH_CLIENTS;
      else if (create === undefined) error = `${header.format} files are not read here yet`;
      else reader = create(new RowReading(fileName, header as RecognisedHeader, options));
      return;
    }
    rows++;
    reader?.row(fields, line);
  }

  const csvRows = createCsvRowSource(onRow);

  function failed(reason: string, question?: ReadNeeds): FileReadResult {
    const rejected: RejectedLine[] = [{ file: fileName, line: 0, reason }];
    const result: FileReadResult = {
      file: fileName,
      format,
      records: [],
      rows,
      rejected,
      error: `${fileName}: ${reason}`,
    };
    if (question !== undefined) result.needs = question;
    return result;
  }

  return {
    get stopped() {
      return error !== null;
    },
    push(chunk) {
      if (error !== null) return;
      const text = decoder.push(chunk);
      if (text.length > 0) csvRows.push(text);
    },
    finish() {
      if (error === null) {
        const rest = decoder.finish();
        if (rest.length > 0) csvRows.push(rest);
        csvRows.finish();
      }
      if (!headerSeen) return failed('empty file');
      if (error !== null || reader === null) return failed(error ?? 'header not recognised', needs);
      const result = (reader as FormatReader).finish();
      if (result.error !== null) {
        return failed(result.error, result.needs === undefined ? undefined : { kind: result.needs });
      }
      return {
        file: fileName,
        format,
        records: result.records,
        rows,
        rejected: result.rejected,
        error: null,
      };
    },
  };
}

/** The whole file at once: the same pipeline, pushed in one piece. */
export function readMailflowFile(
  fileName: string,
  bytes: Uint8Array,
  options: ReadOptions = {},
): FileReadResult {
  const reader = createMailflowReader(fileName, options);
  reader.push(bytes);
  return reader.finish();
}
