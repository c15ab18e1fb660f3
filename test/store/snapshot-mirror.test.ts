import { describe, expect, it } from 'vitest';
import { DEFAULT_THRESHOLDS } from '../../src/core/insights.js';
import { DB_VERSION } from '../../src/store/db-identity.js';
import { checkMirror, mirrorOf } from '../../src/store/snapshot-mirror.js';
import { snapshotOf } from '../../src/store/snapshot-view.js';
import type { StoredSnapshot } from '../../src/store/snapshots.js';

const counts = (tls12: number, none: number) => ({
  messages: tls12 + none,
  tls: { none, 'tls1.0': 0, 'tls1.1': 0, 'tls1.2': tls12, 'tls1.3': 0, unknown: 0 },
});

// Inbound: no connector (90 TLS 1.2, 10 none) and Fabrikam In (40 TLS 1.2, 60 TLS 1.0); outbound:
// no connector, 40 TLS 1.2.
const STORED: StoredSnapshot = {
  dataset: 'contoso',
  generation: '5c1f0b4e-0000-4000-8000-000000000001',
  extent: { from: '2025-01-01', to: '2025-03-03' },
  window: { from: '2025-02-25', to: '2025-03-03' },
  directions: { inbound: counts(130, 10), outbound: counts(40, 0) },
  connectors: {
    directions: Uint8Array.from([0, 0, 1]),
    names: [null, 'Fabrikam In', null],
    types: [null, 'Partner', null],
    counts: Float64Array.from([0, 90, 0, 0, 10, 0, 0, 40, 0, 60, 0, 0, 0, 40, 0, 0, 0, 0]),
  },
};
const STRICT = { noTls: 0.05, tls10: 0.5, minMessages: 1 };

/** Through localStorage, which keeps JSON text. */
const stored = (value: unknown): unknown => JSON.parse(JSON.stringify(value));

describe('the copy of the widget snapshot in localStorage', () => {
  it('shows what the stored snapshot shows for the same thresholds, but per-connector totals', () => {
    for (const thresholds of [DEFAULT_THRESHOLDS, STRICT]) {
      const copy = checkMirror(stored(mirrorOf('contoso', STORED, thresholds)));
      const { window, summary } = snapshotOf(STORED, thresholds);
      expect(copy).toEqual({
        dataset: 'contoso',
        thresholds,
        generation: STORED.generation,
        snapshot: { window, summary: { ...summary, connectors: [] } },
      });
    }
    // The default thresholds flag Fabrikam In's TLS 1.0; the strict ones the no-connector path's No TLS too.
    expect(mirrorOf('contoso', STORED, DEFAULT_THRESHOLDS).snapshot?.insights).toHaveLength(1);
    expect(mirrorOf('contoso', STORED, STRICT).snapshot?.insights).toHaveLength(2);
  });

  it('says so for a dataset that holds nothing', () => {
    expect(checkMirror(stored(mirrorOf('contoso', undefined, STRICT)))).toEqual({
      dataset: 'contoso',
      thresholds: STRICT,
      generation: null,
      snapshot: snapshotOf(undefined, STRICT),
    });
  });

  it('is not used under another schema version, or when anything in it does not check out', () => {
    const good = stored(mirrorOf('contoso', STORED, STRICT)) as Record<string, unknown>;
    const snapshot = good.snapshot as Record<string, unknown>;
    const use = checkMirror;
    expect(use(good)).not.toBeNull();
    expect(use({ ...good, version: DB_VERSION - 1 })).toBeNull();
    expect(use({ ...good, dataset: '' })).toBeNull();
    expect(use({ ...good, dataset: 7 })).toBeNull();
    expect(use({ ...good, thresholds: { ...STRICT, noTls: 1.5 } })).toBeNull();
    expect(use({ ...good, thresholds: { ...STRICT, minMessages: -1 } })).toBeNull();
    expect(use({ ...good, thresholds: { ...STRICT, minMessages: 0.5 } })).toBeNull();
    expect(use({ ...good, thresholds: undefined })).toBeNull();
    expect(use(undefined)).toBeNull();
    expect(use('widget')).toBeNull();
    const broken = (patch: Record<string, unknown>) => ({ ...good, snapshot: { ...snapshot, ...patch } });
    expect(use(broken({ generation: 7 }))).toBeNull();
    expect(use(broken({ window: { from: '2025-02-25' } }))).toBeNull();
    expect(use(broken({ window: { from: '2025-02-25', to: '2025-02-30' } }))).toBeNull();
    expect(use(broken({ directions: { inbound: counts(1, 1) } }))).toBeNull();
    expect(use(broken({ directions: { inbound: counts(1, 1), outbound: counts(-1, 0) } }))).toBeNull();
    const [insight] = snapshot.insights as Record<string, unknown>[];
    expect(use(broken({ insights: 'none' }))).toBeNull();
    expect(use(broken({ insights: [{ ...insight, kind: 'tls1.1' }] }))).toBeNull();
    expect(use(broken({ insights: [{ ...insight, share: 1.5 }] }))).toBeNull();
    expect(use(broken({ insights: [{ ...insight, connector: 7 }] }))).toBeNull();
  });
});
