/**
 * The rows of a connector report waiting for the file's share-or-count decision (see
 * connector-report.ts), kept column by column: numbers in typed arrays, the date cell and path as
 * references that rows share. An object and three arrays per row were most of what a 36,000-row
 * file allocated while it was read.
 *
 * Rows go into fixed-size blocks, added as they fill up: nothing is ever copied to grow, so each
 * byte is written once (where fresh memory is costly, as in a virtual machine, doubling an array
 * and copying it was a noticeable part of the read). A row is written in place at index `length`
 * and only counts once `commit` is called, so a row that turns out bad half-way leaves nothing.
 */
import type { ConnectorType, Direction } from '../model.js';
import type { DateCell } from './date-cells.js';

const FORCED_TLS_UNKNOWN = -1;

class Block {
  readonly lines: Float64Array;
  readonly volumes: Float64Array;
  /** Row after row, `columns` TLS cells each: read as percentages, and read as message counts. */
  readonly shareCells: Float64Array;
  readonly countCells: Float64Array;
  /** 1 when no TLS cell of the row had anything in it. */
  readonly blanks: Uint8Array;
  /** 1 true, 0 false, -1 the cell did not say. */
  readonly forcedTls: Int8Array;
  readonly dateCells: DateCell[];
  readonly directions: Direction[];
  readonly connectors: (string | null)[];
  readonly connectorTypes: (ConnectorType | null)[];

  constructor(rows: number, columns: number) {
    this.lines = new Float64Array(rows);
    this.volumes = new Float64Array(rows);
    this.shareCells = new Float64Array(rows * columns);
    this.countCells = new Float64Array(rows * columns);
    this.blanks = new Uint8Array(rows);
    this.forcedTls = new Int8Array(rows);
    this.dateCells = new Array(rows);
    this.directions = new Array(rows);
    this.connectors = new Array(rows);
    this.connectorTypes = new Array(rows);
  }
}

export class PendingRows {
  /** Committed rows. */
  length = 0;
  private readonly blocks: Block[] = [];
  /** The block row `length` goes into, once it exists, and the row's place in it. */
  private current: Block | null = null;
  private offset = 0;
  /**
   * Raw cells whose count is not whole, by cell index, to quote in a reason if the cells are
   * counts. Only such cells are ever looked up, and each writes its text first, so a text left
   * by a rejected row is overwritten before anyone reads it.
   */
  private readonly fractionalTexts = new Map<number, string>();

  constructor(
    /** TLS columns per row. */
    readonly columns: number,
    private readonly blockRows = 4096,
  ) {}

  private writing(): Block {
    if (this.current === null) {
      this.current = new Block(this.blockRows, this.columns);
      this.blocks.push(this.current);
    }
    return this.current;
  }

  /** Writes one TLS cell of the row being read (index `length`). */
  setCell(column: number, share: number, count: number): void {
    const block = this.writing();
    const at = this.offset * this.columns + column;
    block.shareCells[at] = share;
    block.countCells[at] = count;
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
    const block = this.writing();
    const at = this.offset;
    block.lines[at] = line;
    block.volumes[at] = volume;
    block.blanks[at] = blank ? 1 : 0;
    block.forcedTls[at] = forcedTls === null ? FORCED_TLS_UNKNOWN : forcedTls ? 1 : 0;
    block.dateCells[at] = cell;
    block.directions[at] = direction;
    block.connectors[at] = connector;
    block.connectorTypes[at] = connectorType;
    this.length++;
    this.offset++;
    if (this.offset === this.blockRows) {
      this.current = null;
      this.offset = 0;
    }
  }

  private blockOf(row: number): Block {
    return this.blocks[Math.floor(row / this.blockRows)] as Block;
  }

  line(row: number): number {
    return this.blockOf(row).lines[row % this.blockRows] ?? 0;
  }

  volume(row: number): number {
    return this.blockOf(row).volumes[row % this.blockRows] ?? 0;
  }

  isBlank(row: number): boolean {
    return this.blockOf(row).blanks[row % this.blockRows] === 1;
  }

  forcedTls(row: number): boolean | null {
    const value = this.blockOf(row).forcedTls[row % this.blockRows];
    return value === FORCED_TLS_UNKNOWN ? null : value === 1;
  }

  dateCell(row: number): DateCell {
    return this.blockOf(row).dateCells[row % this.blockRows] as DateCell;
  }

  direction(row: number): Direction {
    return this.blockOf(row).directions[row % this.blockRows] as Direction;
  }

  connector(row: number): string | null {
    return this.blockOf(row).connectors[row % this.blockRows] ?? null;
  }

  connectorType(row: number): ConnectorType | null {
    return this.blockOf(row).connectorTypes[row % this.blockRows] ?? null;
  }

  share(row: number, column: number): number {
    return this.blockOf(row).shareCells[(row % this.blockRows) * this.columns + column] ?? 0;
  }

  count(row: number, column: number): number {
    return this.blockOf(row).countCells[(row % this.blockRows) * this.columns + column] ?? 0;
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
