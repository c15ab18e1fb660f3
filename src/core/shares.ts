/**
 * The two normative splits: percent cells into message counts, and counts into the one-decimal
 * shares a person sees. Both are largest-remainder splits in the TLS bucket order, done in integer
 * arithmetic so that 97.9 % of 18,211 never floors to the wrong side through float error.
 */
import { emptyCounts, messageCount, TLS_BUCKETS, type TlsBucket, type TlsCounts } from './model.js';

/** Percent cells are kept to four decimals (97.9123 %), far finer than any export gives. */
const SHARE_SCALE = 10_000;

/** Bucket counts or cells as numbers in TLS_BUCKETS order, the form the row-by-row splits work in. */
export type BucketValues = Float64Array;

const UNKNOWN = TLS_BUCKETS.indexOf('unknown');

/**
 * Splits `total` units in proportion to non-negative integer `weights`: each gets the floor of its
 * quota and the rest go one each to the largest remainders, ties to the lower index.
 * Returns all zeros when the weights sum to zero.
 */
export function largestRemainder(total: number, weights: readonly number[]): number[] {
  const split = new Array<number>(weights.length).fill(0);
  largestRemainderInto(total, weights, split, new Array<number>(weights.length).fill(0));
  return split;
}

/** largestRemainder written over `into`, with `remainders` as scratch of the same length. */
function largestRemainderInto(
  total: number,
  weights: ArrayLike<number>,
  into: number[] | Float64Array,
  remainders: number[] | Float64Array,
): void {
  const length = weights.length;
  let weightSum = 0;
  for (let index = 0; index < length; index++) weightSum += weights[index] ?? 0;
  if (weightSum === 0 || total === 0) {
    into.fill(0);
    return;
  }
  if (total * weightSum > Number.MAX_SAFE_INTEGER) {
    const bigTotal = BigInt(total);
    const bigSum = BigInt(weightSum);
    for (let index = 0; index < length; index++) {
      const quota = bigTotal * BigInt(weights[index] ?? 0);
      into[index] = Number(quota / bigSum);
      remainders[index] = Number(quota % bigSum);
    }
  } else {
    for (let index = 0; index < length; index++) {
      const weight = weights[index] ?? 0;
      into[index] = Math.floor((total * weight) / weightSum);
      remainders[index] = (total * weight) % weightSum;
    }
  }
  let left = total;
  for (let index = 0; index < length; index++) left -= into[index] ?? 0;
  // One unit each to the largest remainders; `>` keeps the lower index on a tie. A pick per unit
  // rather than a sort: fewer units are left than there are buckets, and nothing is allocated.
  for (let given = 0; given < length && left > 0; given++) {
    let largest = -1;
    for (let index = 0; index < length; index++) {
      if (largest === -1 || (remainders[index] ?? 0) > (remainders[largest] ?? 0)) largest = index;
    }
    into[largest] = (into[largest] ?? 0) + 1;
    remainders[largest] = Number.NEGATIVE_INFINITY;
    left -= 1;
  }
}

/** Scratch for shareCellsToCounts, which runs once per row of a connector report. */
const weights = new Float64Array(TLS_BUCKETS.length);
const remainders = new Float64Array(TLS_BUCKETS.length);

/**
 * Percent (or any proportional) cells and a volume into counts. Shares are normalised by their
 * sum; a row with volume but no usable TLS cells puts the whole volume in `unknown`.
 */
export function sharesToCounts(volume: number, shares: Partial<Record<TlsBucket, number>>): TlsCounts {
  const split = new Float64Array(TLS_BUCKETS.length);
  shareCellsToCounts(
    volume,
    Float64Array.from(TLS_BUCKETS, (bucket) => shares[bucket] ?? 0),
    split,
  );
  const counts = emptyCounts();
  addBucketValues(counts, split);
  return counts;
}

/** sharesToCounts with cells and counts in TLS_BUCKETS order, written over `into`; allocates nothing. */
export function shareCellsToCounts(volume: number, cells: BucketValues, into: BucketValues): void {
  let anyWeight = false;
  for (let index = 0; index < weights.length; index++) {
    const weight = Math.round((cells[index] ?? 0) * SHARE_SCALE);
    weights[index] = weight;
    if (weight !== 0) anyWeight = true;
  }
  if (!anyWeight) {
    into.fill(0);
    into[UNKNOWN] = volume;
    return;
  }
  largestRemainderInto(volume, weights, into, remainders);
}

/** Adds whole counts in TLS_BUCKETS order to a record's counts, written out like model.addCounts. */
export function addBucketValues(into: TlsCounts, values: BucketValues): void {
  // Math.floor of a whole number is the number, but as a small integer: a Float64Array element
  // added as it is comes out as a boxed double, and turns every record's count fields into boxes.
  into['tls1.3'] += Math.floor(values[0] ?? 0);
  into['tls1.2'] += Math.floor(values[1] ?? 0);
  into['tls1.1'] += Math.floor(values[2] ?? 0);
  into['tls1.0'] += Math.floor(values[3] ?? 0);
  into.none += Math.floor(values[4] ?? 0);
  into.unknown += Math.floor(values[5] ?? 0);
}

/** Shares in percent with one decimal, adding up to exactly 100.0; null for every bucket when there is no mail. */
export type DisplayShares = Record<TlsBucket, number | null>;

export function displayShares(counts: TlsCounts): DisplayShares {
  const total = messageCount(counts);
  const tenths = largestRemainder(
    total === 0 ? 0 : 1000,
    TLS_BUCKETS.map((bucket) => counts[bucket]),
  );
  const shares = {} as DisplayShares;
  TLS_BUCKETS.forEach((bucket, index) => {
    shares[bucket] = total === 0 ? null : (tenths[index] ?? 0) / 10;
  });
  return shares;
}

/** "97.9 %" or the em dash the spec asks for when there were no messages. */
export function formatShare(share: number | null): string {
  return share === null ? '—' : `${share.toFixed(1)} %`;
}
