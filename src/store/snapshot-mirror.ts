/**
 * A copy of what the popup shows for the current dataset, kept in the extension origin's
 * localStorage (src/widget-mirror-local.ts), so the popup reads it synchronously as its entry module
 * runs and paints the widget in the same task: no storage round trip, no IndexedDB open, and no
 * script to load before its own. Read through storage.local it had cost one round trip (~15 ms)
 * and an extra first script; the IndexedDB open and read before that cost ~32 ms. The copy is small
 * on purpose: the widget's window and direction totals and the insights found for the saved
 * thresholds, not every connector's totals (a large tenant's 400 made a read 10-20 ms longer).
 *
 * IndexedDB and the settings stay the truth. Every write refreshes the copy after its transaction
 * commits, and so does saving thresholds or switching datasets (src/widget-mirror.ts). The popup,
 * having painted the copy, reads the settings and the snapshot after that first frame, and repaints
 * and rewrites the copy when the dataset, the thresholds or the generation differ: a copy left
 * behind (a writer stopped between its commit and the copy, or two writers finishing out of order)
 * is shown for one moment and mended by the popup that shows it. A copy of another schema version,
 * or one that does not check out field by field, is not used. Pure functions: no storage here.
 */
import type { DirectionTotals } from '../core/aggregate.js';
import { isIsoDate } from '../core/dates.js';
import { type Insight, type InsightThresholds, isFraction, isInsightThresholds } from '../core/insights.js';
import { isObject } from '../core/is-object.js';
import { type DateRange, type Direction, TLS_BUCKETS } from '../core/model.js';
import { DB_VERSION } from './db-identity.js';
import { type Snapshot, snapshotOf } from './snapshot-view.js';
import type { StoredSnapshot } from './snapshots.js';

/** Its localStorage key. */
export const SNAPSHOT_MIRROR_KEY = 'mailflow-lens:widget-snapshot';

export interface SnapshotMirror {
  /** The schema version the copy was made under: another version's copy is not used. */
  version: number;
  dataset: string;
  /** The thresholds its insights were found for. */
  thresholds: InsightThresholds;
  /** null: the dataset holds nothing. */
  snapshot: {
    generation: string;
    window: DateRange;
    directions: Record<Direction, DirectionTotals>;
    insights: Insight[];
  } | null;
}

export function mirrorOf(
  dataset: string,
  stored: StoredSnapshot | undefined,
  thresholds: InsightThresholds,
): SnapshotMirror {
  if (stored === undefined) return { version: DB_VERSION, dataset, thresholds, snapshot: null };
  const { summary } = snapshotOf(stored, thresholds);
  return {
    version: DB_VERSION,
    dataset,
    thresholds,
    snapshot: {
      generation: stored.generation,
      window: stored.window,
      directions: stored.directions,
      insights: summary.insights,
    },
  };
}

const isDate = (value: unknown): value is string => typeof value === 'string' && isIsoDate(value);
const isRange = (value: unknown): boolean => isObject(value) && isDate(value.from) && isDate(value.to);
const isCount = (value: unknown): value is number =>
  typeof value === 'number' && Number.isFinite(value) && value >= 0;
const isTotals = (value: unknown): boolean =>
  isObject(value) &&
  isCount(value.messages) &&
  isObject(value.tls) &&
  TLS_BUCKETS.every((bucket) => isCount((value.tls as Record<string, unknown>)[bucket]));
const isInsight = (value: unknown): boolean =>
  isObject(value) &&
  (value.direction === 'inbound' || value.direction === 'outbound') &&
  (value.connector === null || typeof value.connector === 'string') &&
  (value.kind === 'no-tls' || value.kind === 'tls1.0') &&
  isFraction(value.share) &&
  isCount(value.messages) &&
  isCount(value.affected);

/** A copy that checks out: what it shows, and for which dataset, thresholds and generation. */
export interface CheckedMirror {
  dataset: string;
  thresholds: InsightThresholds;
  /** The stored snapshot's generation it was made from; null: the dataset held nothing. */
  generation: string | null;
  snapshot: Snapshot;
}

/** The copy as the popup paints it, or null when it cannot be used. */
export function checkMirror(value: unknown): CheckedMirror | null {
  if (
    !isObject(value) ||
    value.version !== DB_VERSION ||
    typeof value.dataset !== 'string' ||
    value.dataset === '' ||
    !isInsightThresholds(value.thresholds)
  )
    return null;
  const { dataset, thresholds } = value;
  const copy = value.snapshot;
  if (copy === null)
    return { dataset, thresholds, generation: null, snapshot: snapshotOf(undefined, thresholds) };
  if (
    !isObject(copy) ||
    typeof copy.generation !== 'string' ||
    !isRange(copy.window) ||
    !isObject(copy.directions) ||
    !isTotals(copy.directions.inbound) ||
    !isTotals(copy.directions.outbound) ||
    !Array.isArray(copy.insights) ||
    !copy.insights.every(isInsight)
  )
    return null;
  const window = copy.window as DateRange;
  return {
    dataset,
    thresholds,
    generation: copy.generation,
    snapshot: {
      window,
      summary: {
        range: window,
        directions: copy.directions as Record<Direction, DirectionTotals>,
        // Not in the copy: no view of the popup shows per-connector totals.
        connectors: [],
        insights: copy.insights as Insight[],
      },
    },
  };
}
