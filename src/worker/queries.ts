/**
 * The store queries behind every view: read the range's records, compute with src/core. The
 * aggregation worker serves them to the popup and the report tab; the service worker serves the
 * same functions to the portal panel, a framed extension page that cannot open IndexedDB itself.
 */
import type { IDBPDatabase } from 'idb';
import { summarizeColumns } from '../core/aggregate.js';
import { detailsCsv, exactCountsCsv, exportFileName } from '../core/csv-export.js';
import { isIsoDate } from '../core/dates.js';
import {
  DEFAULT_DETAILS_SORT,
  DETAILS_COLUMN_LABELS,
  type DetailsSort,
  detailsPageOf,
} from '../core/details.js';
import type { InsightThresholds } from '../core/insights.js';
import type { DateRange } from '../core/model.js';
import { connectorChoices, connectorReportOf, resolveRange } from '../core/report.js';
import { packReport } from '../core/report-wire.js';
import {
  ALL_MAIL_FLOW,
  type ConnectorSelection,
  formatSelection,
  parseSelection,
} from '../core/selection.js';
import { settingsFrom } from '../core/settings.js';
import { createPackCache } from '../store/pack-cache.js';
import { extentOf, readRangeColumns } from '../store/records.js';
import type { MailflowDb } from '../store/schema.js';
import { readSnapshot } from '../store/snapshots.js';
import type { QueryName, WorkerProtocol } from './protocol.js';

export type QueryHandlers = {
  [K in QueryName]: (request: WorkerProtocol[K]['request']) => Promise<WorkerProtocol[K]['response']>;
};

const checkedSelection = (selection: unknown): ConnectorSelection =>
  parseSelection(formatSelection(selection as ConnectorSelection)) ?? ALL_MAIL_FLOW;

const checkedRange = (range: DateRange | null): DateRange | null =>
  range !== null && isIsoDate(range.from) && isIsoDate(range.to) ? range : null;

function checkedSort(sort: unknown): DetailsSort {
  const { column, direction } = (sort ?? {}) as Partial<DetailsSort>;
  return column !== undefined &&
    column in DETAILS_COLUMN_LABELS &&
    (direction === 'ascending' || direction === 'descending')
    ? { column, direction }
    : DEFAULT_DETAILS_SORT;
}

function checkedDetails(details: unknown): { sort: DetailsSort; limit: number } | undefined {
  if (typeof details !== 'object' || details === null) return undefined;
  const { sort, limit } = details as { sort?: unknown; limit?: unknown };
  return {
    sort: checkedSort(sort),
    limit: Number.isSafeInteger(limit) && (limit as number) > 0 ? (limit as number) : 250,
  };
}

/** Thresholds from a page are checked like stored settings: anything malformed becomes the default. */
function checkedThresholds(thresholds: unknown): InsightThresholds {
  return settingsFrom({ thresholds }).thresholds;
}

export function createQueryHandlers(db: () => Promise<IDBPDatabase<MailflowDb>>): QueryHandlers {
  // The quarters this context has read, reused while the dataset is unchanged (src/store/pack-cache.ts).
  const cache = createPackCache();
  return {
    async snapshot({ dataset, thresholds }) {
      return readSnapshot(await db(), dataset, checkedThresholds(thresholds));
    },
    async summary({ dataset, range, thresholds }) {
      const { columns } = await readRangeColumns(await db(), dataset, () => range, cache);
      return summarizeColumns(columns, range, checkedThresholds(thresholds));
    },
    async extent({ dataset }) {
      return extentOf(await db(), dataset);
    },
    async report({ dataset, range, selection, thresholds, details, choicesToken }) {
      const asked = checkedRange(range);
      const { extent, columns, generation } = await readRangeColumns(
        await db(),
        dataset,
        (known) => resolveRange(asked, known),
        cache,
      );
      const report = connectorReportOf(
        columns,
        { range: asked, selection: checkedSelection(selection), details: checkedDetails(details) },
        checkedThresholds(thresholds),
        {
          extent,
          // "Show data for" lists every connector ever seen: the dataset's paths, not only this range's.
          connectors: connectorChoices(columns.paths.filter((path) => path !== undefined)),
        },
      );
      // The choices change only when the dataset is written, which gives it a new generation.
      const token = generation === '' ? '' : `${dataset}\u0000${generation}`;
      return packReport(report, token, typeof choicesToken === 'string' ? choicesToken : undefined);
    },
    async export({ dataset, range, selection, sort, kind }) {
      const asked = checkedRange(range);
      const { range: shown, columns } = await readRangeColumns(
        await db(),
        dataset,
        (known) => resolveRange(asked, known),
        cache,
      );
      if (shown === null) return null;
      const page = detailsPageOf(columns, shown, checkedSelection(selection), checkedSort(sort));
      return {
        fileName: exportFileName(dataset, shown, kind === 'counts' ? 'counts' : 'details'),
        text: kind === 'counts' ? exactCountsCsv(page.rows) : detailsCsv(page.rows, page.columns),
      };
    },
  };
}
