import { describe, expect, it } from 'vitest';
import { guessColumnMap, headerSignature } from '../../../src/core/formats/index.js';
import { readFixture, readText, recordLines } from './read-fixture.js';

const CUSTOM_MAP = {
  date: 'Report day',
  directionAndName: 'Flow',
  'tls:none': 'Plain',
  volume: 'Total mails',
} as const;

describe('columns the reader does not recognise', () => {
  it('asks for a mapping, naming the header, what is missing and a signature to remember it by', () => {
    const result = readFixture('formats/custom-header.csv');
    expect(result.format).toBeNull();
    expect(result.error).toBe(
      'custom-header.csv: header not recognised: no column for Date, Connector direction and name, Volume',
    );
    expect(result.rows).toBe(0);
    expect(result.needs).toEqual({
      kind: 'mapping',
      header: ['Report day', 'Flow', 'Plain', 'TLS 1.0', 'TLS 1.1', 'TLS 1.2', 'Total mails'],
      missing: ['Date', 'Connector direction and name', 'Volume'],
      signature: 'reportday|flow|plain|tls10|tls11|tls12|totalmails',
    });
  });

  it('reads the file with the mapped columns, the No TLS column included in the shares', () => {
    const result = readFixture('formats/custom-header.csv', { columnMap: CUSTOM_MAP });
    expect(result.error).toBeNull();
    expect(result.needs).toBeUndefined();
    expect(result.format).toBe('connector-report');
    expect(recordLines(result.records)).toEqual([
      '2025-03-03 inbound Contoso In | - | - | tls1.2=180 none=20',
      '2025-03-03 outbound ∅ | - | - | tls1.2=50',
      '2025-03-04 inbound Contoso In | - | - | tls1.2=95 none=5',
    ]);
  });

  it('matches mapped labels ignoring case and punctuation, and says which mapped label is absent', () => {
    const loose = readFixture('formats/custom-header.csv', {
      columnMap: { ...CUSTOM_MAP, date: 'REPORT DAY', volume: 'total-mails' },
    });
    expect(loose.error).toBeNull();
    const wrong = readFixture('formats/custom-header.csv', { columnMap: { ...CUSTOM_MAP, date: 'Day' } });
    expect(wrong.error).toBe(
      "custom-header.csv: header not recognised: no column for Date; no column labelled 'Day' (for date)",
    );
    expect(wrong.needs?.kind).toBe('mapping');
  });

  it('lets a mapping take a column the labels suggested for another field, or drop one', () => {
    // "Name" is guessed as the connector name; mapped as the direction it stops being the name.
    const text = 'Date,Name,TLS,Messages\n2025-03-03,Inbound,TLS1.2,7\n';
    expect(readText('n.csv', text).needs?.kind).toBe('mapping');
    const mapped = readText('n.csv', text, { columnMap: { direction: 'Name' } });
    expect(recordLines(mapped.records)).toEqual(['2025-03-03 inbound ∅ | - | - | tls1.2=7']);
    const dropped = readText('n.csv', text, { columnMap: { direction: 'Name', volume: '' } });
    // Without its count column the file reads as one row per message, which needs a connector column.
    expect(dropped.needs).toMatchObject({ kind: 'mapping', missing: ['Connector name or type'] });
  });

  it('guesses the mapping the labels suggest, and signs a header the same way whatever its spelling', () => {
    expect(guessColumnMap(['Date', 'Connector direction and name', 'No TLS', 'Sender', 'Volume'])).toEqual({
      date: 'Date',
      directionAndName: 'Connector direction and name',
      'tls:none': 'No TLS',
      volume: 'Volume',
    });
    expect(headerSignature(['No TLS', ' TLS 1.2 %'])).toBe(headerSignature(['no-tls', 'TLS1.2']));
  });
});

describe('questions only the person can answer', () => {
  it('asks for the date order when no date shows it', () => {
    const result = readFixture('formats/ambiguous-us-dates.csv');
    expect(result.needs).toEqual({ kind: 'dateOrder' });
    expect(result.error).toMatch(/choose the date order/);
    expect(readFixture('formats/ambiguous-us-dates.csv', { dateOrder: 'mdy' }).needs).toBeUndefined();
  });

  it('asks whether TLS cells are shares or counts when the numbers cannot tell', () => {
    const text = 'Date,Connector direction and name,No TLS,TLS 1.2,Volume\n2025-03-03,Inbound,30,30,200\n';
    expect(readText('t.csv', text).needs).toEqual({ kind: 'tlsCells' });
    const counted = readText('t.csv', text, { tlsCells: 'count' });
    expect(recordLines(counted.records)).toEqual([
      '2025-03-03 inbound ∅ | - | - | tls1.2=30 none=30 unknown=140',
    ]);
  });

  it('a chosen date order wins even where the data would decide otherwise', () => {
    const text =
      'Date,Connector direction and name,No TLS,TLS 1.2,Volume\n03/04/2025,Inbound,0%,100%,5\n13/04/2025,Inbound,0%,100%,5\n';
    const result = readText('d.csv', text, { dateOrder: 'mdy' });
    expect(recordLines(result.records)).toEqual(['2025-03-04 inbound ∅ | - | - | tls1.2=5']);
    expect(result.rejected).toEqual([
      { file: 'd.csv', line: 3, reason: "Date: '13/04/2025' is not a M/d/yyyy date" },
    ]);
  });
});

describe('an SMTP AUTH clients report (format E)', () => {
  it('is recognised and refused as mail flow, without offering a column mapping', () => {
    for (const header of [
      'Sender address,TLS 1.0,TLS 1.1,TLS 1.2,Messages sent',
      'SenderAddress,TLS1.0%,TLS1.1%,TLS1.2%,Message count',
    ]) {
      const result = readText('smtp-auth.csv', `${header}\nscanner@contoso.example,100%,0%,0%,42\n`);
      expect(result.format).toBe('smtp-auth-clients');
      expect(result.records).toEqual([]);
      expect(result.needs).toBeUndefined();
      expect(result.error).toMatch(/^smtp-auth\.csv: this is an SMTP AUTH clients report/);
    }
  });
});
