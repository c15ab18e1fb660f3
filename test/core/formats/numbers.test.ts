import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseCount, parseLocaleNumber } from '../../../src/core/formats/numbers.js';

describe('numbers as exports write them', () => {
  it.each([
    ['18211', 18211],
    ['18,211', 18211],
    ['18.211', 18211],
    ['18 211', 18211],
    ['18\u00a0211', 18211],
    ['18\u202f211', 18211],
    ['1,234,567', 1234567],
    ['1.234.567', 1234567],
    ['1.234,5', 1234.5],
    ['1,234.5', 1234.5],
    [' 42 ', 42],
    ['0.500', 0.5],
    ['12.5', 12.5],
  ])('reads the count %j as %d', (text, value) => {
    expect(parseLocaleNumber(text, 'count')).toBe(value);
  });

  it.each([
    ['97.9', 97.9],
    ['97,9', 97.9],
    ['97,9 %', 97.9],
    ['97.9%', 97.9],
    ['100 %', 100],
    ['0%', 0],
    ['38,200', 38.2],
    ['1.234,5', 1234.5],
  ])('reads the share %j as %d', (text, value) => {
    expect(parseLocaleNumber(text, 'share')).toBe(value);
  });

  it.each(['', 'abc', '-5', '12a', '5 % 3', '1.2.3,4,5', '%'])('refuses %j', (text) => {
    expect(parseLocaleNumber(text, 'share')).toBeNaN();
  });

  it('takes plain digits the short way and falls back for the rest', () => {
    expect(parseCount('534')).toBe(534);
    expect(parseCount('9 902')).toBe(9902);
    expect(parseCount('x')).toBeNaN();
  });

  it('reads a decimal to the very double that Number() gives, short or long', () => {
    // Up to 15 digits the value is computed, not parsed from a string: 3 / 10 must still be 0.3.
    const digitString = (min: number, max: number) =>
      fc.array(fc.integer({ min: 0, max: 9 }), { minLength: min, maxLength: max }).map((ds) => ds.join(''));
    fc.assert(
      fc.property(digitString(1, 12), digitString(0, 8), (whole, fraction) => {
        const expected = Number(`${whole}.${fraction}`);
        expect(parseLocaleNumber(`${whole}.${fraction}`, 'share')).toBe(expected);
        expect(parseLocaleNumber(`${whole},${fraction} %`, 'share')).toBe(expected);
      }),
    );
    expect(parseLocaleNumber('0,3', 'share')).toBe(0.3);
    expect(parseLocaleNumber('1.005', 'share')).toBe(1.005);
    expect(parseLocaleNumber('12345678901234567.5', 'share')).toBe(Number('12345678901234567.5'));
    expect(parseLocaleNumber('1,234,567,890,123,456,789', 'count')).toBe(Number('1234567890123456789'));
    expect(parseLocaleNumber('0.000000000000001', 'share')).toBe(1e-15);
  });
});
