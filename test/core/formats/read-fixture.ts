/** Shared by the reader tests: fixture bytes, reading text as a file, and counts written sparsely. */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { readMailflowFile } from '../../../src/core/formats/index.js';
import type { FileReadResult, ReadOptions } from '../../../src/core/formats/types.js';
import { emptyCounts, type MailflowRecord, TLS_BUCKETS, type TlsCounts } from '../../../src/core/model.js';

const FIXTURES = resolve(import.meta.dirname, '../../fixtures');

export function fixtureBytes(path: string): Uint8Array {
  return readFileSync(resolve(FIXTURES, path));
}

export function readFixture(path: string, options?: ReadOptions): FileReadResult {
  return readMailflowFile(path.split('/').pop() ?? path, fixtureBytes(path), options);
}

export function readText(fileName: string, text: string, options?: ReadOptions): FileReadResult {
  return readMailflowFile(fileName, new TextEncoder().encode(text), options);
}

export function counts(partial: Partial<TlsCounts>): TlsCounts {
  return { ...emptyCounts(), ...partial };
}

/** Records as compact lines, so a whole file's result reads as one table in an assertion. */
export function recordLines(records: readonly MailflowRecord[]): string[] {
  return records.map((record) => {
    // Bucket order, not key order, so the lines do not depend on how counts objects were built.
    const nonZero = TLS_BUCKETS.filter((bucket) => record.counts[bucket] !== 0)
      .map((bucket) => `${bucket}=${record.counts[bucket]}`)
      .join(' ');
    return `${record.date} ${record.direction} ${record.connector ?? '∅'} | ${record.connectorType ?? '-'} | ${record.forcedTls ?? '-'} | ${nonZero}`;
  });
}
