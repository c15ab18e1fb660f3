import { describe, expect, it } from 'vitest';
import {
  DateOrderEvidence,
  decideDateOrder,
  parseDateCell,
  readingOf,
  resolveDate,
} from '../../../src/core/formats/date-cells.js';

function dateOf(text: string, order: 'dmy' | 'mdy' = 'dmy'): string | null {
  const cell = parseDateCell(text);
  return cell === null ? null : resolveDate(cell, order);
}

describe('date cells', () => {
  it.each([
    ['2025-03-04', '2025-03-04'],
    ['2025-03-04T10:00:00', '2025-03-04'],
    ['2025-03-04T23:30:00Z', '2025-03-04'],
    ['2025-03-04T23:30:00-01:00', '2025-03-05'],
    ['2025-03-04T00:30:00+01:00', '2025-03-03'],
    ['2025-03-04 00:30:00.123 +0130', '2025-03-03'],
    ['2025-01-01T00:30:00+01:00', '2024-12-31'],
    ['2024-02-29', '2024-02-29'],
    ['2025/3/4', '2025-03-04'],
    [' 2025-03-04 ', '2025-03-04'],
  ])('reads %j as %s whatever the order', (text, date) => {
    expect(dateOf(text, 'dmy')).toBe(date);
    expect(dateOf(text, 'mdy')).toBe(date);
  });

  it.each([
    ['04/03/2025', '2025-03-04', '2025-04-03'],
    ['4.3.2025', '2025-03-04', '2025-04-03'],
    ['3/4/2025 11:45 PM', '2025-04-03', '2025-03-04'],
    ['3/4/2025 12:00:00 AM', '2025-04-03', '2025-03-04'],
    ['3/4/2025 11:30 PM -02:00', '2025-04-04', '2025-03-05'],
  ])('reads %j as %s day-first and %s month-first', (text, dmy, mdy) => {
    expect(dateOf(text, 'dmy')).toBe(dmy);
    expect(dateOf(text, 'mdy')).toBe(mdy);
  });

  it.each([
    '',
    'Monday',
    '2025-13-01',
    '2025-02-29',
    '32/01/2025',
    '13/13/2025',
    '3/4/25',
    '2025-03-04T25:00',
    '2025-03-04 junk',
    '2025-03-04T10:00:00+30:00',
    '2025-03-04T10:00:00-14:30',
    '2025-03-04T10:00:00+01:75',
  ])('refuses %j', (text) => {
    expect(parseDateCell(text)).toBeNull();
  });

  it('tells which order a cell allows', () => {
    const readings = ['2025-03-04', '03/03/2025', '13/03/2025', '03/13/2025', '03/04/2025', '31/03/2025'].map(
      (text) => {
        const cell = parseDateCell(text);
        return cell === null ? null : readingOf(cell);
      },
    );
    expect(readings).toEqual(['iso', 'either', 'dmy-only', 'mdy-only', 'ambiguous', 'dmy-only']);
  });
});

describe('the day/month order of a file', () => {
  function evidenceOf(...texts: string[]): DateOrderEvidence {
    const evidence = new DateOrderEvidence();
    texts.forEach((text, index) => {
      const cell = parseDateCell(text);
      if (cell !== null) evidence.note(cell, text, index + 2);
    });
    return evidence;
  }

  it('follows a day or month above 12 anywhere in the file', () => {
    expect(decideDateOrder(evidenceOf('03/04/2025', '13/04/2025'), 'en', undefined)).toEqual({
      order: 'dmy',
    });
    expect(decideDateOrder(evidenceOf('03/04/2025', '04/13/2025'), 'fr', undefined)).toEqual({
      order: 'mdy',
    });
  });

  it('lets French and German headers decide ambiguous dates, but not English ones', () => {
    expect(decideDateOrder(evidenceOf('03/04/2025'), 'fr', undefined)).toEqual({ order: 'dmy' });
    expect(decideDateOrder(evidenceOf('03/04/2025'), 'de', undefined)).toEqual({ order: 'dmy' });
    expect(decideDateOrder(evidenceOf('03/04/2025'), 'en', undefined)).toHaveProperty('error');
    expect(decideDateOrder(evidenceOf('03/04/2025'), null, undefined)).toHaveProperty('error');
    expect(decideDateOrder(evidenceOf('03/04/2025'), 'en', 'mdy')).toEqual({ order: 'mdy' });
  });

  it('needs no decision when no date is ambiguous', () => {
    expect(decideDateOrder(evidenceOf('2025-03-04', '03/03/2025'), 'en', undefined)).toEqual({
      order: 'dmy',
    });
  });
});
