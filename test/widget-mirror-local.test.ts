// @vitest-environment happy-dom
/**
 * The popup's copy of the widget snapshot in localStorage: read synchronously, and never a reason
 * for the popup to fail. A missing, unreadable or malformed copy is no copy.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { DEFAULT_THRESHOLDS } from '../src/core/insights.js';
import { mirrorOf, SNAPSHOT_MIRROR_KEY } from '../src/store/snapshot-mirror.js';
import { snapshotOf } from '../src/store/snapshot-view.js';
import {
  forgetLocalMirror,
  hasLocalMirror,
  onMirrorChanged,
  readLocalMirror,
  writeLocalMirror,
} from '../src/widget-mirror-local.js';

describe('the copy of the widget snapshot in localStorage', () => {
  afterEach(() => {
    vi.unstubAllGlobals();
    localStorage.clear();
  });

  it('reads back what was written, checked', () => {
    expect(hasLocalMirror()).toBe(true);
    expect(readLocalMirror()).toBeNull();
    writeLocalMirror(mirrorOf('contoso', undefined, DEFAULT_THRESHOLDS));
    expect(readLocalMirror()).toEqual({
      dataset: 'contoso',
      thresholds: DEFAULT_THRESHOLDS,
      generation: null,
      snapshot: snapshotOf(undefined, DEFAULT_THRESHOLDS),
    });
    forgetLocalMirror();
    expect(readLocalMirror()).toBeNull();
  });

  it('is no copy when it is not JSON, does not check out, or storage refuses to be read', () => {
    localStorage.setItem(SNAPSHOT_MIRROR_KEY, '{"version":');
    expect(readLocalMirror()).toBeNull();
    localStorage.setItem(SNAPSHOT_MIRROR_KEY, JSON.stringify({ dataset: 'contoso' }));
    expect(readLocalMirror()).toBeNull();
    writeLocalMirror(mirrorOf('contoso', undefined, DEFAULT_THRESHOLDS));
    expect(readLocalMirror()).not.toBeNull();
    // Storage switched off for the profile: reading throws.
    vi.stubGlobal('localStorage', {
      getItem() {
        throw new DOMException('The operation is insecure.', 'SecurityError');
      },
    });
    expect(readLocalMirror()).toBeNull();
  });

  it('tells a page when another context rewrote or cleared the copy, and nothing else', () => {
    const changes: string[] = [];
    const stop = onMirrorChanged(() => changes.push('changed'));
    // What the browser fires in the other documents of the origin after a write in one of them.
    const fire = (key: string | null) => dispatchEvent(new StorageEvent('storage', { key }));
    fire(SNAPSHOT_MIRROR_KEY);
    fire('some-other-key');
    fire(null);
    expect(changes).toEqual(['changed', 'changed']);
    stop();
    fire(SNAPSHOT_MIRROR_KEY);
    expect(changes).toHaveLength(2);
  });
});
