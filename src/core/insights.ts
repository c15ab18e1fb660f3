/** The portal's two insights, with its thresholds as defaults (both strictly greater). */
import type { ConnectorTotals } from './aggregate.js';
import { isObject } from './is-object.js';
import type { Direction } from './model.js';

export type InsightKind = 'no-tls' | 'tls1.0';

export interface InsightThresholds {
  /** Flag a connector when No TLS / messages is above this fraction. */
  noTls: number;
  /** Flag a connector when TLS 1.0 / messages is above this fraction. */
  tls10: number;
  /** Connectors with fewer messages than this in the range are not judged. */
  minMessages: number;
}

export const DEFAULT_THRESHOLDS: InsightThresholds = { noTls: 0.25, tls10: 0.5, minMessages: 1 };

/** A share threshold: a fraction from 0 to 1. */
export const isFraction = (value: unknown): value is number =>
  typeof value === 'number' && value >= 0 && value <= 1;

/** A minimum volume: a whole number of messages, 0 or more. */
export const isMinMessages = (value: unknown): value is number =>
  Number.isSafeInteger(value) && (value as number) >= 0;

/** Thresholds exactly as they must be: two fractions and a whole, non-negative minimum. */
export function isInsightThresholds(value: unknown): value is InsightThresholds {
  if (!isObject(value)) return false;
  const { noTls, tls10, minMessages } = value;
  return isFraction(noTls) && isFraction(tls10) && isMinMessages(minMessages);
}

export const sameThresholds = (a: InsightThresholds, b: InsightThresholds): boolean =>
  a.noTls === b.noTls && a.tls10 === b.tls10 && a.minMessages === b.minMessages;

export interface Insight {
  direction: Direction;
  connector: string | null;
  kind: InsightKind;
  /** affected / messages, as a fraction 0–1. */
  share: number;
  /** The connector's total in the range. */
  messages: number;
  /** Messages in the flagged bucket. */
  affected: number;
}

export function findInsights(
  connectors: readonly ConnectorTotals[],
  thresholds: InsightThresholds = DEFAULT_THRESHOLDS,
): Insight[] {
  const insights: Insight[] = [];
  for (const totals of connectors) {
    if (totals.messages === 0 || totals.messages < thresholds.minMessages) continue;
    const base = { direction: totals.direction, connector: totals.connector, messages: totals.messages };
    const noTls = totals.tls.none;
    if (noTls / totals.messages > thresholds.noTls) {
      insights.push({ ...base, kind: 'no-tls', share: noTls / totals.messages, affected: noTls });
    }
    const tls10 = totals.tls['tls1.0'];
    if (tls10 / totals.messages > thresholds.tls10) {
      insights.push({ ...base, kind: 'tls1.0', share: tls10 / totals.messages, affected: tls10 });
    }
  }
  return insights;
}

/** What an admin should do about an insight, in one line. */
export function insightAdvice(kind: InsightKind): string {
  return kind === 'no-tls'
    ? 'Mail on this path travels unencrypted. Ask the partner to enable TLS, or require TLS on the connector.'
    : 'Most mail on this path uses TLS 1.0, which is deprecated. Ask the partner or on-premises server to move to TLS 1.2 or later.';
}
