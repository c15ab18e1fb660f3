import { describe, expect, it } from 'vitest';
import { blockWindow, columnsOf, countsAt } from '../../src/core/record-columns.js';
import { record } from './records-helper.js';

describe('records in columns', () => {
  it('puts each month in a block and each direction and connector in one path with its latest type', () => {
    const columns = columnsOf([
      record({ date: '2025-02-28', connector: 'Fabrikam In', connectorType: null, counts: { 'tls1.2': 7 } }),
      record({ date: '2025-03-01', connector: 'Fabrikam In', connectorType: 'Partner', counts: { none: 2 } }),
      record({
        date: '2025-03-01',
        direction: 'outbound',
        connector: 'Fabrikam In',
        connectorType: null,
        counts: {},
      }),
    ]);
    expect(
      columns.blocks.map((block) => [block.month, Array.from(block.days), Array.from(block.paths)]),
    ).toEqual([
      ['2025-02', [28], [0]],
      ['2025-03', [1, 1], [0, 1]],
    ]);
    expect(columns.paths).toEqual([
      { direction: 'inbound', connector: 'Fabrikam In', connectorType: 'Partner' },
      { direction: 'outbound', connector: 'Fabrikam In', connectorType: null },
    ]);
    expect(countsAt(columns.blocks[1]?.counts ?? [], 0)).toMatchObject({ none: 2, 'tls1.2': 0 });
  });

  it('finds which days of a month a range covers, and where they fall in it', () => {
    const range = { from: '2025-02-27', to: '2025-03-02' };
    // Day numbers past the month's end would be March: a block never holds them.
    expect(blockWindow({ month: '2025-02' }, range)).toEqual({ first: 27, last: 30, offset: -27 });
    // 1 March is day 2 of the range (27 and 28 February are 0 and 1).
    expect(blockWindow({ month: '2025-03' }, range)).toEqual({ first: 1, last: 2, offset: 1 });
    expect(blockWindow({ month: '2025-01' }, range)).toBeNull();
    expect(blockWindow({ month: '2025-04' }, range)).toBeNull();
  });
});
