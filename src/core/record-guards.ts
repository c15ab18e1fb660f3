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
