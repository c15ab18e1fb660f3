import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { messageCount, TLS_BUCKETS, type TlsCounts } from '../../src/core/model.js';
import { displayShares, sharesToCounts } from '../../src/core/shares.js';

const percent = fc.double({ min: 0, max: 100, noNaN: true });
const shares = fc.record({
  'tls1.3': percent,
  'tls1.2': percent,
  'tls1.1': percent,
  'tls1.0': percent,
  none: percent,
});
const count = fc.nat({ max: 10_000_000 });
const counts = fc.record({
  'tls1.3': count,
  'tls1.2': count,
  'tls1.1': count,
  'tls1.0': count,
  none: count,
  unknown: count,
}) as fc.Arbitrary<TlsCounts>;

describe('the normative splits, for any input', () => {
  it('sharesToCounts gives out exactly the volume, never a negative count', () => {
    fc.assert(
      fc.property(fc.nat({ max: 2_000_000_000 }), shares, (volume, cells) => {
        const result = sharesToCounts(volume, cells);
        expect(messageCount(result)).toBe(volume);
        for (const bucket of TLS_BUCKETS)
          expect(Number.isInteger(result[bucket]) && result[bucket] >= 0).toBe(true);
      }),
    );
  });

  it('displayShares adds up to exactly 100.0 % (1000 tenths) for any mail at all', () => {
    fc.assert(
      fc.property(
        counts.filter((value) => messageCount(value) > 0),
        (value) => {
          const shown = displayShares(value);
          const tenths = TLS_BUCKETS.reduce(
            (sum, bucket) => sum + Math.round((shown[bucket] ?? Number.NaN) * 10),
            0,
          );
          expect(tenths).toBe(1000);
        },
      ),
    );
  });

  it('displayShares shows no number at all without mail', () => {
    const shown = displayShares({ 'tls1.3': 0, 'tls1.2': 0, 'tls1.1': 0, 'tls1.0': 0, none: 0, unknown: 0 });
    expect(Object.values(shown).every((share) => share === null)).toBe(true);
  });
});
