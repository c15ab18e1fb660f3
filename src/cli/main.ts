/**
 * `mailflow-lens summarize`: reads every file with the same core as the extension, merges records
 * the way a re-import does (a later file's record for the same day and path replaces the earlier
 * one), summarises with core/aggregate, and prints. Node only through `io`, so tests run it in-process.
 */
import { createReadStream } from 'node:fs';
import packageJson from '../../package.json' with { type: 'json' };
import { summarize } from '../core/aggregate.js';
import { createMailflowReader, type FileReadResult, type ReadOptions } from '../core/formats/index.js';
import { type MailflowRecord, type RejectedLine, recordKey } from '../core/model.js';
import { parseArgs, type SummarizeCommand, USAGE } from './args.js';
import { rejectionLine, summaryJson, summaryText } from './output.js';

export interface CliIo {
  stdout(text: string): void;
  stderr(text: string): void;
  /** A file's bytes in chunks; defaults to a node:fs read stream, so no file is held whole in memory. */
  openFile?(path: string): AsyncIterable<Uint8Array>;
}

export const EXIT_OK = 0;
export const EXIT_REJECTED = 1;
export const EXIT_UNUSABLE = 2;

function describeError(error: unknown): string {
  if (error instanceof Error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') return 'no such file';
    if (code === 'EISDIR') return 'is a directory';
    if (code === 'EACCES') return 'permission denied';
    return error.message;
  }
  return String(error);
}

/** 1 MiB chunks: large enough that per-chunk overhead vanishes, small enough to stay out of the RSS. */
const CHUNK_BYTES = 1 << 20;

function openFileStream(path: string): AsyncIterable<Uint8Array> {
  return createReadStream(path, { highWaterMark: CHUNK_BYTES });
}

/** Thrown for a file that cannot be opened or read, as opposed to one the reader chokes on. */
class UnreadableFile extends Error {}

async function readFileStreamed(
  file: string,
  open: (path: string) => AsyncIterable<Uint8Array>,
  options: ReadOptions,
): Promise<FileReadResult> {
  const reader = createMailflowReader(file, options);
  try {
    for await (const chunk of open(file)) {
      reader.push(chunk);
      if (reader.stopped) break;
    }
  } catch (error) {
    throw new UnreadableFile(describeError(error));
  }
  return reader.finish();
}

async function runSummarize(command: SummarizeCommand, io: CliIo): Promise<number> {
  const open = io.openFile ?? openFileStream;
  const options: ReadOptions = {
    tlsCells: command.tlsCells,
    dateOrder: command.dateOrder,
    columnMap: command.columnMap,
  };
  const records = new Map<string, MailflowRecord>();
  const rejected: RejectedLine[] = [];
  for (const file of command.files) {
    try {
      const result = await readFileStreamed(file, open, options);
      rejected.push(...result.rejected);
      for (const record of result.records) {
        const key = recordKey(record);
        records.delete(key);
        records.set(key, record);
      }
    } catch (error) {
      if (error instanceof UnreadableFile) {
        rejected.push({ file, line: 0, reason: `cannot read: ${error.message}` });
        continue;
      }
      // A reader bug must still end as one line naming the file, not a stack trace.
      rejected.push({ file, line: 0, reason: `could not be read: ${describeError(error)}` });
    }
  }
  const summary = summarize([...records.values()], { from: command.from, to: command.to });
  io.stdout(command.json ? summaryJson(summary, rejected) : summaryText(summary, rejected));
  for (const line of rejected) io.stderr(`${rejectionLine(line)}\n`);
  if (records.size === 0) {
    io.stderr('mailflow-lens: nothing usable was read\n');
    return EXIT_UNUSABLE;
  }
  return rejected.length > 0 ? EXIT_REJECTED : EXIT_OK;
}

/** Runs the command line `argv` (the arguments after the program name); resolves to the exit status. */
export async function main(argv: readonly string[], io: CliIo): Promise<number> {
  try {
    const command = parseArgs(argv);
    switch (command.command) {
      case 'help':
        io.stdout(`${USAGE}\n`);
        return EXIT_OK;
      case 'version':
        io.stdout(`mailflow-lens ${packageJson.version}\n`);
        return EXIT_OK;
      case 'error':
        io.stderr(`mailflow-lens: ${command.message} (see mailflow-lens --help)\n`);
        return EXIT_UNUSABLE;
      case 'summarize':
        return await runSummarize(command, io);
    }
  } catch (error) {
    io.stderr(`mailflow-lens: ${describeError(error)}\n`);
    return EXIT_UNUSABLE;
  }
}
