import { render } from 'preact';
import '../ui/theme.css';
import '../ui/page.css';
import { loadSettings } from '../settings.js';
import { ReportApp } from '../ui/report-app.js';
import { createReportStore, rangeFromSearch } from '../ui/stores/report-store.js';
import { createAggregateClient } from '../worker/client.js';

const store = createReportStore(createAggregateClient(), (await loadSettings()).currentDataset);
void store.load(rangeFromSearch(location.search));

function changeRange(from: string, to: string): void {
  const url = new URL(location.href);
  url.searchParams.set('from', from);
  url.searchParams.set('to', to);
  history.pushState(null, '', url);
  void store.load(rangeFromSearch(url.search));
}
addEventListener('popstate', () => void store.load(rangeFromSearch(location.search)));

render(
  <ReportApp store={store} onRangeChange={changeRange} />,
  document.getElementById('app') as HTMLElement,
);
