import { describe, expect, it } from 'vitest';
import { DB_VERSION } from '../../src/store/db-identity.js';
import { mirrorOf, snapshotFromMirror } from '../../src/store/snapshot-mirror.js';
import type { StoredSnapshot } from '../../src/store/snapshots.js';

const counts = (tls12: number, none: number) => ({
  messages: tls12 + none,
  tls: { none, 'tls1.0': 0, 'tls1.1': 0, 'tls1.2': tls12, 'tls1.3': 0, unknown: 0 },
});

const STORED: StoredSnapshot = {
  dataset: 'contoso',
  generation: '5c1f0b4e-0000-4000-8000-000000000001',
  extent: { from: '2025-01-01', to: '2025-03-03' },
  window: { from: '2025-02-25', to: '2025-03-03' },
  directions: { inbound: counts(90, 10), outbound: counts(40, 0) },
  connectors: {
    directions: Uint8Array.from([0, 0, 1]),
    names: [null, 'Fabrikam In', null],
    types: [null, 'Partner', null],
    counts: Float64Array.from([0, 80, 0, 0, 10, 0, 0, 10, 0, 0, 0, 0, 0, 40, 0, 0, 0, 0]),
  },
};

/** Through storage.local, which keeps JSON values. */
const stored = (value: unknown): unknown => JSON.parse(JSON.stringify(value));

describe('the copy of the widget snapshot in storage.local', () => {
  it('gives back the stored snapshot exactly, typed columns included', () => {
    const copy = snapshotFromMirror(stored(mirrorOf('contoso', STORED)), 'contoso');
    expect(copy).toEqual({ stored: STORED });
    expect(copy?.stored?.connectors.counts).toBeInstanceOf(Float64Array);
    expect(copy?.stored?.connectors.directions).toBeInstanceOf(Uint8Array);
  });

  it('says so for a dataset that holds nothing', () => {
    expect(snapshotFromMirror(stored(mirrorOf('contoso', undefined)), 'contoso')).toEqual({
      stored: undefined,
    });
  });

  it('is not used for another dataset, another schema version, or anything that does not check out', () => {
    const good = stored(mirrorOf('contoso', STORED)) as Record<string, unknown>;
    const snapshot = good.snapshot as Record<string, unknown>;
    const connectors = snapshot.connectors as Record<string, unknown>;
    expect(snapshotFromMirror(good, 'fabrikam')).toBeNull();
    expect(snapshotFromMirror({ ...good, version: DB_VERSION - 1 }, 'contoso')).toBeNull();
    expect(snapshotFromMirror(undefined, 'contoso')).toBeNull();
    expect(snapshotFromMirror('widget', 'contoso')).toBeNull();
    const broken = (patch: Record<string, unknown>) => ({ ...good, snapshot: { ...snapshot, ...patch } });
    expect(snapshotFromMirror(broken({ dataset: 'fabrikam' }), 'contoso')).toBeNull();
    expect(snapshotFromMirror(broken({ generation: 7 }), 'contoso')).toBeNull();
    expect(snapshotFromMirror(broken({ window: { from: '2025-02-25' } }), 'contoso')).toBeNull();
    expect(snapshotFromMirror(broken({ directions: { inbound: counts(1, 1) } }), 'contoso')).toBeNull();
    const column = (patch: Record<string, unknown>) => broken({ connectors: { ...connectors, ...patch } });
    expect(snapshotFromMirror(column({ counts: [1, 2, 3] }), 'contoso')).toBeNull();
    expect(
      snapshotFromMirror(column({ counts: (connectors.counts as number[]).map(() => -1) }), 'contoso'),
    ).toBeNull();
    expect(snapshotFromMirror(column({ directions: [0, 2, 1] }), 'contoso')).toBeNull();
    expect(snapshotFromMirror(column({ names: [null, 5, null] }), 'contoso')).toBeNull();
    expect(snapshotFromMirror(column({ types: [null] }), 'contoso')).toBeNull();
  });
});
