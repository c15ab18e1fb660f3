import 'fake-indexeddb/auto';
import { deleteDB } from 'idb';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { emptyPack, rewritePack } from '../../src/store/month-packs.js';
import {
  allPacks,
  edgePacks,
  monthPacksOf,
  packsInRange,
  quarterOf,
  writeMonthPacks,
} from '../../src/store/quarter-packs.js';
import { DB_NAME, openMailflowDb } from '../../src/store/schema.js';

const pack = (month: string, days: number[]) =>
  rewritePack(
    emptyPack('d', month),
    days.map((day) => ({ day, path: 0, forced: -1, counts: [0, day, 0, 0, 0, 0] })),
  ).pack;
const months = (packs: { month: string }[]) => packs.map((candidate) => candidate.month);

describe('packs stored three months to a value', () => {
  beforeEach(() => deleteDB(DB_NAME));
  afterEach(() => deleteDB(DB_NAME));

  it('name the quarter of a month', () => {
    expect(['2025-01', '2025-03', '2025-04', '2025-09', '2025-10', '2025-12'].map(quarterOf)).toEqual([
      '2025-Q1',
      '2025-Q1',
      '2025-Q2',
      '2025-Q3',
      '2025-Q4',
      '2025-Q4',
    ]);
  });

  it('keep a quarter’s other months when one is rewritten, and drop a month written empty', async () => {
    const db = await openMailflowDb();
    let tx = db.transaction('quarters', 'readwrite');
    await writeMonthPacks(tx.store, 'd', [pack('2025-02', [1]), pack('2025-01', [5]), pack('2025-04', [2])]);
    await tx.done;
    expect((await db.getAll('quarters')).map((quarter) => [quarter.quarter, months(quarter.months)])).toEqual(
      [
        ['2025-Q1', ['2025-01', '2025-02']],
        ['2025-Q2', ['2025-04']],
      ],
    );
    tx = db.transaction('quarters', 'readwrite');
    await writeMonthPacks(tx.store, 'd', [pack('2025-02', [3, 4]), emptyPack('d', '2025-04')]);
    await tx.done;
    const store = db.transaction('quarters').store;
    const kept = await monthPacksOf(store, 'd', ['2025-01', '2025-02', '2025-04']);
    expect([...kept.keys()].sort()).toEqual(['2025-01', '2025-02']);
    expect(kept.get('2025-02')?.size).toBe(2);
    expect(await db.count('quarters')).toBe(1);
    db.close();
  });

  it('read a range of months, the packs at either end of history, and everything', async () => {
    const db = await openMailflowDb();
    const tx = db.transaction('quarters', 'readwrite');
    await writeMonthPacks(
      tx.store,
      'd',
      ['2024-11', '2024-12', '2025-01', '2025-02', '2025-03', '2025-04'].map((month) => pack(month, [1])),
    );
    await tx.done;
    const store = db.transaction('quarters').store;
    expect(months(await packsInRange(store, 'd', '2024-12', '2025-02'))).toEqual([
      '2024-12',
      '2025-01',
      '2025-02',
    ]);
    // The last two months lie in two quarters; the first one is alone in its quarter's start.
    expect(months(await edgePacks(store, 'd', 'prev', 2))).toEqual(['2025-04', '2025-03']);
    expect(months(await edgePacks(store, 'd', 'prev', 3))).toEqual(['2025-04', '2025-03', '2025-02']);
    expect(months(await edgePacks(store, 'd', 'next', 1))).toEqual(['2024-11']);
    expect(await edgePacks(store, 'other', 'prev', 2)).toEqual([]);
    expect(months(await allPacks(store, 'd'))).toHaveLength(6);
    db.close();
  });
});
