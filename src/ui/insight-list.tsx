/** Insights as the portal words them, each naming connector, direction, share and count. */
import { useState } from 'preact/hooks';
import type { Insight } from '../core/insights.js';
import { insightAdvice } from '../core/insights.js';
import { connectorLabel } from '../core/selection.js';
import { formatCount } from './format.js';

export { connectorLabel };

let lists = 0;

/**
 * All insights in connector order; or, with `first`, the `first` that affect the most messages,
 * and a button that shows the rest (the popup: a large tenant can have dozens, and the popup is a
 * glance, with the whole list one click away).
 */
export function InsightList({ insights, first }: { insights: readonly Insight[]; first?: number }) {
  const [expanded, setExpanded] = useState(false);
  const [id] = useState(() => `insight-list-${++lists}`);
  if (insights.length === 0)
    return <p class="muted">No insights: no connector is over the No TLS or TLS 1.0 thresholds.</p>;
  const ordered = first === undefined ? insights : [...insights].sort((a, b) => b.affected - a.affected);
  const shown = first === undefined || expanded ? ordered : ordered.slice(0, first);
  const hidden = ordered.length - shown.length;
  return (
    <>
      <ul class="insight-list" id={id}>
        {shown.map((insight) => (
          <li
            key={`${insight.direction}-${insight.connector ?? ''}-${insight.kind}`}
            data-testid="insight"
            data-direction={insight.direction}
            data-connector={insight.connector ?? ''}
            data-kind={insight.kind}
          >
            <strong>
              {(insight.share * 100).toFixed(1)} % of {insight.direction} mail{' '}
              {insight.kind === 'no-tls' ? 'had no TLS' : 'used TLS 1.0'}
            </strong>{' '}
            on <span>{connectorLabel(insight.direction, insight.connector)}</span> (
            {formatCount(insight.affected)} of {formatCount(insight.messages)} messages).
            <div class="muted">{insightAdvice(insight.kind)}</div>
          </li>
        ))}
      </ul>
      {first !== undefined && ordered.length > first && (
        <button
          type="button"
          class="link-button insight-list-more"
          data-testid="insights-more"
          aria-expanded={expanded}
          aria-controls={id}
          onClick={() => setExpanded(!expanded)}
        >
          {expanded
            ? `Show only the ${first} largest`
            : `Show ${hidden} more ${hidden === 1 ? 'insight' : 'insights'}`}
        </button>
      )}
    </>
  );
}
