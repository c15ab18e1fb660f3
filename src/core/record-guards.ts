/** Shape checks for records that arrive from another context: nothing is stored unless it passes. */

import { isIsoDate } from './dates.js';
import { DIRECTIONS, type MailflowRecord, TLS_BUCKETS } from './model.js';

const CONNECTOR_TYPES = new Set(['Partner', 'OnPremises']);

function isCount(value: unknown): value is number {
  return typeof value === 'number' && Number.isSafeInteger(value) && value >= 0;
}

export function isMailflowRecord(value: unknown): value is MailflowRecord {
  if (typeof value !== 'object' || value === null) return false;
  const record = value as Record<string, unknown>;
  const counts = record.counts as Record<string, unknown> | null | undefined;
  return (
    typeof record.date === 'string' &&
    isIsoDate(record.date) &&
    (DIRECTIONS as readonly unknown[]).includes(record.direction) &&
    (record.connector === null || (typeof record.connector === 'string' && record.connector.length <= 512)) &&
    (record.connectorType === null || CONNECTOR_TYPES.has(record.connectorType as string)) &&
    (record.forcedTls === null || typeof record.forcedTls === 'boolean') &&
    typeof counts === 'object' &&
    counts !== null &&
    TLS_BUCKETS.every((bucket) => isCount(counts[bucket]))
  );
}

/** At most this many records in one import: far above a year of 400 connectors (146,000). */
export const MAX_RECORDS_PER_IMPORT = 2_000_000;

/** An import request as the import page sends it: dataset, file facts and valid records. */
export function isImportRequest(value: unknown): boolean {
  if (typeof value !== 'object' || value === null) return false;
  const request = value as Record<string, unknown>;
  return (
    typeof request.dataset === 'string' &&
    request.dataset.length > 0 &&
    request.dataset.length <= 128 &&
    typeof request.fileName === 'string' &&
    request.fileName.length <= 1024 &&
    (request.format === null || typeof request.format === 'string') &&
    typeof request.rows === 'number' &&
    Array.isArray(request.records) &&
    request.records.length <= MAX_RECORDS_PER_IMPORT &&
    request.records.every(isMailflowRecord)
  );
}
