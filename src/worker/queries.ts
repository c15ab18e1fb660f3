/**
 * The store queries behind every view: read the range's records, compute with src/core. The
 * aggregation worker serves them to the popup and the report tab; the service worker serves the
 * same functions to the portal panel, a framed extension page that cannot open IndexedDB itself.
 */
import type { IDBPDatabase } from 'idb';
import { summarize } from '../core/aggregate.js';
import { isIsoDate } from '../core/dates.js';
import type { InsightThresholds } from '../core/insights.js';
import { connectorChoices, connectorReport, resolveRange } from '../core/report.js';
import { ALL_MAIL_FLOW, formatSelection, parseSelection } from '../core/selection.js';
import { settingsFrom } from '../core/settings.js';
import { extentOf, listPaths, readRecords, snapshotRangeOf } from '../store/records.js';
import type { MailflowDb } from '../store/schema.js';
import type { WorkerProtocol } from './protocol.js';

export const QUERY_NAMES = ['snapshot', 'summary', 'extent', 'report'] as const;
export type QueryName = (typeof QUERY_NAMES)[number];

export type QueryHandlers = {
  [K in QueryName]: (request: WorkerProtocol[K]['request']) => Promise<WorkerProtocol[K]['response']>;
};

/** Thresholds from a page are checked like stored settings: anything malformed becomes the default. */
function checkedThresholds(thresholds: unknown): InsightThresholds {
  return settingsFrom({ thresholds }).thresholds;
}

export function createQueryHandlers(db: () => Promise<IDBPDatabase<MailflowDb>>): QueryHandlers {
  return {
    async snapshot({ dataset, thresholds }) {
      const window = await snapshotRangeOf(await db(), dataset);
      if (window === null) return { window, summary: summarize([]) };
      const records = await readRecords(await db(), dataset, window);
      return { window, summary: summarize(records, window, checkedThresholds(thresholds)) };
    },
    async summary({ dataset, range, thresholds }) {
      return summarize(await readRecords(await db(), dataset, range), range, checkedThresholds(thresholds));
    },
    async extent({ dataset }) {
      return extentOf(await db(), dataset);
    },
    async report({ dataset, range, selection, thresholds }) {
      const checked = parseSelection(formatSelection(selection)) ?? ALL_MAIL_FLOW;
      const requested = range !== null && isIsoDate(range.from) && isIsoDate(range.to) ? range : null;
      const database = await db();
      // "Show data for" lists every connector ever seen: the dataset's paths, not only this range's records.
      const [extent, paths] = await Promise.all([extentOf(database, dataset), listPaths(database, dataset)]);
      const shown = resolveRange(requested, extent);
      const records = shown === null ? [] : await readRecords(database, dataset, shown);
      return connectorReport(records, { range: shown, selection: checked }, checkedThresholds(thresholds), {
        extent,
        connectors: connectorChoices(paths),
      });
    },
  };
}
