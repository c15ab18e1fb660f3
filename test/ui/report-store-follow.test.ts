import 'fake-indexeddb/auto';
import { deleteDB } from 'idb';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DEFAULT_THRESHOLDS } from '../../src/core/insights.js';
import { emptyCounts, type MailflowRecord } from '../../src/core/model.js';
import { importRecords } from '../../src/store/imports.js';
import { DB_NAME, openMailflowDb } from '../../src/store/schema.js';
import { createReportStore, type ReportStore } from '../../src/ui/stores/report-store.js';
import type { AggregateClient } from '../../src/worker/client.js';
import { workerClientOver } from './worker-client-over.js';

const record = (date: string, connector: string, none: number, tls12: number): MailflowRecord => ({
  date,
  direction: 'outbound',
  connector,
  connectorType: 'Partner',
  forcedTls: false,
  counts: { ...emptyCounts(), none, 'tls1.2': tls12 },
});

/** The report on screen, once there is one. */
const shown = (store: ReportStore) =>
  store.state.value.status === 'ready' ? store.state.value.report : null;

describe('an open report when Settings change what it is of', () => {
  let db: Awaited<ReturnType<typeof openMailflowDb>>;
  let client: AggregateClient;
  beforeEach(async () => {
    await deleteDB(DB_NAME);
    db = await openMailflowDb();
    // Contoso's March, with 20 % of Contoso Out's mail without TLS; Fabrikam's May.
    await importRecords(db, {
      dataset: 'default',
      fileName: 'contoso.csv',
      format: null,
      rows: 2,
      records: [record('2025-03-01', 'Contoso Out', 20, 80), record('2025-03-02', 'Contoso Out', 20, 80)],
    });
    await importRecords(db, {
      dataset: 'fabrikam',
      fileName: 'fabrikam.csv',
      format: null,
      rows: 1,
      records: [record('2025-05-10', 'Fabrikam Out', 0, 50)],
    });
    client = workerClientOver(db);
  });
  afterEach(async () => {
    db.close();
    await deleteDB(DB_NAME);
  });

  it('other thresholds change the insights and keep the range and connector', async () => {
    const store = createReportStore(client, 'default', DEFAULT_THRESHOLDS);
    const contosoOut = { kind: 'connector', direction: 'outbound', connector: 'Contoso Out' } as const;
    store.ask({ range: { from: '2025-03-02', to: '2025-03-02' }, selection: contosoOut });
    await store.load();
    expect(shown(store)?.insights).toEqual([]);

    await store.follow('default', { ...DEFAULT_THRESHOLDS, noTls: 0.1 });
    expect(store.query.value.range).toEqual({ from: '2025-03-02', to: '2025-03-02' });
    expect(shown(store)?.selection).toEqual(contosoOut);
    expect(shown(store)?.insights.map(({ kind, connector, share }) => ({ kind, connector, share }))).toEqual([
      { kind: 'no-tls', connector: 'Contoso Out', share: 0.2 },
    ]);
  });

  it('another dataset starts over at its own default range and all mail flow', async () => {
    const store = createReportStore(client, 'default', DEFAULT_THRESHOLDS);
    store.ask({
      range: { from: '2025-03-01', to: '2025-03-01' },
      selection: { kind: 'connector', direction: 'outbound', connector: 'Contoso Out' },
    });
    await store.load();
    await store.follow('fabrikam', DEFAULT_THRESHOLDS);
    expect(store.query.value).toMatchObject({ range: null, selection: { kind: 'all' } });
    expect(shown(store)?.range).toEqual({ from: '2025-05-04', to: '2025-05-10' });
    expect(shown(store)?.totals.messages).toBe(50);
    // The two no-connector paths are always offered; Contoso's connector is not.
    expect(shown(store)?.connectors.map((choice) => choice.connector)).toEqual([null, null, 'Fabrikam Out']);
    const exported = await store.exportCsv('details');
    expect(exported?.text).toContain('Fabrikam Out');
    expect(exported?.text).not.toContain('Contoso Out');
  });
});
