/**
 * Records of reads not yet stored, by read id: a read's records stay in the worker and the page
 * gets a summary, because sending 36,000 records to the page and back cost two structured clones
 * of 80-200 ms each. A page may hold several files for review at once; past `limit` reads the
 * oldest is dropped, and storing it then asks for the file to be read again.
 */
import type { FileReadResult } from '../core/formats/types.js';
import type { FileRead } from './protocol.js';

export function createHeldReads(limit = 32) {
  const held = new Map<number, FileReadResult>();
  let nextId = 1;
  return {
    /** Keeps the read's records (if any) and returns what the page is told. */
    hold(result: FileReadResult): FileRead {
      const readId = nextId++;
      const { records, ...rest } = result;
      if (records.length > 0) {
        held.set(readId, result);
        for (const oldest of held.keys()) {
          if (held.size <= limit) break;
          held.delete(oldest);
        }
      }
      return { ...rest, readId, recordCount: records.length };
    },
    get(readId: number): FileReadResult | undefined {
      return held.get(readId);
    },
    forget(readId: number): void {
      held.delete(readId);
    },
    get size(): number {
      return held.size;
    },
  };
}
