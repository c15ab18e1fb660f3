import { describe, expect, it } from 'vitest';
import { groupBy } from '../../src/core/group-by.js';

describe('groupBy', () => {
  it('keeps groups in the order their keys first appear, and items in their own order', () => {
    const months = ['2025-03-02', '2025-02-28', '2025-03-01', '2025-02-01'];
    expect([...groupBy(months, (date) => date.slice(0, 7))]).toEqual([
      ['2025-03', ['2025-03-02', '2025-03-01']],
      ['2025-02', ['2025-02-28', '2025-02-01']],
    ]);
    expect(groupBy([], (item: string) => item).size).toBe(0);
  });
});
