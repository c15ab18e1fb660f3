import { describe, expect, it } from 'vitest';
import { detectHeader } from '../../../src/core/formats/header-detection.js';

describe('recognising a format from its header', () => {
  it('recognises the portal connector report in English and French', () => {
    const english = detectHeader(
      'Date,Connector direction and name,Connector type,Forced TLS?,No TLS,TLS 1.0,TLS 1.1,TLS 1.2,Volume'.split(
        ',',
      ),
    );
    expect(english).toMatchObject({ format: 'connector-report', language: 'en' });
    expect(english.format !== null && english.columns).toEqual({
      date: 0,
      directionAndName: 1,
      connectorType: 2,
      forcedTls: 3,
      'tls:none': 4,
      'tls:tls1.0': 5,
      'tls:tls1.1': 6,
      'tls:tls1.2': 7,
      volume: 8,
    });
    const french = detectHeader(
      'Date;Direction et nom du connecteur;Type de connecteur;TLS forcé ?;Pas de TLS;TLS 1.0;TLS 1.1;TLS 1.2;Volume'.split(
        ';',
      ),
    );
    expect(french).toMatchObject({ format: 'connector-report', language: 'fr' });
  });

  it('tells exact counts from a per-message search by the count column', () => {
    expect(
      detectHeader('date,direction,connector,connector_type,forced_tls,tls,messages'.split(',')).format,
    ).toBe('exact-counts');
    expect(detectHeader('Timestamp,Direction,ConnectorType,TLS,SenderAddress'.split(',')).format).toBe(
      'message-trace',
    );
  });

  it('names the missing fields of the closest format', () => {
    expect(detectHeader(['Timestamp', 'Direction', 'TLS'])).toEqual({
      format: null,
      missing: ['Connector name or type'],
      unmatched: [],
    });
    expect(detectHeader(['When', 'Connector direction and name', 'TLS 1.2'])).toEqual({
      format: null,
      missing: ['Date', 'Volume'],
      unmatched: [],
    });
  });
});
