import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { emptyCounts, TLS_BUCKETS } from '../../../src/core/model.js';
import { addBucketValues, shareCellsToCounts, sharesToCounts } from '../../../src/core/shares.js';

/**
 * The rule as product.md words it, written the plain way: weights in ten-thousandths of a percent,
 * floors of the quotas, then one message each to the largest remainders, ties in bucket order.
 */
function byTheRule(volume: number, cells: readonly number[]): number[] {
  const weights = cells.map((cell) => BigInt(Math.round(cell * 10_000)));
  const sum = weights.reduce((a, b) => a + b, 0n);
  if (sum === 0n) return TLS_BUCKETS.map((bucket) => (bucket === 'unknown' ? volume : 0));
  const quotas = weights.map((weight) => BigInt(volume) * weight);
  const counts = quotas.map((quota) => Number(quota / sum));
  let left = volume - counts.reduce((a, b) => a + b, 0);
  const order = quotas
    .map((quota, index) => ({ remainder: quota % sum, index }))
    .sort((a, b) => (a.remainder === b.remainder ? a.index - b.index : a.remainder > b.remainder ? -1 : 1));
  for (const { index } of order) {
    if (left-- <= 0) break;
    counts[index] = (counts[index] ?? 0) + 1;
  }
  return counts;
}

const percent = fc.oneof(
  fc.constantFrom(0, 0.1, 1.5, 25, 33.3, 33.4, 50, 97.9, 100),
  fc.integer({ min: 0, max: 1_000_000 }).map((tenThousandths) => tenThousandths / 10_000),
);

describe('percent cells of a connector report row into message counts', () => {
  it('splits every row by the normative rule, the rows read one after another', () => {
    const rows = fc.array(
      fc.tuple(
        fc.oneof(fc.nat({ max: 1000 }), fc.nat({ max: 2_000_000_000 })),
        fc.array(percent, { minLength: 6, maxLength: 6 }),
      ),
      { minLength: 1, maxLength: 8 },
    );
    fc.assert(
      fc.property(rows, (file) => {
        const into = new Float64Array(TLS_BUCKETS.length);
        for (const [volume, cells] of file) {
          // Each row overwrites all six counts, whatever the row before left there.
          shareCellsToCounts(volume, Float64Array.from(cells), into);
          expect([...into]).toEqual(byTheRule(volume, cells));
        }
      }),
    );
  });

  it('gives the same counts as sharesToCounts, which takes cells by bucket name', () => {
    const into = new Float64Array(TLS_BUCKETS.length);
    shareCellsToCounts(18211, Float64Array.from([0, 97.9, 0, 0, 2.1, 0]), into);
    expect([...into]).toEqual([0, 17829, 0, 0, 382, 0]);
    expect(sharesToCounts(18211, { 'tls1.2': 97.9, none: 2.1 })).toEqual({
      ...emptyCounts(),
      'tls1.2': 17829,
      none: 382,
    });
  });

  it('adds counts in bucket order to a record under the right names', () => {
    const counts = emptyCounts();
    addBucketValues(counts, Float64Array.from([1, 2, 3, 4, 5, 6]));
    addBucketValues(counts, Float64Array.from([10, 0, 0, 0, 0, 0]));
    expect(counts).toEqual({ 'tls1.3': 11, 'tls1.2': 2, 'tls1.1': 3, 'tls1.0': 4, none: 5, unknown: 6 });
    expect(TLS_BUCKETS).toEqual(['tls1.3', 'tls1.2', 'tls1.1', 'tls1.0', 'none', 'unknown']);
  });
});
