/// <reference lib="webworker" />
/**
 * The aggregation worker: reads files and the store, computes with src/core, answers pages.
 * It never writes the database (the service worker does), so it can be killed at any time.
 */
import { summarize } from '../core/aggregate.js';
import { isIsoDate } from '../core/dates.js';
import { readMailflowFile } from '../core/formats/index.js';
import type { InsightThresholds } from '../core/insights.js';
import { connectorChoices, connectorReport, resolveRange } from '../core/report.js';
import { ALL_MAIL_FLOW, formatSelection, parseSelection } from '../core/selection.js';
import { settingsFrom } from '../core/settings.js';
import { extentOf, listPaths, readRecords, snapshotRangeOf } from '../store/records.js';
import { mailflowDb } from '../store/schema.js';
import type {
  WorkerProtocol,
  WorkerRequestMessage,
  WorkerRequestName,
  WorkerResponseMessage,
} from './protocol.js';

declare const self: DedicatedWorkerGlobalScope;

const db = mailflowDb;

/** Thresholds from a page are checked like stored settings: anything malformed becomes the default. */
function checkedThresholds(thresholds: unknown): InsightThresholds {
  return settingsFrom({ thresholds }).thresholds;
}

type Handlers = {
  [K in WorkerRequestName]: (request: WorkerProtocol[K]['request']) => Promise<WorkerProtocol[K]['response']>;
};

const handlers: Handlers = {
  async 'read-file'({ fileName, bytes, options }) {
    return readMailflowFile(fileName, new Uint8Array(bytes), options);
  },
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

function isRequest(data: unknown): data is WorkerRequestMessage {
  if (typeof data !== 'object' || data === null) return false;
  const message = data as Partial<WorkerRequestMessage>;
  return (
    typeof message.id === 'number' &&
    typeof message.name === 'string' &&
    Object.hasOwn(handlers, message.name)
  );
}

self.addEventListener('message', async (event: MessageEvent<unknown>) => {
  if (!isRequest(event.data)) return;
  const { id, name, request } = event.data;
  let reply: WorkerResponseMessage;
  try {
    const handler = handlers[name] as (request: unknown) => Promise<unknown>;
    reply = { id, ok: true, response: await handler(request) };
  } catch (error) {
    reply = { id, ok: false, error: error instanceof Error ? error.message : String(error) };
  }
  self.postMessage(reply);
});
