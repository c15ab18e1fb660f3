/** The numbers behind a chart as a table, visually hidden: what a screen reader reads instead. */
import type { SeriesPoint } from '../core/series.js';
import { formatDate } from './format.js';
import type { ReportView } from './stores/report-store.js';

export interface ChartColumn {
  key: string;
  label: string;
  /** CSS custom property and its fallback. */
  color: [string, string];
  /** The plotted value: messages, or a share in percent; null is a gap. */
  value: (point: SeriesPoint) => number | null;
  /** Messages behind a share, for the TLS usage view. */
  count?: (point: SeriesPoint) => number;
  text: (point: SeriesPoint) => string;
}

export function ChartTable({
  caption,
  kind,
  columns,
  points,
}: {
  caption: string;
  kind: ReportView;
  columns: readonly ChartColumn[];
  points: readonly SeriesPoint[];
}) {
  return (
    <table class="visually-hidden" data-testid="chart-table" data-kind={kind}>
      <caption>{caption}</caption>
      <thead>
        <tr>
          <th scope="col">Date</th>
          {columns.map((column) => (
            <th key={column.key} scope="col">
              {column.label}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {points.map((point) => (
          <tr key={point.date} data-testid="chart-row" data-date={point.date} data-messages={point.messages}>
            <th scope="row">{formatDate(point.date)}</th>
            {columns.map((column) => (
              <td
                key={column.key}
                data-column={column.key}
                data-value={column.value(point) ?? ''}
                data-count={column.count?.(point)}
              >
                {column.text(point)}
              </td>
            ))}
          </tr>
        ))}
      </tbody>
    </table>
  );
}
