/** What `summarize` prints: the contract's JSON, or a plain-text table for people. */
import type { ConnectorTotals, Summary } from '../core/aggregate.js';
import type { Insight } from '../core/insights.js';
import {
  type Direction,
  type RejectedLine,
  SHOWN_TLS_BUCKETS,
  TLS_LABELS,
  type TlsCounts,
} from '../core/model.js';
import { displayShares, formatShare } from '../core/shares.js';

/** product.md's shape: range, directions, connectors, insights, rejected. */
export function summaryJson(summary: Summary, rejected: readonly RejectedLine[]): string {
  const { range, directions, connectors, insights } = summary;
  return `${JSON.stringify({ range, directions, connectors, insights, rejected }, null, 2)}\n`;
}

/** Line breaks and tabs from a cell (a quoted connector name may hold them) shown as escapes. */
export function oneLine(text: string): string {
  return text.replace(/\r\n|[\r\n\t]/g, (found) => (found === '\t' ? '\\t' : '\\n'));
}

/** `in.csv:12: reason`, or `in.csv: reason` for a whole file; always one line. */
export function rejectionLine({ file, line, reason }: RejectedLine): string {
  return oneLine(line === 0 ? `${file}: ${reason}` : `${file}:${line}: ${reason}`);
}

const DIRECTION_NAMES: Record<Direction, string> = { inbound: 'Inbound', outbound: 'Outbound' };
const NO_CONNECTOR_NAMES: Record<Direction, string> = {
  inbound: 'From the internet without a connector',
  outbound: 'To the internet without a connector',
};

export function connectorName(direction: Direction, connector: string | null): string {
  return connector ?? NO_CONNECTOR_NAMES[direction];
}

function tableRow(label: string, messages: number, tls: TlsCounts, withUnknown: boolean): string[] {
  const shares = displayShares(tls);
  const cells = [label, String(messages), ...SHOWN_TLS_BUCKETS.map((bucket) => formatShare(shares[bucket]))];
  if (withUnknown) cells.push(formatShare(shares.unknown));
  return cells;
}

/** Columns padded to their widest cell; the label column left-aligned, numbers right-aligned. */
function layout(rows: string[][]): string {
  const widths: number[] = [];
  for (const row of rows) {
    row.forEach((cell, index) => {
      widths[index] = Math.max(widths[index] ?? 0, cell.length);
    });
  }
  return rows
    .map((row) =>
      row
        .map((cell, index) =>
          index === 0 ? cell.padEnd(widths[index] ?? 0) : cell.padStart(widths[index] ?? 0),
        )
        .join('  ')
        .trimEnd(),
    )
    .join('\n');
}

function connectorLabel(totals: ConnectorTotals): string {
  const name = oneLine(connectorName(totals.direction, totals.connector));
  const type = totals.type === null ? '' : ` (${totals.type})`;
  return `${DIRECTION_NAMES[totals.direction]} · ${name}${type}`;
}

function insightLine(insight: Insight): string {
  const bucket = insight.kind === 'no-tls' ? TLS_LABELS.none : TLS_LABELS['tls1.0'];
  const share = `${(insight.share * 100).toFixed(1)} %`;
  const name = oneLine(connectorName(insight.direction, insight.connector));
  return `  ${DIRECTION_NAMES[insight.direction]} · ${name}: ${share} ${bucket} (${insight.affected} of ${insight.messages} messages)`;
}

export function summaryText(summary: Summary, rejected: readonly RejectedLine[]): string {
  const { range, directions, connectors, insights } = summary;
  const withUnknown = directions.inbound.tls.unknown > 0 || directions.outbound.tls.unknown > 0;
  const heading = ['', 'Messages', ...SHOWN_TLS_BUCKETS.map((bucket) => TLS_LABELS[bucket])];
  if (withUnknown) heading.push(TLS_LABELS.unknown);
  const lines: string[] = [
    range === null ? 'Mail flow: no data' : `Mail flow ${range.from} to ${range.to}`,
    '',
  ];
  lines.push(
    layout([
      ['Direction', ...heading.slice(1)],
      ...(['inbound', 'outbound'] as const).map((direction) =>
        tableRow(
          DIRECTION_NAMES[direction],
          directions[direction].messages,
          directions[direction].tls,
          withUnknown,
        ),
      ),
    ]),
  );
  lines.push('');
  lines.push(
    layout([
      ['Connector', ...heading.slice(1)],
      ...connectors.map((totals) =>
        tableRow(connectorLabel(totals), totals.messages, totals.tls, withUnknown),
      ),
    ]),
  );
  lines.push('', insights.length === 0 ? 'Insights: none' : `Insights (${insights.length}):`);
  for (const insight of insights) lines.push(insightLine(insight));
  // The rejected lines themselves go to stderr, one each; here only how many, so they are not missed.
  if (rejected.length > 0) lines.push('', `Rejected: ${rejected.length} (listed on stderr)`);
  return `${lines.join('\n')}\n`;
}
