import { describe, expect, it } from 'vitest';
import { createCsvRowSource, detectDelimiter } from '../../../src/core/formats/csv-rows.js';
import { createCsvTokenizer } from '../../../src/core/formats/csv-tokenizer.js';

function tokenize(chunks: string[], delimiter = ','): [number, string[]][] {
  const rows: [number, string[]][] = [];
  const tokenizer = createCsvTokenizer(delimiter, 1, (fields, line) => rows.push([line, fields]));
  for (const chunk of chunks) tokenizer.push(chunk);
  tokenizer.finish();
  return rows;
}

const TRICKY = 'a,"b, ""quoted""",c\r\n"multi\nline\r\nfield",x,\r\n\r\nlast,"",""""\nno,newline,at end';

describe('the CSV tokenizer', () => {
  it('reads RFC 4180 quoting and gives each row the physical line it starts on', () => {
    expect(tokenize([TRICKY])).toEqual([
      [1, ['a', 'b, "quoted"', 'c']],
      [2, ['multi\nline\r\nfield', 'x', '']],
      [5, ['']],
      [6, ['last', '', '"']],
      [7, ['no', 'newline', 'at end']],
    ]);
  });

  it('gives the same rows for every way of cutting the text in two or in single characters', () => {
    const whole = tokenize([TRICKY]);
    for (let cut = 0; cut <= TRICKY.length; cut++) {
      expect(tokenize([TRICKY.slice(0, cut), TRICKY.slice(cut)])).toEqual(whole);
    }
    expect(tokenize([...TRICKY])).toEqual(whole);
  });

  it('gives the same rows for every way of cutting the text in three (a cut row finished by the next chunk)', () => {
    const whole = tokenize([TRICKY]);
    for (let first = 0; first <= TRICKY.length; first++) {
      for (let second = first; second <= TRICKY.length; second++) {
        const chunks = [TRICKY.slice(0, first), TRICKY.slice(first, second), TRICKY.slice(second)];
        expect(tokenize(chunks)).toEqual(whole);
      }
    }
  });

  it('reads tab and semicolon delimiters and keeps the other characters in fields', () => {
    expect(tokenize(['a;b,c;"d;e"\n'], ';')).toEqual([[1, ['a', 'b,c', 'd;e']]]);
    expect(tokenize(['a\tb;c\t\n'], '\t')).toEqual([[1, ['a', 'b;c', '']]]);
  });

  it('keeps an unclosed quote to the end of the input rather than losing it', () => {
    expect(tokenize(['a,"b\nc'])).toEqual([[1, ['a', 'b\nc']]]);
  });
});

describe('the row source before the tokenizer', () => {
  it('detects the delimiter from the header line, ignoring quoted ones', () => {
    expect(detectDelimiter('Date,Connector direction and name,Volume')).toBe(',');
    expect(detectDelimiter('Date;"Direction, nom";Volume')).toBe(';');
    expect(detectDelimiter('Datum\tName, Richtung\tVolumen')).toBe('\t');
    expect(detectDelimiter('Volume')).toBe(',');
  });

  it('skips a #TYPE first line and counts it in the line numbers', () => {
    const rows: [number, string[]][] = [];
    const source = createCsvRowSource((fields, line) => rows.push([line, fields]));
    for (const chunk of ['#TYPE Sys', 'tem.Object\r\nDate;Vol', 'ume\r\n2025-03-03;5']) source.push(chunk);
    source.finish();
    expect(source.delimiter).toBe(';');
    expect(rows).toEqual([
      [2, ['Date', 'Volume']],
      [3, ['2025-03-03', '5']],
    ]);
  });
});
