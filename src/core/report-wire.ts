/**
 * The connector report as it travels from the aggregation worker (or the service worker, for the
 * portal panel) to a page. As an object graph, a page of 250 details rows and a large tenant's 400
 * connector choices is about 1,200 small objects; cloning it cost 2-3 ms a report at the median and
 * 10-18 ms in a young worker's first reports (an echo worker sending a stored 30-day report in
 * Chromium), more than computing it. So the details rows travel as columns of numbers and dates,
 * rebuilt on the page by the same code, and the choices travel only when the page does not hold
 * them already: they change only when the dataset is written. Plain arrays, not typed ones: the
 * panel's runtime messages are JSON.
 */
import type { DetailsRow } from './details.js';
import { messageCount, TLS_BUCKETS } from './model.js';
import { BUCKETS, countsAt, forcedCode, forcedValue } from './record-columns.js';
import type { ConnectorChoice, ConnectorReport } from './report.js';
import { displayShares } from './shares.js';

/** Details rows as columns: row i is dates[i], choice choices[i], forced[i] and counts[6i … 6i+5]. */
export interface PackedDetails {
  dates: string[];
  /** Index of the row's path in the report's connector choices (which carry its type). */
  choices: number[];
  /** -1 unknown, 0 false, 1 true. */
  forced: number[];
  /** TLS_BUCKETS order, six per row. */
  counts: number[];
}

export interface ReportMessage extends Omit<ConnectorReport, 'details' | 'connectors'> {
  details: PackedDetails;
  /** null when the page said it holds the choices named `choicesToken`. */
  connectors: ConnectorChoice[] | null;
  /** Names this dataset state's choices; a page sends it back to be spared them. */
  choicesToken: string;
}

const choiceKey = (direction: string, connector: string | null): string =>
  `${direction}\u0000${connector === null ? '\u0001' : connector}`;

/**
 * The report for the wire. `known` is the token the page sent: when it is `choicesToken`, the
 * choices are left out. Every details row's path must be one of the choices, with its type.
 */
export function packReport(report: ConnectorReport, choicesToken: string, known?: string): ReportMessage {
  const { details: rows, connectors, ...rest } = report;
  const indexOf = new Map<string, number>();
  connectors.forEach((choice, index) => {
    indexOf.set(choiceKey(choice.direction, choice.connector), index);
  });
  const details: PackedDetails = {
    dates: new Array<string>(rows.length),
    choices: new Array<number>(rows.length),
    forced: new Array<number>(rows.length),
    counts: new Array<number>(rows.length * BUCKETS),
  };
  rows.forEach((row, index) => {
    const choice = indexOf.get(choiceKey(row.direction, row.connector));
    if (choice === undefined || (connectors[choice] as ConnectorChoice).type !== row.connectorType) {
      throw new Error(
        `The report's details name a connector its choices lack: ${row.connector ?? '(none)'}.`,
      );
    }
    details.dates[index] = row.date;
    details.choices[index] = choice;
    details.forced[index] = forcedCode(row.forcedTls);
    TLS_BUCKETS.forEach((bucket, offset) => {
      details.counts[index * BUCKETS + offset] = row.tls[bucket];
    });
  });
  return {
    ...rest,
    details,
    connectors: known !== undefined && known === choicesToken && choicesToken !== '' ? null : connectors,
    choicesToken,
  };
}

/**
 * The report a page shows, from a message and the choices the page held for the token it sent.
 * Throws when the message left the choices out and the page holds none.
 */
export function unpackReport(
  message: ReportMessage,
  held: readonly ConnectorChoice[] | null,
): ConnectorReport {
  const { details, connectors: sent, choicesToken: _token, ...rest } = message;
  const connectors = sent ?? held;
  if (connectors === null) throw new Error('The report came without its connector choices.');
  const rows = details.dates.map((date, index): DetailsRow => {
    const choice = connectors[details.choices[index] as number];
    if (choice === undefined) throw new Error('The report names a connector choice it does not have.');
    const tls = countsAt(details.counts, index * BUCKETS);
    return {
      date,
      direction: choice.direction,
      connector: choice.connector,
      connectorType: choice.type,
      forcedTls: forcedValue(details.forced[index] as number),
      messages: messageCount(tls),
      tls,
      shares: displayShares(tls),
    };
  });
  return { ...rest, details: rows, connectors: [...connectors] };
}
