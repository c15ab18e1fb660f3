/**
 * "Show data for": which mail a connector report looks at. All mail flow, the no-connector path of
 * one direction, or one named connector in one direction. The `show` URL value is its text form,
 * so a view can be bookmarked; anything that does not parse is ignored, never trusted.
 */
import { DIRECTIONS, type Direction, type MailflowRecord } from './model.js';

export type ConnectorSelection =
  | { kind: 'all' }
  | { kind: 'no-connector'; direction: Direction }
  | { kind: 'connector'; direction: Direction; connector: string };

export const ALL_MAIL_FLOW: ConnectorSelection = { kind: 'all' };

/** Longer names are not connector names (the record guard caps names at 512 characters too). */
const MAX_CONNECTOR_NAME = 512;

function directionNamed(value: string): Direction | null {
  return (DIRECTIONS as readonly string[]).includes(value) ? (value as Direction) : null;
}

/** `all`, `inbound-none`, `outbound-none` or `<direction>:<connector name>` (already URL-decoded). */
export function parseSelection(value: string | null | undefined): ConnectorSelection | null {
  if (value === null || value === undefined) return null;
  if (value === 'all') return ALL_MAIL_FLOW;
  if (value.endsWith('-none')) {
    const direction = directionNamed(value.slice(0, -'-none'.length));
    return direction === null ? null : { kind: 'no-connector', direction };
  }
  const colon = value.indexOf(':');
  if (colon < 0) return null;
  const direction = directionNamed(value.slice(0, colon));
  const connector = value.slice(colon + 1);
  if (direction === null || connector.trim() === '' || connector.length > MAX_CONNECTOR_NAME) return null;
  return { kind: 'connector', direction, connector };
}

export function formatSelection(selection: ConnectorSelection): string {
  switch (selection.kind) {
    case 'all':
      return 'all';
    case 'no-connector':
      return `${selection.direction}-none`;
    case 'connector':
      return `${selection.direction}:${selection.connector}`;
  }
}

/** The selection for one direction and connector (null is the no-connector path). */
export function selectionOf(direction: Direction, connector: string | null): ConnectorSelection {
  return connector === null
    ? { kind: 'no-connector', direction }
    : { kind: 'connector', direction, connector };
}

export function selectionMatches(
  selection: ConnectorSelection,
  record: Pick<MailflowRecord, 'direction' | 'connector'>,
): boolean {
  switch (selection.kind) {
    case 'all':
      return true;
    case 'no-connector':
      return record.direction === selection.direction && record.connector === null;
    case 'connector':
      return record.direction === selection.direction && record.connector === selection.connector;
  }
}

export function sameSelection(a: ConnectorSelection, b: ConnectorSelection): boolean {
  return formatSelection(a) === formatSelection(b);
}

/** The portal's words for a path: the connector's name, or how mail went without one. */
export function connectorLabel(direction: Direction, connector: string | null): string {
  if (connector !== null) return connector;
  return direction === 'inbound'
    ? 'From the internet without a connector'
    : 'To the internet without a connector';
}

export const DIRECTION_LABELS: Record<Direction, string> = { inbound: 'Inbound', outbound: 'Outbound' };
