/**
 * Numbers as exports write them: `18211`, `18,211`, `18.211`, `18 211` (also no-break and narrow
 * no-break space), and percentages `97.9`, `97,9`, `97,9 %`, `97.9%`. One pass over the characters,
 * no regular expressions: this runs once per cell.
 */

/**
 * How to read a lone separator followed by exactly three digits (`18.211`): a count has no
 * fraction, so it is a thousands separator there; a share (`38,200`) keeps it as a decimal.
 */
export type NumberReading = 'count' | 'share';

const DOT = 0x2e;
const COMMA = 0x2c;

/** Digit counts up to here fit a double exactly; longer numbers (never seen in exports) go through a string. */
const EXACT_DIGITS = 15;
const POWERS_OF_TEN = [1, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15];

/** The value of a number cell, or NaN when it is not one (negative numbers are not). */
export function parseLocaleNumber(text: string, reading: NumberReading): number {
  // The digits are gathered as one integer instead of into a string: this runs for every TLS cell,
  // twice, and a string grown character by character was most of the reader's garbage.
  let mantissa = 0;
  let firstCode = 0;
  let dots = 0;
  let commas = 0;
  let lastSeparator = 0;
  let digits = 0;
  let digitsBeforeFirstSeparator = 0;
  let digitsAfterLastSeparator = 0;
  let sawPercent = false;
  for (let index = 0; index < text.length; index++) {
    const code = text.charCodeAt(index);
    if (code >= 0x30 && code <= 0x39) {
      if (sawPercent) return Number.NaN;
      if (digits + dots + commas === 0) firstCode = code;
      mantissa = mantissa * 10 + (code - 0x30);
      digits++;
      digitsAfterLastSeparator++;
    } else if (code === DOT || code === COMMA) {
      if (sawPercent) return Number.NaN;
      if (digits + dots + commas === 0) firstCode = code;
      if (code === DOT) dots++;
      else commas++;
      if (dots + commas === 1) digitsBeforeFirstSeparator = digits;
      lastSeparator = code;
      digitsAfterLastSeparator = 0;
    } else if (code === 0x25) {
      sawPercent = true;
    } else if (
      code !== 0x20 &&
      code !== 0x09 &&
      code !== 0xa0 &&
      code !== 0x202f &&
      code !== 0x2009 &&
      code !== 0x27 &&
      code !== 0x2019 &&
      !(code === 0x2b && digits === 0 && dots + commas === 0)
    ) {
      return Number.NaN;
    }
  }
  if (digits === 0) return Number.NaN;
  let decimal = 0;
  if (dots > 0 && commas > 0) {
    // Both kinds: the last one is the decimal separator and may occur only once.
    decimal = lastSeparator;
    if ((lastSeparator === DOT ? dots : commas) > 1) return Number.NaN;
  } else if (dots + commas === 1) {
    const looksGrouped =
      reading === 'count' &&
      !sawPercent &&
      digitsAfterLastSeparator === 3 &&
      digitsBeforeFirstSeparator >= 1 &&
      digitsBeforeFirstSeparator <= 3 &&
      firstCode !== 0x30;
    decimal = looksGrouped ? 0 : lastSeparator;
  }
  if (digits > EXACT_DIGITS) return Number(withDecimalPoint(text, decimal));
  // Both operands are exact, and IEEE division rounds correctly, so this is the double that
  // Number() would give for the same digits with a decimal point: the same value, to the bit.
  return decimal === 0 ? mantissa : mantissa / (POWERS_OF_TEN[digitsAfterLastSeparator] ?? 1);
}

/** The digits of a checked number cell with its decimal separator (if any) as `.`, for Number(). */
function withDecimalPoint(text: string, decimal: number): string {
  let normalised = '';
  for (let index = 0; index < text.length; index++) {
    const code = text.charCodeAt(index);
    if (code >= 0x30 && code <= 0x39) normalised += text[index];
    else if (code === decimal) normalised += '.';
  }
  return normalised;
}

/** A message count as written (the caller checks it is whole), or NaN. Plain digits take the short way. */
export function parseCount(text: string): number {
  let value = 0;
  let plain = text.length > 0 && text.length < 16;
  for (let index = 0; plain && index < text.length; index++) {
    const code = text.charCodeAt(index);
    if (code < 0x30 || code > 0x39) plain = false;
    else value = value * 10 + (code - 0x30);
  }
  if (plain) return value;
  return parseLocaleNumber(text, 'count');
}

export function hasPercentSign(text: string): boolean {
  return text.includes('%');
}
