import { effect } from '@preact/signals';
import { render } from 'preact';
import 'uplot/dist/uPlot.min.css';
import '../ui/theme.css';
import '../ui/page.css';
import '../ui/report.css';
import { loadSettings } from '../settings.js';
import { downloadCsv } from '../ui/download.js';
import { ReportApp } from '../ui/report-app.js';
import { createReportStore } from '../ui/stores/report-store.js';
import { queryFromSearch, searchFromQuery } from '../ui/stores/report-url.js';
import { onMirrorChanged } from '../widget-mirror-local.js';
import { createAggregateClient } from '../worker/client.js';

const settings = await loadSettings();
const store = createReportStore(createAggregateClient(), settings.currentDataset, settings.thresholds);
store.ask(queryFromSearch(location.search));

// The URL follows the report (a new history entry per change); Back and Forward bring it back.
effect(() => {
  const search = searchFromQuery(store.query.value);
  if (search !== searchFromQuery(queryFromSearch(location.search))) {
    history.pushState(null, '', `${location.pathname}${search}`);
  }
});
addEventListener('popstate', () => store.ask(queryFromSearch(location.search)));
// Data written elsewhere (an import in another tab, a capture on the portal, an undo), or another
// dataset or thresholds chosen in Settings: ask again, of what Settings now say.
onMirrorChanged(async () => {
  const now = await loadSettings();
  await store.follow(now.currentDataset, now.thresholds);
});

render(
  <ReportApp store={store} onDownload={(file) => downloadCsv(document, file)} />,
  document.getElementById('app') as HTMLElement,
);
