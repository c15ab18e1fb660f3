import { describe, expect, it } from 'vitest';
import { emptyCounts, type MailflowRecord } from '../../src/core/model.js';
import { connectorReport } from '../../src/core/report.js';
import { ALL_MAIL_FLOW } from '../../src/core/selection.js';
import { createReportStore, DETAILS_PAGE } from '../../src/ui/stores/report-store.js';
import type { AggregateClient } from '../../src/worker/client.js';

/** 30 days × 20 connectors = 600 details rows. */
const records: MailflowRecord[] = [];
for (let day = 1; day <= 30; day++) {
  for (let c = 0; c < 20; c++) {
    records.push({
      date: `2025-04-${String(day).padStart(2, '0')}`,
      direction: 'inbound',
      connector: `Partner ${c}`,
      connectorType: 'Partner',
      forcedTls: true,
      counts: { ...emptyCounts(), 'tls1.2': 10 + c },
    });
  }
}

const client: AggregateClient = {
  call: (async (_name: string, request: { range: null }) =>
    connectorReport(records, {
      range: request.range ?? { from: '2025-04-01', to: '2025-04-30' },
      selection: ALL_MAIL_FLOW,
    })) as AggregateClient['call'],
  terminate() {},
};

describe('the details table of a long range', () => {
  it('shows a page of rows at a time, and starts again at one page after a new query', async () => {
    const store = createReportStore(client, 'default');
    await store.load();
    expect(store.details.value).toHaveLength(600);
    expect(store.visibleDetails.value).toHaveLength(DETAILS_PAGE);
    store.showMoreDetails();
    expect(store.visibleDetails.value).toHaveLength(500);
    store.showMoreDetails();
    expect(store.visibleDetails.value).toHaveLength(600);
    await store.load();
    expect(store.visibleDetails.value).toHaveLength(DETAILS_PAGE);
    // The page follows the sort: the first rows shown are the first of the sorted whole.
    store.sortBy('volume');
    expect(store.visibleDetails.value[0]?.messages).toBe(10);
  });
});
