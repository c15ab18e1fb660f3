/// <reference lib="webworker" />
/**
 * The aggregation worker: reads files and the store, computes with src/core, answers pages.
 * It never writes the database (the service worker does), so it can be killed at any time.
 */
import { summarize } from '../core/aggregate.js';
import { isIsoDate } from '../core/dates.js';
import { readMailflowFile } from '../core/formats/index.js';
import { connectorReport } from '../core/report.js';
import { ALL_MAIL_FLOW, formatSelection, parseSelection } from '../core/selection.js';
import { earliestDate, latestDate, readRecords, snapshotRangeOf } from '../store/records.js';
import { mailflowDb } from '../store/schema.js';
import type {
  WorkerProtocol,
  WorkerRequestMessage,
  WorkerRequestName,
  WorkerResponseMessage,
} from './protocol.js';

declare const self: DedicatedWorkerGlobalScope;

const db = mailflowDb;

/** Bounds that every YYYY-MM-DD date sorts between. */
const ALL_DATES = { from: '0000-00-00', to: '9999-99-99' };

type Handlers = {
  [K in WorkerRequestName]: (request: WorkerProtocol[K]['request']) => Promise<WorkerProtocol[K]['response']>;
};

const handlers: Handlers = {
  async 'read-file'({ fileName, bytes, options }) {
    return readMailflowFile(fileName, new Uint8Array(bytes), options);
  },
  async snapshot({ dataset }) {
    const window = await snapshotRangeOf(await db(), dataset);
    if (window === null) return { window, summary: summarize([]) };
    return { window, summary: summarize(await readRecords(await db(), dataset, window), window) };
  },
  async summary({ dataset, range }) {
    return summarize(await readRecords(await db(), dataset, range), range);
  },
  async extent({ dataset }) {
    const [from, to] = await Promise.all([
      earliestDate(await db(), dataset),
      latestDate(await db(), dataset),
    ]);
    return from === null || to === null ? null : { from, to };
  },
  async report({ dataset, range, selection }) {
    const checked = parseSelection(formatSelection(selection)) ?? ALL_MAIL_FLOW;
    const requested = range !== null && isIsoDate(range.from) && isIsoDate(range.to) ? range : null;
    // The whole history: "Show data for" lists every connector ever seen, not only this range's.
    const records = await readRecords(await db(), dataset, ALL_DATES);
    return connectorReport(records, { range: requested, selection: checked });
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
