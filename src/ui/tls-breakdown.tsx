/** One direction's message count, stacked TLS bar and legend with shares: the heart of the widget. */
import type { DirectionTotals } from '../core/aggregate.js';
import { type Direction, SHOWN_TLS_BUCKETS, TLS_LABELS } from '../core/model.js';
import { displayShares, formatShare } from '../core/shares.js';
import { formatCount } from './format.js';

const DIRECTION_LABELS: Record<Direction, string> = { inbound: 'Inbound', outbound: 'Outbound' };

export function TlsBreakdown({
  direction,
  totals,
  testIdPrefix,
}: {
  direction: Direction;
  totals: DirectionTotals;
  testIdPrefix: string;
}) {
  const shares = displayShares(totals.tls);
  const buckets = totals.tls.unknown > 0 ? [...SHOWN_TLS_BUCKETS, 'unknown' as const] : SHOWN_TLS_BUCKETS;
  const headingId = `${testIdPrefix}-${direction}-heading`;
  return (
    <section class="direction-block" aria-labelledby={headingId}>
      <div class="direction-line">
        <h3 id={headingId}>{DIRECTION_LABELS[direction]}</h3>
        <span
          class="direction-count"
          data-testid={`${testIdPrefix}-${direction}-messages`}
          data-value={totals.messages}
          title={`${formatCount(totals.messages)} messages`}
        >
          {formatCount(totals.messages)}
          <span class="visually-hidden"> messages</span>
        </span>
      </div>
      <div class="tls-bar" aria-hidden="true">
        {buckets.map((bucket) =>
          totals.tls[bucket] > 0 ? (
            <span
              key={bucket}
              class={`swatch ${bucket}`}
              // One style string: Preact sets it in one go, where an object is set property by property.
              style={`width: ${(totals.tls[bucket] / totals.messages) * 100}%`}
            />
          ) : null,
        )}
      </div>
      <ul class="tls-legend">
        {buckets.map((bucket) => (
          <li key={bucket} title={`${formatCount(totals.tls[bucket])} messages`}>
            <span class={`swatch ${bucket}`} aria-hidden="true" />
            {TLS_LABELS[bucket]}
            <strong
              data-testid={`${testIdPrefix}-${direction}-share-${bucket}`}
              data-value={shares[bucket] === null ? '' : shares[bucket]?.toFixed(1)}
            >
              {formatShare(shares[bucket])}
            </strong>
          </li>
        ))}
      </ul>
    </section>
  );
}
