/**
 * What the popup's first script (popup-early.ts) hands its entry module: the settings and the
 * snapshots, already being read while the modules load. Opening the popup went: page parsed at
 * ~80-100 ms, entry module running at ~135-140 ms, settings and database read from there on, the
 * widget painted at ~205 ms (medians, this machine). Started from the first script, the reads run
 * beside the module loading instead of after it.
 */
import type { StoredSnapshot } from '../store/snapshots.js';

export interface EarlyReads {
  /** The stored settings value as it is in storage.local, unchecked. */
  settings: Promise<unknown>;
  /** The copy of the widget snapshot in storage.local (src/store/snapshot-mirror.ts), unchecked. */
  mirror: Promise<unknown>;
  /** Every dataset's snapshot; null when they must be read through the schema code. */
  snapshots: Promise<StoredSnapshot[] | null>;
}

const GLOBAL = '__mailflowLensPopupReads';
/** Dispatched on the window when the first script has handed its reads over. */
const HANDED_OVER = 'mailflow-lens:early-reads';

type Holder = { [GLOBAL]?: unknown };

export function handOverEarlyReads(reads: EarlyReads): void {
  (globalThis as Holder)[GLOBAL] = reads;
  globalThis.dispatchEvent(new Event(HANDED_OVER));
}

const isPromise = (value: unknown): value is Promise<unknown> =>
  typeof value === 'object' && value !== null && typeof (value as Promise<unknown>).then === 'function';

function take(): EarlyReads | null {
  const holder = globalThis as Holder;
  const reads = holder[GLOBAL] as Partial<EarlyReads> | undefined;
  delete holder[GLOBAL];
  return reads !== undefined &&
    isPromise(reads.settings) &&
    isPromise(reads.mirror) &&
    isPromise(reads.snapshots)
    ? (reads as EarlyReads)
    : null;
}

/**
 * The early reads, once. Both scripts load `async` (neither waits for the other or for the page to
 * be parsed), so the entry may run first: it then waits for the hand-over, or for the page's load
 * event, after which every script has run (null: the first script did not, as in a test page).
 */
export function takeEarlyReads(): Promise<EarlyReads | null> {
  const now = take();
  if (now !== null || document.readyState === 'complete') return Promise.resolve(now);
  return new Promise((resolve) => {
    const settle = () => {
      globalThis.removeEventListener(HANDED_OVER, settle);
      globalThis.removeEventListener('load', settle);
      resolve(take());
    };
    globalThis.addEventListener(HANDED_OVER, settle);
    globalThis.addEventListener('load', settle);
  });
}
