import { describe, expect, it } from 'vitest';
import type { ConnectorPath } from '../../src/core/record-columns.js';
import {
  edgeDateOfPack,
  emptyPack,
  entryId,
  packColumns,
  recordsOfPack,
  rewritePack,
} from '../../src/store/month-packs.js';

const counts = (tls13: number, tls12: number, none = 0) => [tls13, tls12, 0, 0, none, 0];
const paths: ConnectorPath[] = [
  { direction: 'inbound', connector: null, connectorType: null },
  { direction: 'outbound', connector: 'Woodgrove Out', connectorType: 'Partner' },
];

describe('month packs', () => {
  it('write entries in, replace an entry of the same day and path, and report what was replaced', () => {
    const first = rewritePack(emptyPack('d', '2025-03'), [
      { day: 1, path: 0, forced: 0, counts: counts(5, 10) },
      { day: 2, path: 0, forced: 0, counts: counts(6, 11) },
    ]);
    expect(first.replaced).toEqual([null, null]);
    const second = rewritePack(first.pack, [
      { day: 2, path: 0, forced: 1, counts: counts(7, 12, 1) },
      { day: 2, path: 1, forced: -1, counts: counts(0, 3) },
    ]);
    expect(second.replaced[0]).toMatchObject({ day: 2, path: 0, forced: 0 });
    expect(Array.from(second.replaced[0]?.counts ?? [])).toEqual(counts(6, 11));
    expect(second.replaced[1]).toBeNull();
    expect(second.pack.size).toBe(3);
    const records = recordsOfPack(second.pack, paths, '2025-03-01', '2025-03-31');
    expect(
      records.map((r) => [
        r.date,
        r.direction,
        r.connector,
        r.forcedTls,
        r.counts['tls1.3'],
        r.counts['tls1.2'],
        r.counts.none,
      ]),
    ).toEqual([
      ['2025-03-01', 'inbound', null, false, 5, 10, 0],
      ['2025-03-02', 'inbound', null, true, 7, 12, 1],
      ['2025-03-02', 'outbound', 'Woodgrove Out', null, 0, 3, 0],
    ]);
  });

  it('remove entries by day and path, and keep the rest', () => {
    const { pack } = rewritePack(emptyPack('d', '2025-03'), [
      { day: 1, path: 0, forced: 0, counts: counts(1, 1) },
      { day: 1, path: 1, forced: 0, counts: counts(2, 2) },
    ]);
    const after = rewritePack(pack, [], new Set([entryId(1, 1)])).pack;
    expect([...packColumns(after).paths]).toEqual([0]);
  });

  it('give only the records inside the range, and the first and last day present', () => {
    const { pack } = rewritePack(emptyPack('d', '2025-03'), [
      { day: 9, path: 0, forced: 0, counts: counts(1, 1) },
      { day: 10, path: 0, forced: 0, counts: counts(1, 1) },
      { day: 31, path: 0, forced: 0, counts: counts(1, 1) },
    ]);
    expect(recordsOfPack(pack, paths, '2025-03-10', '2025-03-30').map((r) => r.date)).toEqual(['2025-03-10']);
    expect(edgeDateOfPack(pack, 'first')).toBe('2025-03-09');
    expect(edgeDateOfPack(pack, 'last')).toBe('2025-03-31');
    expect(edgeDateOfPack(emptyPack('d', '2025-03'), 'last')).toBeNull();
  });
});

describe('pack widths', () => {
  it('write 16 bits while every path id and count fits, and 32 bits once one does not', () => {
    const narrow = rewritePack(emptyPack('d', '2025-03'), [
      { day: 1, path: 0, forced: 0, counts: counts(65_535, 1) },
    ]).pack;
    expect(narrow.width).toBe(2);
    const wide = rewritePack(narrow, [{ day: 2, path: 0, forced: 0, counts: counts(65_536, 1) }]).pack;
    expect(wide.width).toBe(4);
    expect(Array.from(packColumns(wide).counts)).toEqual([...counts(65_535, 1), ...counts(65_536, 1)]);
    const manyPaths = rewritePack(emptyPack('d', '2025-03'), [
      { day: 3, path: 70_000, forced: 1, counts: counts(1, 1) },
    ]).pack;
    expect(manyPaths.width).toBe(4);
    expect(
      recordsOfPack(manyPaths, Object.assign([], { 70000: paths[1] }), '2025-03-01', '2025-03-31'),
    ).toHaveLength(1);
    // Back to 16 bits when the large entry is replaced by a small one.
    const again = rewritePack(wide, [{ day: 2, path: 0, forced: 0, counts: counts(5, 1) }]).pack;
    expect(again.width).toBe(2);
    expect(Array.from(packColumns(again).counts)).toEqual([...counts(65_535, 1), ...counts(5, 1)]);
  });
});

describe('packed counts', () => {
  it('refuse a count a 32-bit column cannot hold instead of wrapping it', async () => {
    const { writePackedCounts } = await import('../../src/store/month-packs.js');
    const packedCounts = (counted: typeof record) => {
      const packed = new Uint32Array(6);
      writePackedCounts(counted, packed, 0);
      return packed;
    };
    const record = {
      date: '2025-03-04',
      direction: 'inbound' as const,
      connector: 'Fabrikam In',
      connectorType: null,
      forcedTls: null,
      counts: { none: 0, 'tls1.0': 0, 'tls1.1': 0, 'tls1.2': 5_000_000_000, 'tls1.3': 1, unknown: 0 },
    };
    expect(() => packedCounts(record)).toThrow(
      '2025-03-04, Fabrikam In: 5,000,000,000 TLS 1.2 messages is more than one day of one connector can hold (4,294,967,295).',
    );
    expect([...packedCounts({ ...record, counts: { ...record.counts, 'tls1.2': 4_294_967_295 } })]).toEqual([
      1, 4_294_967_295, 0, 0, 0, 0,
    ]);
  });
});
