/**
 * report.html's URL contract (product.md): `?from=&to=&view=mailflow|tls&show=…`. Read on load and
 * on popstate, written on change; a value that does not parse is ignored, never trusted.
 */
import { isIsoDate } from '../../core/dates.js';
import { formatSelection, parseSelection } from '../../core/selection.js';
import type { ReportQuery, ReportView } from './report-store.js';

export function queryFromSearch(search: string): ReportQuery {
  const params = new URLSearchParams(search);
  const from = params.get('from');
  const to = params.get('to');
  const view = params.get('view');
  return {
    range: from !== null && to !== null && isIsoDate(from) && isIsoDate(to) ? { from, to } : null,
    view: view === 'tls' || view === 'mailflow' ? (view as ReportView) : 'mailflow',
    selection: parseSelection(params.get('show')) ?? { kind: 'all' },
  };
}

/** The search string for a query; the defaults are left out so a plain report.html stays plain. */
export function searchFromQuery(query: ReportQuery): string {
  const params: [string, string][] = [];
  if (query.range !== null) params.push(['from', query.range.from], ['to', query.range.to]);
  if (query.view !== 'mailflow') params.push(['view', query.view]);
  if (query.selection.kind !== 'all') params.push(['show', formatSelection(query.selection)]);
  // encodeURIComponent rather than URLSearchParams: a space reads as %20 in a bookmark, not '+'.
  const search = params.map(([key, value]) => `${key}=${encodeURIComponent(value)}`).join('&');
  return search === '' ? '' : `?${search}`;
}
