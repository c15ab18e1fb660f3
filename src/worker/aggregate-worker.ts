/// <reference lib="webworker" />
/**
 * The aggregation worker: reads files and the store, computes with src/core, answers pages.
 * Its one write is the import page's import, one transaction like every write; the service worker
 * writes captures, undo and the rest.
 */
import { isImportRequest } from '../core/record-guards.js';
import { mailflowDb } from '../store/schema.js';
import type {
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

const handlers: Handlers = {
  // The readers load on first use: the popup's worker only ever answers queries, and opens faster.
  async 'read-file'(request, report) {
    if ('file' in request) {
      const { readFileInChunks } = await import('./read-file-in-chunks.js');
      return readFileInChunks(request.file, request.file.name, request.options, report);
    }
    const { readMailflowFile } = await import('../core/formats/index.js');
    return readMailflowFile(request.fileName, new Uint8Array(request.bytes), request.options);
  },
  async 'import-records'(request) {
    if (!isImportRequest(request))
      throw new Error('The records to import are malformed; nothing was stored.');
    const { importRecords } = await import('../store/imports.js');
    return importRecords(await mailflowDb(), request);
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
