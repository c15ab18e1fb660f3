/**
 * A copy of the current dataset's widget snapshot in storage.local, beside the settings, so the
 * popup's first script gets both in one storage read (~14 ms after it starts) instead of waiting for
 * an IndexedDB open and read (~32 ms): the read was the longest step before the popup's first paint.
 *
 * IndexedDB stays the truth. Every write refreshes the copy after its transaction commits
 * (src/widget-mirror.ts), and the popup, having painted from the copy, still reads the snapshot
 * from IndexedDB and repaints and rewrites the copy when its generation differs: a copy left behind
 * (a writer stopped between its commit and the copy, or two writers finishing out of order) is
 * shown for one moment and mended by the popup that shows it. A copy of another dataset or schema
 * version, or one that does not check out field by field, is not used. Pure functions: no storage here.
 */

import { isObject } from '../core/is-object.js';
import { type ConnectorType, TLS_BUCKETS } from '../core/model.js';
import { BUCKETS } from '../core/record-columns.js';
import { DB_VERSION } from './db-identity.js';
import type { StoredSnapshot } from './snapshots.js';

export const SNAPSHOT_MIRROR_KEY = 'widgetSnapshot';

/** A stored snapshot with its columns as plain arrays: storage.local keeps JSON values. */
type MirroredSnapshot = Omit<StoredSnapshot, 'connectors'> & {
  connectors: {
    directions: number[];
    names: (string | null)[];
    types: (ConnectorType | null)[];
    counts: number[];
  };
};

export interface SnapshotMirror {
  /** The schema version the copy was made under: another version's copy is not used. */
  version: number;
  dataset: string;
  /** null: the dataset holds nothing. */
  snapshot: MirroredSnapshot | null;
}

export function mirrorOf(dataset: string, stored: StoredSnapshot | undefined): SnapshotMirror {
  return {
    version: DB_VERSION,
    dataset,
    snapshot:
      stored === undefined
        ? null
        : {
            ...stored,
            connectors: {
              directions: [...stored.connectors.directions],
              names: [...stored.connectors.names],
              types: [...stored.connectors.types],
              counts: [...stored.connectors.counts],
            },
          },
  };
}

const isDate = (value: unknown): value is string =>
  typeof value === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(value);
const isRange = (value: unknown): boolean => isObject(value) && isDate(value.from) && isDate(value.to);
const isCount = (value: unknown): value is number =>
  typeof value === 'number' && Number.isFinite(value) && value >= 0;
const isTotals = (value: unknown): boolean =>
  isObject(value) &&
  isCount(value.messages) &&
  isObject(value.tls) &&
  TLS_BUCKETS.every((bucket) => isCount((value.tls as Record<string, unknown>)[bucket]));

/**
 * The stored snapshot a copy holds for `dataset` (undefined: the dataset holds nothing), or null when
 * the copy cannot be used.
 */
export function snapshotFromMirror(
  value: unknown,
  dataset: string,
): { stored: StoredSnapshot | undefined } | null {
  if (!isObject(value) || value.version !== DB_VERSION || value.dataset !== dataset) return null;
  const snapshot = value.snapshot;
  if (snapshot === null) return { stored: undefined };
  if (
    !isObject(snapshot) ||
    snapshot.dataset !== dataset ||
    typeof snapshot.generation !== 'string' ||
    !isRange(snapshot.extent) ||
    !isRange(snapshot.window) ||
    !isObject(snapshot.directions) ||
    !isTotals(snapshot.directions.inbound) ||
    !isTotals(snapshot.directions.outbound) ||
    !isObject(snapshot.connectors)
  )
    return null;
  const { directions, names, types, counts } = snapshot.connectors;
  if (
    !Array.isArray(directions) ||
    !Array.isArray(names) ||
    !Array.isArray(types) ||
    !Array.isArray(counts) ||
    names.length !== directions.length ||
    types.length !== directions.length ||
    counts.length !== directions.length * BUCKETS ||
    !directions.every((direction) => direction === 0 || direction === 1) ||
    !names.every((name) => name === null || typeof name === 'string') ||
    !types.every((type) => type === null || typeof type === 'string') ||
    !counts.every(isCount)
  )
    return null;
  return {
    stored: {
      ...(snapshot as unknown as StoredSnapshot),
      connectors: {
        directions: Uint8Array.from(directions as number[]),
        names: names as (string | null)[],
        types: types as (ConnectorType | null)[],
        counts: Float64Array.from(counts as number[]),
      },
    },
  };
}
