/** Insights as the portal words them, each naming connector, direction, share and count. */
import type { Insight } from '../core/insights.js';
import { insightAdvice } from '../core/insights.js';
import { connectorLabel } from '../core/selection.js';
import { formatCount } from './format.js';

export { connectorLabel };

export function InsightList({ insights }: { insights: readonly Insight[] }) {
  if (insights.length === 0)
    return <p class="muted">No insights: no connector is over the No TLS or TLS 1.0 thresholds.</p>;
  return (
    <ul class="insight-list">
      {insights.map((insight) => (
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
  );
}
