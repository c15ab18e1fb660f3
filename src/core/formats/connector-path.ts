/**
 * The path a row's mail took: its direction and connector, written in one cell
 * (`Inbound - Fabrikam In`, `Inbound: Fabrikam In`, `Entrant - Sans connecteur`, or the portal's
 * "From the internet without a connector") or in two columns. Every no-connector spelling is null.
 */
import type { ConnectorType, Direction } from '../model.js';
import {
  connectorTypeOf,
  directionImpliedBy,
  directionOf,
  isNoConnector,
  type LabelLanguage,
} from './vocabulary.js';

export interface ConnectorPath {
  direction: Direction;
  connector: string | null;
  /** The language of the direction word, when it has one. */
  language: LabelLanguage | null;
}

function isPathSeparator(code: number): boolean {
  return code === 0x2d || code === 0x3a || code === 0x2013 || code === 0x2014;
}

/** One cell holding both: the direction word, a dash or colon, then the connector name. */
export function parseDirectionAndName(cell: string): ConnectorPath | null {
  const text = cell.trim();
  for (let index = 0; index < text.length; index++) {
    if (!isPathSeparator(text.charCodeAt(index))) continue;
    const word = directionOf(text.slice(0, index));
    if (word === null) break;
    const name = text.slice(index + 1).trim();
    return {
      direction: word.direction,
      connector: isNoConnector(name) ? null : name,
      language: word.language,
    };
  }
  const word = directionOf(text);
  if (word !== null) return { direction: word.direction, connector: null, language: word.language };
  const implied = directionImpliedBy(text);
  if (implied !== null) return { direction: implied, connector: null, language: null };
  return null;
}

/** A connector name cell: trimmed, and null for every no-connector spelling. */
export function connectorNameOf(cell: string): string | null {
  const name = cell.trim();
  return isNoConnector(name) ? null : name;
}

/** The connector type cell; `NoConnector` also means the mail used no connector. */
export function connectorTypeCell(cell: string): { type: ConnectorType | null; noConnector: boolean } {
  const type = connectorTypeOf(cell);
  return type === 'none' ? { type: null, noConnector: true } : { type, noConnector: false };
}
