import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createMailflowReader, readMailflowFile } from '../../../src/core/formats/index.js';
import { fixtureBytes, readFixture, readText, recordLines } from './read-fixture.js';

const FRENCH = recordLines(readFixture('shared/eac-entrants-sortants-fr.csv').records);

function utf16(text: string, endian: 'le' | 'be'): Uint8Array {
  const bytes = new Uint8Array(2 + text.length * 2);
  bytes.set(endian === 'le' ? [0xff, 0xfe] : [0xfe, 0xff]);
  for (let index = 0; index < text.length; index++) {
    const code = text.charCodeAt(index);
    const [high, low] = [code >> 8, code & 0xff];
    bytes[2 + index * 2] = endian === 'le' ? low : high;
    bytes[3 + index * 2] = endian === 'le' ? high : low;
  }
  return bytes;
}

const frenchText = new TextDecoder().decode(fixtureBytes('shared/eac-entrants-sortants-fr.csv'));
const powershellExport = `#TYPE Selected.System.Management.Automation.PSCustomObject\r\n${frenchText.replaceAll('\n', '\r\n')}`;

describe('reading any file', () => {
  it('reads a UTF-16 LE export with a byte order mark and a #TYPE first line, with line numbers counting it', () => {
    const bytes = utf16(`${powershellExport}03/03/2025;Entrant - X;;Faux;abc;0 %;0 %;100 %;5\r\n`, 'le');
    const result = readMailflowFile('ps.csv', bytes);
    expect(result.error).toBeNull();
    expect(recordLines(result.records)).toEqual(FRENCH);
    expect(result.rows).toBe(5);
    expect(result.rejected).toEqual([
      { file: 'ps.csv', line: 7, reason: "Pas de TLS: 'abc' is not a number" },
    ]);
  });

  it('reads a UTF-16 BE export', () => {
    const result = readMailflowFile('be.csv', utf16(powershellExport, 'be'));
    expect(recordLines(result.records)).toEqual(FRENCH);
  });

  it('gives the same result however the bytes are split into chunks', () => {
    const files = [
      fixtureBytes('shared/eac-entrants-sortants-fr.csv'),
      fixtureBytes('formats/quoted-names-crlf.csv'),
      utf16(powershellExport, 'le'),
    ];
    for (const bytes of files) {
      const whole = readMailflowFile('f.csv', bytes);
      for (const size of [1, 2, 3, 5, 7, 64]) {
        const reader = createMailflowReader('f.csv');
        for (let start = 0; start < bytes.length; start += size)
          reader.push(bytes.subarray(start, start + size));
        expect(reader.finish()).toEqual(whole);
      }
    }
  });

  it('calls an empty file an error', () => {
    for (const bytes of [
      new Uint8Array(0),
      new Uint8Array([0xef, 0xbb, 0xbf]),
      new TextEncoder().encode('\n\r\n'),
    ]) {
      const result = readMailflowFile('empty.csv', bytes);
      expect(result.error).toBe('empty.csv: empty file');
      expect(result.rejected).toEqual([{ file: 'empty.csv', line: 0, reason: 'empty file' }]);
    }
  });

  it('names the columns it could not find in an unrecognised header', () => {
    const result = readMailflowFile('eac.csv', fixtureBytes('formats/unknown-header.csv'));
    expect(result.format).toBeNull();
    expect(result.error).toBe('eac.csv: header not recognised: no column for Date, Volume');
    expect(result.records).toEqual([]);
    expect(readText('x.csv', 'a,b,c\n1,2,3\n').error).toBe(
      'x.csv: header not recognised: no column for Date, Connector direction and name, TLS columns (No TLS, TLS 1.0, TLS 1.1, TLS 1.2), Volume',
    );
  });

  it('reads a file with only a header as no rows, not an error', () => {
    const result = readText('h.csv', 'date,direction,connector,connector_type,forced_tls,tls,messages\r\n');
    expect(result).toMatchObject({ error: null, format: 'exact-counts', rows: 0, records: [], rejected: [] });
  });

  it("skips blank lines and takes Excel's sep= line as the delimiter", () => {
    const text =
      'sep=;\nDate;Connector direction and name;No TLS;TLS 1.2;Volume\n\n2025-03-03;Inbound - A, B;0;100;10\n;;;;\n';
    const result = readText('sep.csv', text);
    expect(result.rows).toBe(1);
    expect(recordLines(result.records)).toEqual(['2025-03-03 inbound A, B | - | - | tls1.2=10']);
  });
});

describe('reading any bytes at all', () => {
  it('reads a Windows-1252 export (not valid UTF-8) as such, accents included', () => {
    const ansi = Uint8Array.from(frenchText.replace('\ufeff', ''), (character) => {
      const code = character.charCodeAt(0);
      if (code > 0xff) throw new Error(`not Latin-1: ${character}`);
      return code;
    });
    const result = readMailflowFile('ansi.csv', ansi);
    expect(result.error).toBeNull();
    expect(recordLines(result.records)).toEqual(FRENCH);
  });

  it('never throws, whatever the bytes, and a chunked read equals a whole read', () => {
    const csvish = fc.string({
      unit: fc.constantFrom(
        'a',
        '1',
        '2',
        '/',
        '-',
        '.',
        ',',
        ';',
        '\t',
        '"',
        '\r',
        '\n',
        ' ',
        '%',
        'é',
        'Inbound',
        'TLS 1.2',
      ),
      maxLength: 200,
    });
    const header = 'Date,Connector direction and name,No TLS,TLS 1.2,Volume\n';
    fc.assert(
      fc.property(
        fc.oneof(
          csvish.map((text) => header + text),
          csvish,
        ),
        fc.integer({ min: 1, max: 9 }),
        (text, size) => {
          const bytes = new TextEncoder().encode(text);
          const whole = readMailflowFile('fuzz.csv', bytes);
          const reader = createMailflowReader('fuzz.csv');
          for (let start = 0; start < bytes.length; start += size)
            reader.push(bytes.subarray(start, start + size));
          expect(reader.finish()).toEqual(whole);
        },
      ),
    );
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 300 }), (bytes) => {
        expect(() => readMailflowFile('random.bin', bytes)).not.toThrow();
      }),
    );
  });
});
