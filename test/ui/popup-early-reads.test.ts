// @vitest-environment happy-dom
/**
 * The popup's first script and its entry both load async: whichever runs first, the entry gets the
 * first script's reads, and without a first script it goes on with its own once the page has loaded.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { type EarlyReads, handOverEarlyReads, takeEarlyReads } from '../../src/pages/popup-early-reads.js';

const reads = (): EarlyReads => ({
  settings: Promise.resolve({ currentDataset: 'default' }),
  mirror: Promise.resolve(undefined),
  snapshots: Promise.resolve([]),
});

function setReadyState(state: DocumentReadyState): void {
  Object.defineProperty(document, 'readyState', { configurable: true, get: () => state });
}

describe("the hand-over of the popup's first reads", () => {
  afterEach(() => {
    setReadyState('complete');
    void takeEarlyReads(); // nothing left over for the next test
  });

  it('gives the reads handed over before the entry asks, once', async () => {
    const handed = reads();
    handOverEarlyReads(handed);
    expect(await takeEarlyReads()).toBe(handed);
    setReadyState('complete');
    expect(await takeEarlyReads()).toBeNull();
  });

  it('waits for the hand-over when the entry runs first', async () => {
    setReadyState('loading');
    const taken = takeEarlyReads();
    const handed = reads();
    handOverEarlyReads(handed);
    expect(await taken).toBe(handed);
  });

  it('gives null once the page has loaded without a first script, or with a malformed hand-over', async () => {
    setReadyState('loading');
    const taken = takeEarlyReads();
    window.dispatchEvent(new Event('load'));
    expect(await taken).toBeNull();
    (globalThis as Record<string, unknown>).__mailflowLensPopupReads = { settings: 'no' };
    setReadyState('complete');
    expect(await takeEarlyReads()).toBeNull();
  });
});
