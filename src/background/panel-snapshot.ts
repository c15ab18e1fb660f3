/**
 * The portal panel's numbers, read by the service worker. The panel is an extension page framed by
 * the portal, and in a third-party frame the browser blocks (or partitions) IndexedDB, so the
 * panel cannot read the store itself the way the popup's worker does. Same store reads and the
 * same core `summarize` as the worker's `snapshot` and `extent` requests.
 */
import type { IDBPDatabase } from 'idb';
import { type Summary, summarize } from '../core/aggregate.js';
import type { DateRange } from '../core/model.js';
import { earliestDate, latestDate, readRecords, snapshotRangeOf } from '../store/records.js';
import type { MailflowDb } from '../store/schema.js';

export interface PanelSnapshot {
  window: DateRange | null;
  summary: Summary;
  extent: DateRange | null;
}

export async function panelSnapshot(db: IDBPDatabase<MailflowDb>, dataset: string): Promise<PanelSnapshot> {
  const window = await snapshotRangeOf(db, dataset);
  if (window === null) return { window, summary: summarize([]), extent: null };
  const [records, from, to] = await Promise.all([
    readRecords(db, dataset, window),
    earliestDate(db, dataset),
    latestDate(db, dataset),
  ]);
  return {
    window,
    summary: summarize(records, window),
    extent: from === null || to === null ? null : { from, to },
  };
}
