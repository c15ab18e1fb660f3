/**
 * An aggregate client for store tests: the worker's own query handlers over a database of the
 * test's (fake-indexeddb), called the way the worker calls them, without a worker.
 */
import type { IDBPDatabase } from 'idb';
import type { MailflowDb } from '../../src/store/schema.js';
import type { AggregateClient } from '../../src/worker/client.js';
import { createQueryHandlers } from '../../src/worker/queries.js';

export function workerClientOver(db: IDBPDatabase<MailflowDb>): AggregateClient {
  const queries = createQueryHandlers(async () => db);
  return {
    call: ((name: keyof typeof queries, request: never) => queries[name](request)) as AggregateClient['call'],
    terminate() {},
  };
}
