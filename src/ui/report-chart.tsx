/**
 * The connector report's chart: Mail flow (messages per day, per direction) or TLS usage (share
 * of each TLS version per day). A uPlot chart whose cursor legend gives exact counts and whose
 * legend entries toggle series, plus a visually hidden table of the same numbers.
 */
import { useMemo, useRef } from 'preact/hooks';
import uPlot from 'uplot';
import { type Direction, SHOWN_TLS_BUCKETS, TLS_LABELS, type TlsBucket } from '../core/model.js';
import { type ConnectorSelection, DIRECTION_LABELS } from '../core/selection.js';
import { directionsOf, type SeriesPoint } from '../core/series.js';
import { type ChartColumn, ChartTable } from './chart-table.js';
import { formatCount, formatDate, formatTick } from './format.js';
import type { ReportView } from './stores/report-store.js';
import { themeColor, UplotChart } from './uplot-chart.js';

const DIRECTION_COLORS: Record<Direction, [string, string]> = {
  inbound: ['--inbound', '#0f6cbd'],
  outbound: ['--outbound', '#8764b8'],
};
const BUCKET_COLORS: Record<TlsBucket, [string, string]> = {
  'tls1.3': ['--tls13', '#0f548c'],
  'tls1.2': ['--tls12', '#2886de'],
  'tls1.1': ['--tls11', '#f7a93b'],
  'tls1.0': ['--tls10', '#da3b01'],
  none: ['--tlsnone', '#c50f1f'],
  unknown: ['--tlsunknown', '#8a8886'],
};

/** The columns a chart of this kind plots, each with how to read its value from a day. */
export function chartColumns(
  kind: ReportView,
  points: readonly SeriesPoint[],
  selection: ConnectorSelection,
) {
  if (kind === 'mailflow') {
    return directionsOf(selection).map(
      (direction): ChartColumn => ({
        key: direction,
        label: DIRECTION_LABELS[direction],
        color: DIRECTION_COLORS[direction],
        value: (point) => (point.recorded ? point.directions[direction] : null),
        text: (point) => (point.recorded ? formatCount(point.directions[direction]) : 'no data'),
      }),
    );
  }
  const buckets: TlsBucket[] = points.some((point) => point.tls.unknown > 0)
    ? [...SHOWN_TLS_BUCKETS, 'unknown']
    : [...SHOWN_TLS_BUCKETS];
  return buckets.map(
    (bucket): ChartColumn => ({
      key: bucket,
      label: TLS_LABELS[bucket],
      color: BUCKET_COLORS[bucket],
      value: (point) => point.shares[bucket],
      count: (point) => point.tls[bucket],
      text: (point) =>
        point.shares[bucket] === null
          ? '—'
          : `${point.shares[bucket]?.toFixed(1)} % (${formatCount(point.tls[bucket])})`,
    }),
  );
}

const DAY = 86_400;
const DAY_INCREMENTS = [1, 2, 7, 14, 30, 61, 91, 182, 365, 730].map((days) => days * DAY);

function buildOptions(
  kind: ReportView,
  columns: readonly ChartColumn[],
  points: { current: readonly SeriesPoint[] },
  title: string,
) {
  return (root: HTMLElement): Omit<uPlot.Options, 'width' | 'height'> => {
    const text = themeColor(root, '--text-muted', '#605e5c');
    const grid = themeColor(root, '--border', '#e1dfdd');
    const axis = { stroke: text, grid: { stroke: grid, width: 1 }, ticks: { stroke: grid, width: 1 } };
    return {
      title,
      // The x values are UTC midnights; shown as such whatever the local zone.
      tzDate: (seconds) => uPlot.tzDate(new Date(seconds * 1000), 'Etc/UTC'),
      scales: {
        x: { time: true },
        y: kind === 'tls' ? { range: [0, 100] } : { range: (_u, _min, max) => [0, Math.max(max, 1) * 1.05] },
      },
      axes: [
        {
          ...axis,
          space: 64,
          // Whole days only: the data is daily, an hour tick would be a lie.
          incrs: DAY_INCREMENTS,
          values: (_u, ticks, _axis, _space, increment) =>
            ticks.map((tick) => formatTick(tick, increment >= 30 * DAY)),
        },
        {
          ...axis,
          size: 56,
          values: (_u, ticks) => ticks.map((tick) => (kind === 'tls' ? `${tick} %` : formatCount(tick))),
        },
      ],
      legend: { live: true },
      cursor: { drag: { x: false, y: false } },
      series: [
        {
          label: 'Date',
          value: (_u, seconds) =>
            seconds == null ? '' : formatDate(new Date(seconds * 1000).toISOString().slice(0, 10)),
        },
        ...columns.map((column) => {
          const color = themeColor(root, column.color[0], column.color[1]);
          return {
            label: column.label,
            stroke: color,
            width: 2,
            fill: kind === 'mailflow' ? `${color}22` : undefined,
            points: { show: points.current.length <= 62, size: 5 },
            spanGaps: false,
            value: (_u: uPlot, value: number | null, _series: number, index: number | null) => {
              const point = index === null ? undefined : points.current[index];
              if (point === undefined || value === null) return '—';
              return column.text(point);
            },
          };
        }),
      ],
    };
  };
}

export function ReportChart({
  kind,
  points,
  selection,
  height,
  title,
}: {
  kind: ReportView;
  points: readonly SeriesPoint[];
  selection: ConnectorSelection;
  height: number;
  title: string;
}) {
  const latest = useRef(points);
  latest.current = points;
  const columns = useMemo(() => chartColumns(kind, points, selection), [kind, points, selection]);
  const data = useMemo<uPlot.AlignedData>(
    () => [
      points.map((point) => Date.parse(`${point.date}T00:00:00Z`) / 1000),
      ...columns.map((column) => points.map((point) => column.value(point))),
    ],
    [points, columns],
  );
  // A new set of series (another kind, a direction or TLS version appearing) needs a new chart.
  const shape = `${kind}:${columns.map((column) => column.key).join(',')}`;
  const options = useMemo(() => buildOptions(kind, columns, latest, title), [shape, title]);
  return (
    <div class="report-chart" data-testid="chart" data-kind={kind}>
      <div aria-hidden="true">
        <UplotChart key={shape} options={options} data={data} height={height} />
      </div>
      <ChartTable caption={title} kind={kind} columns={columns} points={points} />
    </div>
  );
}
