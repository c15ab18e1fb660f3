/**
 * A File read from its stream, chunk by chunk, into the core reader: memory stays at one chunk
 * plus the records, however large the export, and the page hears how far the read has got.
 */
import { createMailflowReader } from '../core/formats/index.js';
import type { FileReadResult, ReadOptions } from '../core/formats/types.js';
import type { ReadProgress } from './protocol.js';

/** Progress more often than this only costs messages; a person cannot see it. */
const REPORT_EVERY_MS = 50;

export async function readFileInChunks(
  file: Blob,
  fileName: string,
  options: ReadOptions,
  report: (progress: ReadProgress) => void,
): Promise<FileReadResult> {
  const reader = createMailflowReader(fileName, options);
  const totalBytes = file.size;
  let bytesRead = 0;
  let reportedAt = 0;
  report({ bytesRead, totalBytes });
  const chunks = file.stream().getReader();
  for (;;) {
    const { done, value } = await chunks.read();
    if (done) break;
    reader.push(value);
    bytesRead += value.byteLength;
    if (reader.stopped) {
      // The header was refused: the rest of the file cannot change the answer.
      await chunks.cancel();
      bytesRead = totalBytes;
      break;
    }
    const now = Date.now();
    if (now - reportedAt >= REPORT_EVERY_MS) {
      reportedAt = now;
      report({ bytesRead, totalBytes });
    }
  }
  const result = reader.finish();
  report({ bytesRead, totalBytes });
  return result;
}
