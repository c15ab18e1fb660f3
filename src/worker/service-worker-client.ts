/** The portal panel's client: the aggregation worker's calls, answered by the service worker. */
import { type QueryRequest, sendMessage } from '../messaging.js';
import type { AggregateClient } from './client.js';
import type { QueryName } from './protocol.js';

/**
 * The same calls answered by the service worker instead of a Web Worker, for the portal panel:
 * a framed extension page may not open IndexedDB, so its worker could not either. Files are not
 * read this way (the panel imports nothing).
 */
export function createServiceWorkerClient(): AggregateClient {
  return {
    async call(name, request) {
      if (name === 'read-file')
        throw new Error('Files are read on the import page, not in the portal panel.');
      return (await sendMessage('query', {
        name: name as QueryName,
        request: request as QueryRequest['request'],
      })) as never;
    },
    terminate() {},
  };
}
