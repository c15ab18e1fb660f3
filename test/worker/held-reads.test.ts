import { describe, expect, it } from 'vitest';
import type { FileReadResult } from '../../src/core/formats/types.js';
import { createHeldReads } from '../../src/worker/held-reads.js';
import { record } from '../core/records-helper.js';

const read = (file: string, records = [record({ counts: { 'tls1.2': 1 } })]): FileReadResult => ({
  file,
  format: 'connector-report',
  records,
  rows: records.length,
  rejected: [],
  error: null,
});

describe('reads held in the worker', () => {
  it('tell the page everything but the records, which stay until stored or forgotten', () => {
    const reads = createHeldReads();
    const told = reads.hold(read('a.csv'));
    expect(told).toEqual({
      file: 'a.csv',
      format: 'connector-report',
      rows: 1,
      rejected: [],
      error: null,
      readId: 1,
      recordCount: 1,
    });
    expect(reads.get(told.readId)?.records).toHaveLength(1);
    reads.forget(told.readId);
    expect(reads.get(told.readId)).toBeUndefined();
  });

  it('hold nothing for a read without records, and drop the oldest past the limit', () => {
    const reads = createHeldReads(2);
    expect(reads.hold(read('empty.csv', [])).recordCount).toBe(0);
    expect(reads.size).toBe(0);
    const [first, second, third] = ['a.csv', 'b.csv', 'c.csv'].map((file) => reads.hold(read(file)));
    expect(reads.get(first?.readId ?? 0)).toBeUndefined();
    expect(reads.get(second?.readId ?? 0)?.file).toBe('b.csv');
    expect(reads.get(third?.readId ?? 0)?.file).toBe('c.csv');
  });
});
