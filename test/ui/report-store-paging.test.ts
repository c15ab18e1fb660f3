import 'fake-indexeddb/auto';
import { deleteDB } from 'idb';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { emptyCounts, type MailflowRecord } from '../../src/core/model.js';
import { importRecords } from '../../src/store/imports.js';
import { DB_NAME, openMailflowDb } from '../../src/store/schema.js';
import { createReportStore, DETAILS_PAGE } from '../../src/ui/stores/report-store.js';
import type { AggregateClient } from '../../src/worker/client.js';
import { createQueryHandlers } from '../../src/worker/queries.js';
import { workerClientOver } from './worker-client-over.js';

/** 30 days × 20 connectors = 600 details rows. */
const records: MailflowRecord[] = [];
for (let day = 1; day <= 30; day++) {
  for (let c = 0; c < 20; c++) {
    records.push({
      date: `2025-04-${String(day).padStart(2, '0')}`,
      direction: 'inbound',
      connector: `Partner ${String(c).padStart(2, '0')}`,
      connectorType: 'Partner',
      forcedTls: true,
      counts: { ...emptyCounts(), 'tls1.2': 10 + c + day, none: c },
    });
  }
}

describe('the details table of a long range', () => {
  let db: Awaited<ReturnType<typeof openMailflowDb>>;
  let client: AggregateClient;
  beforeEach(async () => {
    await deleteDB(DB_NAME);
    db = await openMailflowDb();
    await importRecords(db, { dataset: 'default', fileName: 'a.csv', format: null, rows: 600, records });
    client = workerClientOver(db);
  });
  afterEach(async () => {
    db.close();
    await deleteDB(DB_NAME);
  });

  it('comes a page at a time, sorted in the worker, and starts again at one page after a new query', async () => {
    const store = createReportStore(client, 'default');
    store.ask({ range: { from: '2025-04-01', to: '2025-04-30' } });
    await store.load();
    expect(store.detailsTotal.value).toBe(600);
    expect(store.details.value).toHaveLength(DETAILS_PAGE);
    expect(store.details.value[0]).toMatchObject({ date: '2025-04-01', connector: 'Partner 00' });
    await store.showMoreDetails();
    expect(store.details.value).toHaveLength(500);
    await store.showMoreDetails();
    expect(store.details.value).toHaveLength(600);
    // Sorting asks the worker again, for the first page of the new order: the whole 600 sorted.
    await store.sortBy('volume');
    expect(store.details.value).toHaveLength(DETAILS_PAGE);
    expect(store.details.value[0]).toMatchObject({
      date: '2025-04-01',
      connector: 'Partner 00',
      messages: 11,
    });
    await store.sortBy('volume');
    expect(store.details.value[0]).toMatchObject({
      date: '2025-04-30',
      connector: 'Partner 19',
      messages: 19 + 10 + 19 + 30,
    });
    await store.sortBy('none');
    expect(store.details.value[0]?.shares.none).toBe(0);
  });

  it('exports every row, in the table sort, not just the page shown', async () => {
    const store = createReportStore(client, 'default');
    store.ask({ range: { from: '2025-04-01', to: '2025-04-30' } });
    await store.load();
    await store.sortBy('volume');
    await store.sortBy('volume');
    const file = await store.exportCsv('details');
    const lines = file?.text.trim().split('\r\n') ?? [];
    expect(file?.fileName).toBe('mailflow-lens_default_2025-04-01_2025-04-30_details.csv');
    expect(lines).toHaveLength(601);
    // 19 of 78 messages without TLS, 59 over TLS 1.2.
    expect(lines[1]).toBe('2025-04-30,Inbound - Partner 19,Partner,True,24.4%,0.0%,0.0%,75.6%,78');
  });
});

describe('the connector choices of the report', () => {
  it('come once per dataset state: later reports send the token instead, an import sends them again', async () => {
    await deleteDB(DB_NAME);
    const db = await openMailflowDb();
    try {
      await importRecords(db, { dataset: 'default', fileName: 'a.csv', format: null, rows: 600, records });
      const queries = createQueryHandlers(async () => db);
      const sent: (number | null)[] = [];
      const tokens: (string | undefined)[] = [];
      const client = {
        call: (async (name: 'report', request: Parameters<typeof queries.report>[0]) => {
          tokens.push(request.choicesToken);
          const message = await queries[name](request);
          sent.push(message.connectors?.length ?? null);
          return message;
        }) as AggregateClient['call'],
        terminate() {},
      };
      const store = createReportStore(client, 'default');
      const range = { from: '2025-04-01', to: '2025-04-30' };
      store.query.value = { range, view: 'mailflow', selection: { kind: 'all' } };
      await store.load();
      await store.sortBy('volume');
      store.query.value = {
        range,
        view: 'mailflow',
        selection: { kind: 'connector', direction: 'inbound', connector: 'Partner 03' },
      };
      await store.load();
      expect(sent).toEqual([22, null, null]);
      expect(tokens[0]).toBeUndefined();
      expect(new Set(tokens.slice(1)).size).toBe(1);
      expect(store.details.value[0]).toMatchObject({ connector: 'Partner 03', connectorType: 'Partner' });
      const state = store.state.value;
      expect(state.status === 'ready' && state.report.connectors).toHaveLength(22);
      // A write gives the dataset a new generation: the choices come again, with the new connector.
      await importRecords(db, {
        dataset: 'default',
        fileName: 'b.csv',
        format: null,
        rows: 1,
        records: [{ ...(records[0] as MailflowRecord), connector: 'Partner 99' }],
      });
      await store.load();
      expect(sent.at(-1)).toBe(23);
      const after = store.state.value;
      expect(after.status === 'ready' && after.report.connectors.map((choice) => choice.connector)).toContain(
        'Partner 99',
      );
    } finally {
      db.close();
      await deleteDB(DB_NAME);
    }
  });
});
