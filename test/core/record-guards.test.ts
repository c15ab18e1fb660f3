import { describe, expect, it } from 'vitest';
import { emptyCounts } from '../../src/core/model.js';
import { isImportRequest, isMailflowRecord } from '../../src/core/record-guards.js';

const record = {
  date: '2025-03-03',
  direction: 'inbound',
  connector: 'Fabrikam In',
  connectorType: 'Partner',
  forcedTls: true,
  counts: { ...emptyCounts(), 'tls1.2': 10 },
};
const request = {
  dataset: 'default',
  fileName: 'a.csv',
  format: 'connector-report',
  rows: 1,
  records: [record],
};

describe('records and imports arriving from another context', () => {
  it('accept a well-formed record and import', () => {
    expect(isMailflowRecord(record)).toBe(true);
    expect(isImportRequest(request)).toBe(true);
  });

  it('refuse impossible dates, unknown directions or types, and counts that are not whole non-negative numbers', () => {
    for (const bad of [
      { ...record, date: '2025-02-30' },
      { ...record, direction: 'sideways' },
      { ...record, connectorType: 'Cloud' },
      { ...record, counts: { ...record.counts, none: -1 } },
      { ...record, counts: { ...record.counts, none: 1.5 } },
      { ...record, counts: { 'tls1.2': 10 } },
    ]) {
      expect(isMailflowRecord(bad)).toBe(false);
      expect(isImportRequest({ ...request, records: [record, bad] })).toBe(false);
    }
  });

  it('refuse an import without a dataset or with a file name past 1024 characters', () => {
    expect(isImportRequest({ ...request, dataset: '' })).toBe(false);
    expect(isImportRequest({ ...request, fileName: 'x'.repeat(1025) })).toBe(false);
    expect(isImportRequest({ ...request, records: 'all' })).toBe(false);
  });
});
