/**
 * The two normative splits: percent cells into message counts, and counts into the one-decimal
 * shares a person sees. Both are largest-remainder splits in the TLS bucket order, done in integer
 * arithmetic so that 97.9 % of 18,211 never floors to the wrong side through float error.
 */
import { emptyCounts, messageCount, TLS_BUCKETS, type TlsBucket, type TlsCounts } from './model.js';

/** Percent cells are kept to four decimals (97.9123 %), far finer than any export gives. */
const SHARE_SCALE = 10_000;

/**
 * Splits `total` units in proportion to non-negative integer `weights`: each gets the floor of its
 * quota and the rest go one each to the largest remainders, ties to the lower index.
 * Returns all zeros when the weights sum to zero.
 */
export function largestRemainder(total: number, weights: readonly number[]): number[] {
  const weightSum = weights.reduce((sum, weight) => sum + weight, 0);
  if (weightSum === 0 || total === 0) return weights.map(() => 0);
  if (total * weightSum > Number.MAX_SAFE_INTEGER) return largestRemainderBig(total, weights, weightSum);
  const floors = weights.map((weight) => Math.floor((total * weight) / weightSum));
  const remainders = weights.map((weight) => (total * weight) % weightSum);
  return distribute(total, floors, remainders);
}

function largestRemainderBig(total: number, weights: readonly number[], weightSum: number): number[] {
  const bigTotal = BigInt(total);
  const bigSum = BigInt(weightSum);
  const floors = weights.map((weight) => Number((bigTotal * BigInt(weight)) / bigSum));
  const remainders = weights.map((weight) => Number((bigTotal * BigInt(weight)) % bigSum));
  return distribute(total, floors, remainders);
}

function distribute(total: number, floors: number[], remainders: number[]): number[] {
  let left = total - floors.reduce((sum, value) => sum + value, 0);
  const order = remainders
    .map((remainder, index) => ({ remainder, index }))
    .sort((a, b) => b.remainder - a.remainder || a.index - b.index);
  for (const { index } of order) {
    if (left <= 0) break;
    floors[index] = (floors[index] ?? 0) + 1;
    left -= 1;
  }
  return floors;
}

/**
 * Percent (or any proportional) cells and a volume into counts. Shares are normalised by their
 * sum; a row with volume but no usable TLS cells puts the whole volume in `unknown`.
 */
export function sharesToCounts(volume: number, shares: Partial<Record<TlsBucket, number>>): TlsCounts {
  const counts = emptyCounts();
  const weights = TLS_BUCKETS.map((bucket) => Math.round((shares[bucket] ?? 0) * SHARE_SCALE));
  if (weights.every((weight) => weight === 0)) {
    counts.unknown = volume;
    return counts;
  }
  const split = largestRemainder(volume, weights);
  TLS_BUCKETS.forEach((bucket, index) => {
    counts[bucket] = split[index] ?? 0;
  });
  return counts;
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
