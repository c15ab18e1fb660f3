import { describe, expect, it } from 'vitest';
import {
  columnLabelOf,
  connectorTypeOf,
  directionOf,
  foldLabel,
  forcedTlsOf,
  isNoConnector,
  tlsBucketOf,
} from '../../../src/core/formats/vocabulary.js';

describe('the vocabulary every reader accepts', () => {
  it('folds case, accents, spaces, punctuation and %', () => {
    expect(foldLabel('TLS forcé ?')).toBe('tlsforce');
    expect(foldLabel(' No-TLS % ')).toBe('notls');
  });

  it.each([
    ['No TLS', 'none'],
    ['No Tls', 'none'],
    ['NoTLS', 'none'],
    ['No-TLS', 'none'],
    ['None', 'none'],
    ['Not TLS', 'none'],
    ['Unencrypted', 'none'],
    ['Pas de TLS', 'none'],
    ['Aucun TLS', 'none'],
    ['Kein TLS', 'none'],
    ['TLS 1.2', 'tls1.2'],
    ['TLS1.2', 'tls1.2'],
    ['TLS1.2%', 'tls1.2'],
    ['Tls12', 'tls1.2'],
    ['TLSv1.2', 'tls1.2'],
    ['TLS 1.0', 'tls1.0'],
    ['tls1.1', 'tls1.1'],
    ['TLSv1.3', 'tls1.3'],
    ['unknown', 'unknown'],
    ['SSL 3', null],
  ])('reads the TLS value %j as %s', (text, bucket) => {
    expect(tlsBucketOf(text)).toBe(bucket);
  });

  it('reads every direction spelling', () => {
    const directions = [
      'Inbound',
      'Outbound',
      'Received',
      'Sent',
      '1',
      '2',
      'Entrant',
      'Sortant',
      'Eingehend',
      'Ausgehend',
    ].map((text) => directionOf(text)?.direction);
    expect(directions).toEqual([
      'inbound',
      'outbound',
      'inbound',
      'outbound',
      'inbound',
      'outbound',
      'inbound',
      'outbound',
      'inbound',
      'outbound',
    ]);
    expect(directionOf('Sideways')).toBeNull();
  });

  it('knows every no-connector label and nothing else', () => {
    for (const label of [
      '',
      'NoConnector',
      'No connector',
      'From the internet without a connector',
      'To the internet without a connector',
      'Sans connecteur',
    ]) {
      expect(isNoConnector(label)).toBe(true);
    }
    expect(isNoConnector('Fabrikam Partner In')).toBe(false);
  });

  it('reads connector types and forced TLS in three languages', () => {
    expect(
      ['Partner', 'OnPremises', 'On-premises', 'Partenaire', 'Local', 'NoConnector', 'Other'].map(
        connectorTypeOf,
      ),
    ).toEqual(['Partner', 'OnPremises', 'OnPremises', 'Partner', 'OnPremises', 'none', null]);
    expect(['True', 'False', 'Yes', 'No', 'Vrai', 'Faux', 'Oui', 'Non', ''].map(forcedTlsOf)).toEqual([
      true,
      false,
      true,
      false,
      true,
      false,
      true,
      false,
      null,
    ]);
  });

  it('knows the column labels and their language', () => {
    expect(columnLabelOf('Direction et nom du connecteur')).toEqual({
      field: 'directionAndName',
      language: 'fr',
    });
    expect(columnLabelOf('TLS forcé ?')).toEqual({ field: 'forcedTls', language: 'fr' });
    expect(columnLabelOf('Nombre de messages')).toEqual({ field: 'volume', language: 'fr' });
    expect(columnLabelOf('Messages sent')).toEqual({ field: 'volume', language: 'en' });
    expect(columnLabelOf('TLS 1.3')).toEqual({ field: 'tls:tls1.3', language: null });
    expect(columnLabelOf('Pas de TLS')).toEqual({ field: 'tls:none', language: 'fr' });
    expect(columnLabelOf('Direction and connector name')).toEqual({
      field: 'directionAndName',
      language: null,
    });
    expect(columnLabelOf('Volume (messages)')).toEqual({ field: 'volume', language: null });
    expect(columnLabelOf('Comment')).toBeNull();
  });
});
