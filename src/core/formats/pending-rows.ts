/**
 * The rows of a connector report waiting for the file's share-or-count decision (see
 * connector-report.ts), kept column by column: numbers in typed arrays that double when full, the
 * date cell and path in plain arrays of references that rows share. An object and three arrays
 * per row were most of what a 36,000-row file allocated while it was read.
 *
 * A row is written in place at index `length` and only counts once `commit` is called, so a row
 * that turns out bad half-way through leaves nothing behind.
 */
import type { ConnectorType, Direction } from '../model.js';
import type { DateCell } from './date-cells.js';

const FORCED_TLS_UNKNOWN = -1;

export class PendingRows {
  /** Committed rows. */
  length = 0;
  private capacity: number;
  private lines: Float64Array;
  private volumes: Float64Array;
  /** Row after row, `columns` TLS cells each: read as percentages, and read as message counts. */
  private shareCells: Float64Array;
  private countCells: Float64Array;
  /** 1 when no TLS cell of the row had anything in it. */
  private blanks: Uint8Array;
  /** 1 true, 0 false, -1 the cell did not say. */
  private forcedTlsValues: Int8Array;
  private readonly dateCells: DateCell[] = [];
  private readonly directions: Direction[] = [];
  private readonly connectors: (string | null)[] = [];
  private readonly connectorTypes: (ConnectorType | null)[] = [];
  /**
   * Raw cells whose count is not whole, by cell index, to quote in a reason if the cells are
   * counts. Only such cells are ever looked up, and each writes its text first, so a text left
   * by a rejected row is overwritten before anyone reads it.
   */
  private readonly fractionalTexts = new Map<number, string>();

  constructor(
    /** TLS columns per row. */
    readonly columns: number,
    initialCapacity = 1024,
  ) {
    this.capacity = Math.max(1, initialCapacity);
    this.lines = new Float64Array(this.capacity);
    this.volumes = new Float64Array(this.capacity);
    this.shareCells = new Float64Array(this.capacity * columns);
    this.countCells = new Float64Array(this.capacity * columns);
    this.blanks = new Uint8Array(this.capacity);
    this.forcedTlsValues = new Int8Array(this.capacity);
  }

  /** Writes one TLS cell of the row being read (index `length`). */
  setCell(column: number, share: number, count: number): void {
    if (this.length === this.capacity) this.grow();
    const at = this.length * this.columns + column;
    this.shareCells[at] = share;
    this.countCells[at] = count;
  }

  /** Keeps the text of a cell of the row being read, whose count is not a whole number. */
  keepFractionalText(column: number, text: string): void {
    this.fractionalTexts.set(this.length * this.columns + column, text);
  }

  /** The texts are no longer needed: the cells will be read as percentages. */
  dropFractionalTexts(): void {
    this.fractionalTexts.clear();
  }

  /** The row being read is complete and good; its TLS cells were all set (unless `blank`). */
  commit(
    line: number,
    cell: DateCell,
    direction: Direction,
    connector: string | null,
    connectorType: ConnectorType | null,
    forcedTls: boolean | null,
    volume: number,
    blank: boolean,
  ): void {
    if (this.length === this.capacity) this.grow();
    const row = this.length;
    this.lines[row] = line;
    this.volumes[row] = volume;
    this.blanks[row] = blank ? 1 : 0;
    this.forcedTlsValues[row] = forcedTls === null ? FORCED_TLS_UNKNOWN : forcedTls ? 1 : 0;
    this.dateCells.push(cell);
    this.directions.push(direction);
    this.connectors.push(connector);
    this.connectorTypes.push(connectorType);
    this.length = row + 1;
  }

  private grow(): void {
    this.capacity *= 2;
    this.lines = grown(this.lines, this.capacity);
    this.volumes = grown(this.volumes, this.capacity);
    this.shareCells = grown(this.shareCells, this.capacity * this.columns);
    this.countCells = grown(this.countCells, this.capacity * this.columns);
    const blanks = new Uint8Array(this.capacity);
    blanks.set(this.blanks);
    this.blanks = blanks;
    const forcedTlsValues = new Int8Array(this.capacity);
    forcedTlsValues.set(this.forcedTlsValues);
    this.forcedTlsValues = forcedTlsValues;
  }

  line(row: number): number {
    return this.lines[row] ?? 0;
  }

  volume(row: number): number {
    return this.volumes[row] ?? 0;
  }

  isBlank(row: number): boolean {
    return this.blanks[row] === 1;
  }

  forcedTls(row: number): boolean | null {
    const value = this.forcedTlsValues[row];
    return value === FORCED_TLS_UNKNOWN ? null : value === 1;
  }

  dateCell(row: number): DateCell {
    return this.dateCells[row] as DateCell;
  }

  direction(row: number): Direction {
    return this.directions[row] as Direction;
  }

  connector(row: number): string | null {
    return this.connectors[row] ?? null;
  }

  connectorType(row: number): ConnectorType | null {
    return this.connectorTypes[row] ?? null;
  }

  share(row: number, column: number): number {
    return this.shareCells[row * this.columns + column] ?? 0;
  }

  count(row: number, column: number): number {
    return this.countCells[row * this.columns + column] ?? 0;
  }

  /** The text of a cell whose count is not whole (see keepFractionalText). */
  fractionalText(row: number, column: number): string {
    return this.fractionalTexts.get(row * this.columns + column) ?? '';
  }

  /** The row's cells read as percentages, added in column order. */
  shareSum(row: number): number {
    let total = 0;
    for (let column = 0; column < this.columns; column++) total += this.share(row, column);
    return total;
  }

  /** The row's cells read as counts, added in column order. */
  countSum(row: number): number {
    let total = 0;
    for (let column = 0; column < this.columns; column++) total += this.count(row, column);
    return total;
  }
}

function grown(values: Float64Array, capacity: number): Float64Array {
  const copy = new Float64Array(capacity);
  copy.set(values);
  return copy;
}
