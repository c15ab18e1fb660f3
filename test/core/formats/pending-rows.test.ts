import { describe, expect, it } from 'vitest';
import type { DateCell } from '../../../src/core/formats/date-cells.js';
import { PendingRows } from '../../../src/core/formats/pending-rows.js';

const march = (day: number): DateCell => ({
  year: 2025,
  first: 3,
  second: day,
  yearFirst: true,
  dayShift: 0,
});

/** Row `row` of a three-column report, its cells and path derived from the row number. */
function addRow(rows: PendingRows, row: number): void {
  for (let column = 0; column < 3; column++) rows.setCell(column, row * 10 + column + 0.5, row * 10 + column);
  rows.commit(
    row + 2,
    march((row % 28) + 1),
    row % 2 === 0 ? 'inbound' : 'outbound',
    row % 3 === 0 ? null : `Partner ${row}`,
    row % 3 === 0 ? null : 'Partner',
    row % 3 === 0 ? null : row % 3 === 1,
    row * 100,
    row % 4 === 3,
  );
}

describe('connector report rows waiting for the share-or-count decision', () => {
  it('keeps every row and cell as it was across many blocks', () => {
    const rows = new PendingRows(3, 5);
    for (let row = 0; row < 37; row++) addRow(rows, row);
    expect(rows.length).toBe(37);
    for (let row = 0; row < 37; row++) {
      expect(rows.line(row)).toBe(row + 2);
      expect(rows.volume(row)).toBe(row * 100);
      expect(rows.isBlank(row)).toBe(row % 4 === 3);
      expect(rows.dateCell(row)).toEqual(march((row % 28) + 1));
      expect(rows.direction(row)).toBe(row % 2 === 0 ? 'inbound' : 'outbound');
      expect(rows.connector(row)).toBe(row % 3 === 0 ? null : `Partner ${row}`);
      expect(rows.connectorType(row)).toBe(row % 3 === 0 ? null : 'Partner');
      expect(rows.forcedTls(row)).toBe(row % 3 === 0 ? null : row % 3 === 1);
      for (let column = 0; column < 3; column++) {
        expect(rows.share(row, column)).toBe(row * 10 + column + 0.5);
        expect(rows.count(row, column)).toBe(row * 10 + column);
      }
      expect(rows.shareSum(row)).toBe(row * 30 + 4.5);
      expect(rows.countSum(row)).toBe(row * 30 + 3);
    }
  });

  it('forgets the cells of a row that went bad half-way: the next row takes its place', () => {
    const rows = new PendingRows(2, 2);
    rows.setCell(0, 1, 1);
    rows.setCell(1, 2, 2);
    rows.commit(2, march(3), 'inbound', 'A', 'Partner', true, 3, false);
    // Line 3 fails after its first cell.
    rows.setCell(0, 99, 99);
    rows.setCell(0, 7, 7);
    rows.setCell(1, 8, 8);
    rows.commit(4, march(4), 'outbound', null, null, false, 15, false);
    expect(rows.length).toBe(2);
    expect([rows.line(1), rows.share(1, 0), rows.count(1, 1), rows.countSum(1)]).toEqual([4, 7, 8, 15]);
  });

  it('quotes the text of a cell that is no whole number until the cells are known to be percentages', () => {
    const rows = new PendingRows(2);
    rows.setCell(0, 1.5, 1.5);
    rows.keepFractionalText(0, '1,5');
    rows.setCell(1, 2, 2);
    rows.commit(2, march(3), 'inbound', null, null, null, 10, false);
    expect(rows.fractionalText(0, 0)).toBe('1,5');
    rows.dropFractionalTexts();
    expect(rows.fractionalText(0, 0)).toBe('');
  });
});
