import { it } from 'vitest';
import { summarize } from '../src/core/aggregate.js';
import { detailsRows } from '../src/core/details.js';
import { emptyCounts, type MailflowRecord } from '../src/core/model.js';
import { ALL_MAIL_FLOW } from '../src/core/selection.js';
import { dailySeries } from '../src/core/series.js';

it('prof', () => {
  const records: MailflowRecord[] = [];
  const start = Date.UTC(2025, 10, 1);
  for (let d = 0; d < 365; d++) {
    const date = new Date(start + d * 864e5).toISOString().slice(0, 10);
    for (const direction of ['inbound', 'outbound'] as const)
      for (let c = 0; c < 200; c++)
        records.push({
          date,
          direction,
          connector: c === 0 ? null : `${direction} P${c}`,
          connectorType: 'Partner',
          forcedTls: true,
          counts: { ...emptyCounts(), 'tls1.2': 300 + c, none: 5, 'tls1.3': 100 },
        });
  }
  const range = { from: '2025-11-01', to: '2026-10-31' };
  for (let i = 0; i < 3; i++) {
    let t = performance.now();
    summarize(records, range);
    const a = performance.now() - t;
    t = performance.now();
    dailySeries(records, range, ALL_MAIL_FLOW);
    const b = performance.now() - t;
    t = performance.now();
    const rows = detailsRows(records, range, ALL_MAIL_FLOW);
    const c = performance.now() - t;
    console.log(`summarize ${a.toFixed(0)} series ${b.toFixed(0)} details ${c.toFixed(0)} (${rows.length})`);
  }
}, 60000);
