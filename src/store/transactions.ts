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
function abortQuietly(tx: WriteTransaction): void {
  try {
    tx.abort();
  } catch {
    // Already finished or aborted.
  }
}

/**
 * Ends a write that failed: aborts it (nothing of it lands) and throws what the person can act
 * on. The browser's own words for a full disk or quota ("QuotaExceededError", or "The
 * transaction was aborted") say nothing about what to do.
 */
export function abandon(tx: WriteTransaction, error: unknown): never {
  abortQuietly(tx);
  throw readableWriteError(error);
}

export function readableWriteError(error: unknown): unknown {
  const name = error instanceof Error || error instanceof DOMException ? error.name : '';
  if (name !== 'QuotaExceededError') return error;
  return new Error(
    "the browser has no room left for Mailflow Lens's data (its storage quota is used up). Delete a dataset you no longer need in Settings, or free space on this computer's disk, then try again.",
  );
}
