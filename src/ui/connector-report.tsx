/**
 * The connector report: view switch, "Show data for", date range, chart, insights, details table
 * and the two CSV exports. The same component fills report.html and the popup's report view;
 * `compact` is the popup's smaller chart.
 */
import { connectorLabel, DIRECTION_LABELS } from '../core/selection.js';
import { DateRangePicker } from './date-range-picker.js';
import { DetailsTable } from './details-table.js';
import { formatCount, formatRange } from './format.js';
import { InsightList } from './insight-list.js';
import { ReportChart } from './report-chart.js';
import { ShowSelect, ViewSwitch } from './report-controls.js';
import type { CsvFile, ReportStore } from './stores/report-store.js';

export function ConnectorReport({
  store,
  compact = false,
  onDownload,
}: {
  store: ReportStore;
  compact?: boolean;
  onDownload: (file: CsvFile) => void;
}) {
  const state = store.state.value;
  if (state.status !== 'ready') return null;
  const { report } = state;
  const view = store.query.value.view;
  const selection = report.selection;
  const selectionName =
    selection.kind === 'all'
      ? 'All mail flow'
      : `${DIRECTION_LABELS[selection.direction]} · ${connectorLabel(selection.direction, selection.kind === 'connector' ? selection.connector : null)}`;
  const chartTitle = view === 'mailflow' ? 'Messages per day' : 'Share of messages per TLS version per day';
  const download = async (kind: 'details' | 'counts') => {
    const file = await store.exportCsv(kind);
    if (file !== null) onDownload(file);
  };
  const exportable = report.detailsTotal > 0;
  return (
    <section
      class={`connector-report${compact ? ' compact' : ''}`}
      data-testid="connector-report"
      aria-labelledby="connector-report-title"
    >
      <div class="card report-controls">
        <div class="report-controls-row">
          <h2 id="connector-report-title" class={compact ? 'visually-hidden' : undefined}>
            Connector report
          </h2>
          <ViewSwitch view={view} onChange={store.setView} />
        </div>
        <ShowSelect
          id="report-show-select"
          selection={selection}
          choices={report.connectors}
          onChange={store.setSelection}
        />
        <DateRangePicker
          range={report.range}
          extent={report.extent}
          active={store.activePreset.value}
          onPreset={store.setPreset}
          onRange={store.setRange}
        />
      </div>
      <section class="card" aria-label={chartTitle}>
        <div class="chart-heading">
          <h3>{selectionName}</h3>
          <span class="muted" data-testid="report-selection-messages" data-value={report.totals.messages}>
            {formatCount(report.totals.messages)} messages · {formatRange(report.range.from, report.range.to)}
          </span>
        </div>
        {report.totals.messages === 0 ? (
          <p class="muted" data-testid="chart-empty">
            No messages for this selection in this range. Stored history runs{' '}
            {formatRange(report.extent.from, report.extent.to)}; choose a range inside it or import more
            exports.
          </p>
        ) : (
          <ReportChart
            kind={view}
            points={report.series}
            selection={selection}
            height={compact ? 200 : 300}
            title={chartTitle}
          />
        )}
      </section>
      <section class="card" aria-labelledby="report-insights-title">
        <h3 id="report-insights-title">Insights</h3>
        <InsightList insights={report.insights} />
      </section>
      <section class="card" aria-labelledby="report-details-title">
        <div class="details-heading">
          <h3 id="report-details-title">Details</h3>
          <div class="actions">
            <button
              type="button"
              class="button primary"
              data-testid="export-csv"
              disabled={!exportable}
              onClick={() => void download('details')}
            >
              Export CSV
            </button>
            <button
              type="button"
              class="button"
              data-testid="export-counts"
              disabled={!exportable}
              onClick={() => void download('counts')}
            >
              Export exact counts
            </button>
          </div>
        </div>
        <DetailsTable
          rows={store.details.value}
          total={store.detailsTotal.value}
          columns={store.columns.value}
          sort={store.sort.value}
          onSort={store.sortBy}
          onShowMore={store.showMoreDetails}
        />
      </section>
    </section>
  );
}
