import 'fake-indexeddb/auto';
import { deleteDB } from 'idb';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { emptyCounts, type MailflowRecord } from '../../src/core/model.js';
import { importRecords, undoImport } from '../../src/store/imports.js';
import { createPackCache } from '../../src/store/pack-cache.js';
import { readRangeColumns } from '../../src/store/records.js';
import { DB_NAME, openMailflowDb, type QuarterPacks } from '../../src/store/schema.js';

const record = (date: string, tls12: number): MailflowRecord => ({
  date,
  direction: 'inbound',
  connector: null,
  connectorType: null,
  forcedTls: null,
  counts: { ...emptyCounts(), 'tls1.2': tls12 },
});
const request = (fileName: string, records: MailflowRecord[]) => ({
  dataset: 'default',
  fileName,
  format: 'connector-report',
  rows: records.length,
  records,
});
const quarter = (key: string): QuarterPacks => ({ dataset: 'd', quarter: key, months: [] });

describe('the query cache of read quarters', () => {
  beforeEach(() => deleteDB(DB_NAME));
  afterEach(() => deleteDB(DB_NAME));

  it('keeps quarters for one dataset and generation, the most recently used first to stay', () => {
    const cache = createPackCache(2);
    const now = cache.at('d', 'g1');
    now.keepQuarter('2025-Q1', quarter('2025-Q1'));
    now.keepQuarter('2025-Q2', null);
    expect(now.quarter('2025-Q1')?.quarter).toBe('2025-Q1');
    now.keepQuarter('2025-Q3', quarter('2025-Q3'));
    // Q2 was used least recently: it went to make room.
    expect(now.quarter('2025-Q2')).toBeUndefined();
    expect(cache.at('d', 'g1').quarter('2025-Q3')?.quarter).toBe('2025-Q3');
    expect(cache.at('d', 'g2').quarter('2025-Q3')).toBeUndefined();
    expect(cache.at('other', 'g2').quarter('2025-Q1')).toBeUndefined();
  });

  it('never serves what an import or an undo has changed since', async () => {
    const db = await openMailflowDb();
    const cache = createPackCache();
    const range = { from: '2025-03-01', to: '2025-03-31' };
    const total = async () => {
      const { columns } = await readRangeColumns(db, 'default', () => range, cache);
      let sum = 0;
      for (const block of columns.blocks)
        for (let i = 0; i < block.days.length; i++) sum += block.counts[i * 6 + 1] ?? 0;
      return sum;
    };
    await importRecords(db, request('a.csv', [record('2025-03-01', 10)]));
    expect(await total()).toBe(10);
    expect(await total()).toBe(10);
    const later = await importRecords(db, request('b.csv', [record('2025-03-02', 5)]));
    expect(await total()).toBe(15);
    await undoImport(db, later.importId);
    expect(await total()).toBe(10);
    db.close();
  });
});
