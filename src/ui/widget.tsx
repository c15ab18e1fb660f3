/** The portal's "Outbound and inbound mail flow" widget, for the snapshot window. */
import type { Ref } from 'preact';
import { useLayoutEffect } from 'preact/hooks';
import type { Summary } from '../core/aggregate.js';
import type { DateRange } from '../core/model.js';
import { formatRange } from './format.js';
import { TlsBreakdown } from './tls-breakdown.js';

export function Widget({
  window,
  summary,
  onViewDetails,
  viewDetailsRef,
}: {
  window: DateRange;
  summary: Summary;
  onViewDetails: () => void;
  /** The host puts focus back here when the flyout closes. */
  viewDetailsRef?: Ref<HTMLButtonElement>;
}) {
  const insightCount = summary.insights.length;
  useLayoutEffect(() => {
    // Read by the benchmark (popup open → widget painted): the frame that first shows the widget.
    // A layout effect runs as the widget enters the DOM; a plain effect runs only after that frame
    // has painted, so its requestAnimationFrame marked the frame after.
    requestAnimationFrame(() => performance.mark('mailflow-lens:widget-painted'));
  }, []);
  return (
    <section class="card" data-testid="widget" aria-labelledby="widget-title">
      <div class="widget-header">
        <h2 id="widget-title">Outbound and inbound mail flow</h2>
        <span class="muted" data-testid="widget-range" data-from={window.from} data-to={window.to}>
          {formatRange(window.from, window.to)}
        </span>
      </div>
      <TlsBreakdown direction="outbound" totals={summary.directions.outbound} testIdPrefix="widget" />
      <TlsBreakdown direction="inbound" totals={summary.directions.inbound} testIdPrefix="widget" />
      <div class="widget-footer">
        <span data-testid="widget-insights" data-value={insightCount}>
          {insightCount === 0
            ? 'No active insights'
            : `${insightCount} active insight${insightCount === 1 ? '' : 's'}`}
        </span>
        <button
          type="button"
          class="button primary"
          ref={viewDetailsRef}
          data-testid="view-details"
          aria-haspopup="dialog"
          onClick={onViewDetails}
        >
          View details
        </button>
      </div>
    </section>
  );
}
