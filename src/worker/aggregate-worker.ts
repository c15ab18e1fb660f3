/// <reference lib="webworker" />
/**
 * The aggregation worker: reads files and the store, computes with src/core, answers pages.
 * Its one write is the import page's import, one transaction like every write; the service worker
 * writes captures, undo and the rest.
 */
import { mailflowDb } from '../store/schema.js';
import { createHeldReads } from './held-reads.js';
import type {
  StoreReadRequest,
  WorkerProgressMessage,
  WorkerProgressOf,
  WorkerProtocol,
  WorkerRequestMessage,
  WorkerRequestName,
  WorkerResponseMessage,
} from './protocol.js';
import { createQueryHandlers } from './queries.js';

declare const self: DedicatedWorkerGlobalScope;

type Handlers = {
  [K in WorkerRequestName]: (
    request: WorkerProtocol[K]['request'],
    report: (progress: WorkerProgressOf<K>) => void,
  ) => Promise<WorkerProtocol[K]['response']>;
};

const heldReads = createHeldReads();

function isStoreReadRequest(value: unknown): value is StoreReadRequest {
  if (typeof value !== 'object' || value === null) return false;
  const request = value as Record<string, unknown>;
  return (
    Number.isSafeInteger(request.readId) &&
    typeof request.dataset === 'string' &&
    request.dataset.length > 0 &&
    request.dataset.length <= 128 &&
    typeof request.fileName === 'string' &&
    request.fileName.length <= 1024
  );
}

const handlers: Handlers = {
  // The readers load on first use: the popup's worker only ever answers queries, and opens faster.
  async 'read-file'(request, report) {
    if ('file' in request) {
      const { readFileInChunks } = await import('./read-file-in-chunks.js');
      return heldReads.hold(await readFileInChunks(request.file, request.file.name, request.options, report));
    }
    const { readMailflowFile } = await import('../core/formats/index.js');
    return heldReads.hold(readMailflowFile(request.fileName, new Uint8Array(request.bytes), request.options));
  },
  async 'import-records'(request) {
    if (!isStoreReadRequest(request)) throw new Error('The import request is malformed; nothing was stored.');
    const read = heldReads.get(request.readId);
    if (read === undefined)
      throw new Error('The records of this file are no longer held; add the file again to import it.');
    const { importRecords } = await import('../store/imports.js');
    const outcome = await importRecords(await mailflowDb(), {
      dataset: request.dataset,
      fileName: request.fileName,
      format: read.format,
      rows: read.rows,
      records: read.records,
    });
    heldReads.forget(request.readId);
    return outcome;
  },
  async 'forget-read'(request) {
    if (typeof request === 'object' && request !== null) heldReads.forget(request.readId);
    return null;
  },
  ...createQueryHandlers(mailflowDb),
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
    const handler = handlers[name] as (
      request: unknown,
      report: (progress: unknown) => void,
    ) => Promise<unknown>;
    const report = (progress: unknown) => self.postMessage({ id, progress } satisfies WorkerProgressMessage);
    reply = { id, ok: true, response: await handler(request, report) };
  } catch (error) {
    reply = { id, ok: false, error: error instanceof Error ? error.message : String(error) };
  }
  self.postMessage(reply);
});
