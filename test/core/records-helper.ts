/** Records written sparsely, for the report tests. */
import { emptyCounts, type MailflowRecord } from '../../src/core/model.js';

export function record(
  partial: Partial<Omit<MailflowRecord, 'counts'>> & { counts: Partial<MailflowRecord['counts']> },
): MailflowRecord {
  return {
    date: '2025-03-03',
    direction: 'inbound',
    connector: null,
    connectorType: null,
    forcedTls: null,
    ...partial,
    counts: { ...emptyCounts(), ...partial.counts },
  };
}

/** A small tenant: three days (one missing), the no-connector paths and two named connectors. */
export const TENANT: MailflowRecord[] = [
  record({ date: '2025-03-01', forcedTls: false, counts: { 'tls1.2': 900, none: 100 } }),
  record({
    date: '2025-03-01',
    connector: 'Fabrikam In',
    connectorType: 'Partner',
    forcedTls: true,
    counts: { 'tls1.0': 60, 'tls1.2': 40 },
  }),
  record({
    date: '2025-03-01',
    direction: 'outbound',
    forcedTls: false,
    counts: { 'tls1.3': 300, 'tls1.2': 200 },
  }),
  // 2025-03-02 is missing: no export covered it.
  record({ date: '2025-03-03', forcedTls: false, counts: { 'tls1.2': 2, none: 1 } }),
  record({
    date: '2025-03-03',
    connector: 'Fabrikam In',
    connectorType: 'Partner',
    forcedTls: true,
    counts: { 'tls1.0': 0 },
  }),
  record({
    date: '2025-03-03',
    direction: 'outbound',
    connector: 'Woodgrove Out',
    connectorType: 'Partner',
    forcedTls: false,
    counts: { none: 26, 'tls1.3': 74 },
  }),
];
