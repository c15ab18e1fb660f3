/** Insights as the portal words them, each naming connector, direction, share and count. */
import { useEffect, useState } from 'preact/hooks';
import type { Insight } from '../core/insights.js';
import { insightAdvice } from '../core/insights.js';
import { connectorLabel } from '../core/selection.js';
import { formatCount } from './format.js';

export { connectorLabel };

let lists = 0;

/**
 * All insights in connector order; or, with `first`, ordered by the messages they affect, the
 * `first` shown and the rest hidden behind a button (the popup: a large tenant can have dozens,
 * and the popup is a glance). Every insight keeps its element and its test hook
 * (shared/spec/product.md), hidden ones too: hidden elements are not laid out or painted. The
 * hidden ones join the page right after its first frame, which then carries only what it shows.
 */
export function InsightList({ insights, first }: { insights: readonly Insight[]; first?: number }) {
  const [expanded, setExpanded] = useState(false);
  const [id] = useState(() => `insight-list-${++lists}`);
  const [allRendered, setAllRendered] = useState(first === undefined);
  useEffect(() => setAllRendered(true), []);
  if (insights.length === 0)
    return <p class="muted">No insights: no connector is over the No TLS or TLS 1.0 thresholds.</p>;
  const ordered = first === undefined ? insights : [...insights].sort((a, b) => b.affected - a.affected);
  const shown = first === undefined || expanded ? ordered.length : Math.min(first, ordered.length);
  const hidden = ordered.length - shown;
  const rendered = allRendered ? ordered : ordered.slice(0, shown);
  return (
    <>
      <ul class="insight-list" id={id}>
        {rendered.map((insight, place) => (
          <li
            key={`${insight.direction}-${insight.connector ?? ''}-${insight.kind}`}
            hidden={place >= shown}
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
