import 'fake-indexeddb/auto';
import { deleteDB } from 'idb';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { summarize } from '../../src/core/aggregate.js';
import { DEFAULT_THRESHOLDS } from '../../src/core/insights.js';
import { emptyCounts, type MailflowRecord } from '../../src/core/model.js';
import { createBackup, restoreBackup } from '../../src/store/backup.js';
import { deleteDataset } from '../../src/store/datasets.js';
import { importRecords, undoImport } from '../../src/store/imports.js';
import { deleteAllData, extentOf } from '../../src/store/records.js';
import { DB_NAME, openMailflowDb } from '../../src/store/schema.js';
import { readSnapshot } from '../../src/store/snapshots.js';

function record(date: string, connector: string | null, tls12: number, none = 0): MailflowRecord {
  return {
    date,
    direction: connector === 'Woodgrove Out' ? 'outbound' : 'inbound',
    connector,
    connectorType: connector === null ? null : 'Partner',
    forcedTls: null,
    counts: { ...emptyCounts(), 'tls1.2': tls12, none },
  };
}

const request = (fileName: string, records: MailflowRecord[], dataset = 'default') => ({
  dataset,
  fileName,
  format: 'connector-report',
  rows: records.length,
  records,
});

// Three weeks across a month end; the snapshot window is 2025-03-04 … 2025-03-10.
const WEEKS = Array.from({ length: 21 }, (_, day) => {
  const date = new Date(Date.UTC(2025, 1, 18 + day)).toISOString().slice(0, 10);
  return [
    record(date, null, 100 + day, day),
    record(date, 'Fabrikam In', 10, day % 3 === 0 ? 20 : 0),
    record(date, 'Woodgrove Out', 50 + day),
  ];
}).flat();

describe("the widget's stored snapshot", () => {
  beforeEach(() => deleteDB(DB_NAME));
  afterEach(() => deleteDB(DB_NAME));

  it('equals the core summary of the 7 days up to the latest date, after every import', async () => {
    const db = await openMailflowDb();
    await importRecords(db, request('weeks.csv', WEEKS));
    const { window, summary } = await readSnapshot(db, 'default');
    expect(window).toEqual({ from: '2025-03-04', to: '2025-03-10' });
    expect(summary).toEqual(summarize(WEEKS, { from: '2025-03-04', to: '2025-03-10' }));
    // No connector 7 × 100 + 2 × (14 + … + 20) = 938; Fabrikam 7 × 10 + 20 on days 15 and 18 = 110.
    expect(summary.directions.inbound.messages).toBe(1_048);
    expect(summary.insights.map((insight) => [insight.connector, insight.kind])).toEqual([
      ['Fabrikam In', 'no-tls'],
    ]);
    db.close();
  });

  it('finds the insights for the thresholds asked when read', async () => {
    const db = await openMailflowDb();
    await importRecords(db, request('weeks.csv', WEEKS));
    const strict = await readSnapshot(db, 'default', { ...DEFAULT_THRESHOLDS, noTls: 0.01 });
    expect(strict.summary.insights.map((insight) => insight.connector)).toEqual([null, 'Fabrikam In']);
    const lenient = await readSnapshot(db, 'default', { ...DEFAULT_THRESHOLDS, minMessages: 1_000 });
    expect(lenient.summary.insights).toEqual([]);
    db.close();
  });

  it('follows undo, restore, and deletion', async () => {
    const db = await openMailflowDb();
    await importRecords(db, request('weeks.csv', WEEKS));
    const later = await importRecords(db, request('later.csv', [record('2025-03-20', null, 7)]));
    expect((await readSnapshot(db, 'default')).window).toEqual({ from: '2025-03-14', to: '2025-03-20' });
    expect(await extentOf(db, 'default')).toEqual({ from: '2025-02-18', to: '2025-03-20' });
    await undoImport(db, later.importId);
    expect((await readSnapshot(db, 'default')).window).toEqual({ from: '2025-03-04', to: '2025-03-10' });
    expect(await extentOf(db, 'default')).toEqual({ from: '2025-02-18', to: '2025-03-10' });

    const backup = await createBackup(db);
    await deleteAllData(db);
    expect((await readSnapshot(db, 'default')).window).toBeNull();
    await restoreBackup(db, backup);
    expect((await readSnapshot(db, 'default')).summary).toEqual(
      summarize(WEEKS, { from: '2025-03-04', to: '2025-03-10' }),
    );

    await importRecords(db, request('other.csv', [record('2025-01-01', null, 1)], 'contoso'));
    await deleteDataset(db, 'default');
    expect((await readSnapshot(db, 'default')).window).toBeNull();
    expect((await readSnapshot(db, 'contoso')).window).toEqual({ from: '2024-12-26', to: '2025-01-01' });
    db.close();
  });
});
