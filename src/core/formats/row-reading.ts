/**
 * What every format reader does with a data row the same way: take a cell by field, read the date,
 * the connector path and the connector type, collect rejected lines with a reason that names the
 * column as the file labels it, and gather what the file says about its day/month order.
 */
import type { ConnectorType, RejectedLine } from '../model.js';
import { type ConnectorPath, connectorNameOf, parseDirectionAndName } from './connector-path.js';
import {
  type DateCell,
  type DateOrder,
  DateOrderEvidence,
  decideDateOrder,
  describeOrder,
  hasIsoDayPrefix,
  isValidIn,
  parseDateCell,
  parseSameDayCell,
} from './date-cells.js';
import type { RecognisedHeader } from './header-detection.js';
import type { ReadOptions } from './types.js';
import { type ColumnField, connectorTypeOf, directionOf, type LabelLanguage } from './vocabulary.js';

/** A row that cannot be used: thrown inside a row reader, caught once per row. */
export class RowProblem extends Error {}

/**
 * A copy of a cell's text that does not keep the chunk it was sliced from alive. V8 represents a
 * slice of a long string as a view into it, so a connector name kept in a record, a cache key or a
 * reason would otherwise pin a whole 1 MB chunk of the file in memory; one per record adds up to
 * the size of the file. Concatenating then slicing flattens the text into a string of its own.
 */
export function ownString(text: string): string {
  return text.length < 13 ? text : ` ${text}`.slice(1);
}

/** Caches stop growing here: values that never repeat are not worth keeping. */
const CACHE_LIMIT = 4096;

export interface RowPath extends ConnectorPath {
  connectorType: ConnectorType | null;
  /** The connector type cell as read, whatever the name: `'none'` for `NoConnector`. */
  typeCell: ConnectorType | 'none' | null;
}

export class RowReading {
  readonly rejected: RejectedLine[] = [];
  readonly evidence = new DateOrderEvidence();
  private readonly valueLanguages = new Set<LabelLanguage>();
  private readonly paths = new Map<string, ConnectorPath | null>();
  private lastDateText = '';
  private lastDate: DateCell | null = null;
  /** The `YYYY-MM-DD` the last timestamps started with, and a cell of that day (see parseSameDayCell). */
  private lastDayPrefix = '';
  private lastDay: DateCell | null = null;

  constructor(
    readonly file: string,
    readonly header: RecognisedHeader,
    readonly options: ReadOptions,
  ) {}

  /** The header's own label for a field, to name it in a reason. */
  labelOf(field: ColumnField): string {
    const index = this.header.columns[field];
    return index === undefined ? field : (this.header.labels[index] ?? field);
  }

  /** The trimmed cell of a field; empty when the column is absent or the row is short. */
  cell(fields: readonly string[], field: ColumnField): string {
    const index = this.header.columns[field];
    if (index === undefined) return '';
    const value = fields[index];
    return value === undefined ? '' : value.trim();
  }

  reject(line: number, reason: string): void {
    this.rejected.push({ file: this.file, line, reason: ownString(reason) });
  }

  /** A row reader's catch: a RowProblem becomes a rejected line, anything else is a bug and propagates. */
  fail(line: number, problem: unknown): void {
    if (!(problem instanceof RowProblem)) throw problem;
    this.reject(line, problem.message);
  }

  date(fields: readonly string[], line: number): DateCell {
    const text = this.cell(fields, 'date');
    let cell: DateCell | null;
    if (text === this.lastDateText && this.lastDate !== null) {
      cell = this.lastDate;
    } else {
      const day = this.lastDay;
      cell =
        day !== null && text.startsWith(this.lastDayPrefix) && hasIsoDayPrefix(text, day)
          ? parseSameDayCell(text, day)
          : parseDateCell(text);
      if (cell === null) {
        throw new RowProblem(`${this.labelOf('date')}: ${text === '' ? 'empty' : `'${text}' is not a date`}`);
      }
      if (cell !== day && hasIsoDayPrefix(text, cell)) {
        this.lastDayPrefix = text.slice(0, 10);
        this.lastDay = cell;
      }
      this.lastDateText = text;
      this.lastDate = cell;
    }
    const chosen = this.options.dateOrder;
    if (chosen !== undefined && !isValidIn(cell, chosen)) {
      throw new RowProblem(`${this.labelOf('date')}: '${text}' is not a ${describeOrder(chosen)} date`);
    }
    this.evidence.note(cell, text, line);
    return cell;
  }

  /** Direction, connector and connector type, from one combined cell or separate columns. */
  path(fields: readonly string[]): RowPath {
    const typeText = this.cell(fields, 'connectorType');
    const type = connectorTypeOf(typeText);
    let direction: ConnectorPath['direction'];
    let connector: string | null;
    let language: LabelLanguage | null;
    if (this.header.columns.directionAndName !== undefined) {
      const text = this.cell(fields, 'directionAndName');
      const path = this.cached(text) ?? this.noDirection('directionAndName', text);
      direction = path.direction;
      connector = path.connector;
      language = path.language;
    } else {
      const text = this.cell(fields, 'direction');
      const word = directionOf(text) ?? this.noDirection('direction', text);
      if (word.language !== null) this.valueLanguages.add(word.language);
      direction = word.direction;
      connector = connectorNameOf(this.cell(fields, 'connector'));
      language = word.language;
    }
    // `NoConnector` as the type also means no connector, whatever the name cell says.
    if (type === 'none') connector = null;
    const connectorType = connector === null || type === 'none' ? null : type;
    return { direction, connector, language, connectorType, typeCell: type };
  }

  private cached(text: string): ConnectorPath | null {
    const known = this.paths.get(text);
    if (known !== undefined || this.paths.has(text)) return known ?? null;
    const path = parseDirectionAndName(text);
    if (path?.language) this.valueLanguages.add(path.language);
    if (path !== null && path.connector !== null) path.connector = ownString(path.connector);
    if (this.paths.size < CACHE_LIMIT) this.paths.set(ownString(text), path);
    return path;
  }

  private noDirection(field: ColumnField, text: string): never {
    throw new RowProblem(
      `${this.labelOf(field)}: ${text === '' ? 'empty' : `'${text}' does not say Inbound or Outbound`}`,
    );
  }

  /** The header's language, or failing that the language of the direction words in the rows. */
  language(): LabelLanguage | null {
    if (this.header.language !== null) return this.header.language;
    return this.valueLanguages.size === 1 ? ([...this.valueLanguages][0] ?? null) : null;
  }

  dateOrder(): { order: DateOrder } | { error: string } {
    return decideDateOrder(this.evidence, this.language(), this.options.dateOrder);
  }

  /** Rejections in line order (some are only found when the file is complete). */
  sortedRejections(): RejectedLine[] {
    return this.rejected.sort((a, b) => a.line - b.line);
  }
}
