/**
 * Date cells as exports write them: ISO 8601 (date or date-time, `Z` or an offset), `M/d/yyyy`,
 * `d/M/yyyy`, `d.M.yyyy`, each with an optional time (and AM/PM). A cell is parsed once into its
 * parts; whether `03/04/2025` is the 3rd of April or March the 4th is decided for the whole file
 * (see decideDateOrder), so no row is read with a different order than another.
 */
import { addDays } from '../dates.js';
import type { LabelLanguage } from './vocabulary.js';

export type DateOrder = 'dmy' | 'mdy';

export interface DateCell {
  year: number;
  /** Month when `yearFirst`, else the first of day/month as written. */
  first: number;
  second: number;
  /** ISO order (year, month, day): no day/month question. */
  yearFirst: boolean;
  /** Days the zone offset moves the UTC date: -1, 0 or +1 (0 without a zone). */
  dayShift: number;
}

/** Which orders a cell is a valid date in. */
export type DateCellReading = 'iso' | 'either' | 'dmy-only' | 'mdy-only' | 'ambiguous';

/** A cursor over one cell; one instance is reused, so reading a date allocates only its result. */
class Scanner {
  index = 0;
  text = '';
  private counted = 0;
  reset(text: string): this {
    this.text = text;
    this.index = 0;
    return this;
  }
  code(): number {
    return this.index < this.text.length ? this.text.charCodeAt(this.index) : -1;
  }
  skipSpaces(): void {
    while (this.code() === 0x20 || this.code() === 0x09) this.index++;
  }
  /** Digits read by the last `integer()` (a method, so type narrowing does not outlive the next read). */
  digits(): number {
    return this.counted;
  }
  /** Up to `maxDigits` digits as a number; `digits()` says how many there were. */
  integer(maxDigits: number): number {
    let value = 0;
    this.counted = 0;
    while (this.counted < maxDigits) {
      const code = this.code();
      if (code < 0x30 || code > 0x39) break;
      value = value * 10 + (code - 0x30);
      this.counted++;
      this.index++;
    }
    return value;
  }
  take(code: number): boolean {
    if (this.code() !== code) return false;
    this.index++;
    return true;
  }
}

const scanner = new Scanner();

function daysInMonth(year: number, month: number): number {
  if (month === 2) return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0 ? 29 : 28;
  return month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31;
}

function isValidDate(year: number, month: number, day: number): boolean {
  return month >= 1 && month <= 12 && day >= 1 && day <= daysInMonth(year, month);
}

export function isValidIn(cell: DateCell, order: DateOrder): boolean {
  if (cell.yearFirst) return isValidDate(cell.year, cell.first, cell.second);
  return order === 'dmy'
    ? isValidDate(cell.year, cell.second, cell.first)
    : isValidDate(cell.year, cell.first, cell.second);
}

export function readingOf(cell: DateCell): DateCellReading {
  if (cell.yearFirst) return 'iso';
  if (cell.first === cell.second) return 'either';
  const dmy = isValidIn(cell, 'dmy');
  const mdy = isValidIn(cell, 'mdy');
  if (dmy && mdy) return 'ambiguous';
  return dmy ? 'dmy-only' : 'mdy-only';
}

/** Reads the optional time and zone after the date; the UTC day shift, or null when malformed. */
function timeAndZone(): number | null {
  const separator = scanner.code();
  if (separator === -1) return 0;
  if (separator === 0x54 || separator === 0x74) scanner.index++;
  else scanner.skipSpaces();
  if (scanner.code() === -1) return 0;
  let hours = scanner.integer(2);
  if (scanner.digits() === 0 || !scanner.take(0x3a)) return null;
  const minutes = scanner.integer(2);
  if (scanner.digits() !== 2 || minutes > 59) return null;
  if (scanner.take(0x3a)) {
    scanner.integer(2);
    if (scanner.digits() !== 2) return null;
    if (scanner.take(0x2e) || scanner.take(0x2c)) scanner.integer(9);
  }
  scanner.skipSpaces();
  const meridiem = scanner.code() | 0x20;
  if (
    (meridiem === 0x61 || meridiem === 0x70) &&
    (scanner.text.charCodeAt(scanner.index + 1) | 0x20) === 0x6d
  ) {
    if (hours < 1 || hours > 12) return null;
    hours = (hours % 12) + (meridiem === 0x70 ? 12 : 0);
    scanner.index += 2;
    scanner.skipSpaces();
  }
  if (hours > 23) return null;
  let offsetMinutes: number | null = null;
  const zone = scanner.code();
  if (zone === 0x5a || zone === 0x7a) {
    scanner.index++;
    offsetMinutes = 0;
  } else if (scanner.text.startsWith('UTC', scanner.index) || scanner.text.startsWith('GMT', scanner.index)) {
    scanner.index += 3;
    offsetMinutes = 0;
  }
  const sign = scanner.code();
  if (sign === 0x2b || sign === 0x2d || sign === 0x2212) {
    scanner.index++;
    const zoneHours = scanner.integer(2);
    if (scanner.digits() !== 2) return null;
    scanner.take(0x3a);
    const zoneMinutes = scanner.integer(2);
    if (scanner.digits() === 1) return null;
    // No zone is more than 14 hours from UTC; a larger offset is not a zone, and the day-shift
    // arithmetic (and the grouping by date cell) relies on a zone moving a date by one day at most.
    if (zoneHours > 14 || zoneMinutes > 59 || zoneHours * 60 + zoneMinutes > 14 * 60) return null;
    const offset = zoneHours * 60 + zoneMinutes;
    offsetMinutes = sign === 0x2b ? offset : -offset;
  }
  scanner.skipSpaces();
  if (scanner.code() !== -1) return null;
  if (offsetMinutes === null) return 0;
  return Math.floor((hours * 60 + minutes - offsetMinutes) / 1440);
}

/** A date cell's parts, or null when it is no date in either day/month order. */
export function parseDateCell(text: string): DateCell | null {
  scanner.reset(text).skipSpaces();
  const first = scanner.integer(4);
  const firstLength = scanner.digits();
  const separator = scanner.code();
  if (firstLength === 0 || (separator !== 0x2d && separator !== 0x2f && separator !== 0x2e)) return null;
  scanner.index++;
  const second = scanner.integer(2);
  if (scanner.digits() === 0 || !scanner.take(separator)) return null;
  const third = scanner.integer(4);
  const thirdLength = scanner.digits();
  let cell: DateCell;
  if (firstLength === 4 && thirdLength >= 1 && thirdLength <= 2) {
    cell = { year: first, first: second, second: third, yearFirst: true, dayShift: 0 };
  } else if (firstLength <= 2 && thirdLength === 4) {
    cell = { year: third, first, second, yearFirst: false, dayShift: 0 };
  } else {
    return null;
  }
  const dayShift = timeAndZone();
  if (dayShift === null) return null;
  cell.dayShift = dayShift;
  if (!isValidIn(cell, 'dmy') && !isValidIn(cell, 'mdy')) return null;
  return cell;
}

function pad(value: number): string {
  return value < 10 ? `0${value}` : String(value);
}

/**
 * A cell that starts with the same `YYYY-MM-DD` and a time separator as `day` (a cell already
 * parsed): only its time and zone are read. Per-message exports give every row its own timestamp,
 * but thousands of rows share a day, so this skips re-reading and re-validating the date part, and
 * returns `day` itself whenever the zone does not move the UTC date.
 */
export function parseSameDayCell(text: string, day: DateCell): DateCell | null {
  scanner.reset(text);
  scanner.index = 10;
  const dayShift = timeAndZone();
  if (dayShift === null) return null;
  return dayShift === day.dayShift ? day : { ...day, dayShift };
}

/** Whether `parseSameDayCell` may read cells starting with this one's first 10 characters. */
export function hasIsoDayPrefix(text: string, cell: DateCell): boolean {
  if (!cell.yearFirst || text.length <= 10) return false;
  const separator = text.charCodeAt(10);
  return (
    text.charCodeAt(4) === 0x2d &&
    text.charCodeAt(7) === 0x2d &&
    (separator === 0x54 || separator === 0x74 || separator === 0x20)
  );
}

/** The cell as a YYYY-MM-DD (UTC) date in the given order, or null when it is not valid in it. */
export function resolveDate(cell: DateCell, order: DateOrder): string | null {
  if (!isValidIn(cell, order)) return null;
  let month = cell.first;
  let day = cell.second;
  if (!cell.yearFirst && order === 'dmy') {
    month = cell.second;
    day = cell.first;
  }
  const date = `${String(cell.year).padStart(4, '0')}-${pad(month)}-${pad(day)}`;
  return cell.dayShift === 0 ? date : addDays(date, cell.dayShift);
}

export function describeOrder(order: DateOrder): string {
  return order === 'dmy' ? 'd/M/yyyy' : 'M/d/yyyy';
}

interface Witness {
  text: string;
  line: number;
}

/** What a file's date cells say about day/month order, collected as rows go by. */
export class DateOrderEvidence {
  dmy: Witness | null = null;
  mdy: Witness | null = null;
  ambiguous: Witness | null = null;

  note(cell: DateCell, text: string, line: number): void {
    if (cell.yearFirst) return;
    const reading = readingOf(cell);
    if (reading === 'dmy-only') this.dmy ??= { text, line };
    else if (reading === 'mdy-only') this.mdy ??= { text, line };
    else if (reading === 'ambiguous') this.ambiguous ??= { text, line };
  }
}

const ASK = 'choose the date order (CLI: --date-order dmy|mdy)';

/**
 * The file's day/month order: the person's choice when given; else what the data shows (a day > 12
 * in either place); else the header language (French and German write d/M; English exports come
 * from both sides of the Atlantic, so English alone decides nothing); else an error that asks.
 */
export function decideDateOrder(
  evidence: DateOrderEvidence,
  language: LabelLanguage | null,
  chosen: DateOrder | undefined,
): { order: DateOrder } | { error: string } {
  if (chosen !== undefined) return { order: chosen };
  const { dmy, mdy, ambiguous } = evidence;
  if (dmy !== null && mdy !== null) {
    return {
      error: `dates mix d/M/yyyy ('${dmy.text}', line ${dmy.line}) and M/d/yyyy ('${mdy.text}', line ${mdy.line}); ${ASK}`,
    };
  }
  if (dmy !== null) return { order: 'dmy' };
  if (mdy !== null) return { order: 'mdy' };
  if (ambiguous === null || language === 'fr' || language === 'de') return { order: 'dmy' };
  return {
    error: `cannot tell day from month: dates such as '${ambiguous.text}' (line ${ambiguous.line}) could be d/M/yyyy or M/d/yyyy; ${ASK}`,
  };
}
