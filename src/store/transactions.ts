/** Helpers that make a readwrite transaction land whole or not at all, without stray rejections. */
import type { IDBPTransaction, StoreNames } from 'idb';
import type { MailflowDb } from './schema.js';

export type WriteTransaction = IDBPTransaction<MailflowDb, StoreNames<MailflowDb>[], 'readwrite'>;

/** tx.done, observed from the start so an abort is never an unhandled rejection; await it on success. */
export function observed(tx: WriteTransaction): Promise<void> {
  const done = tx.done;
  done.catch(() => {});
  return done;
}

/**
 * A request that throws synchronously does not abort the transaction by itself: the writes already
 * queued would commit. Abort explicitly so the change lands whole or not at all.
 */
export function abortQuietly(tx: WriteTransaction): void {
  try {
    tx.abort();
  } catch {
    // Already finished or aborted.
  }
}
