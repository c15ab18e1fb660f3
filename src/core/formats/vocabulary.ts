/**
 * The spellings every reader accepts for the same concept (formats.md, "Vocabulary to normalise"):
 * cell values and column labels, English, French and German. Matching is on a folded form —
 * lower case, accents dropped, everything but letters and digits removed — so `No-TLS`, `No Tls`
 * and `NoTLS` are one word. Values repeat a lot in a file, so readers cache by the raw cell.
 */
import type { ConnectorType, Direction, TlsBucket } from '../model.js';

/** The language a label or value betrays; French and German exports write day before month. */
export type LabelLanguage = 'en' | 'fr' | 'de';

/** `TLS forcé ?` → `tlsforce`, `97,9 %` → `979`, `Inbound - X` → `inboundx`. */
export function foldLabel(text: string): string {
  let folded = '';
  const lower = text.toLowerCase();
  for (let index = 0; index < lower.length; index++) {
    const code = lower.charCodeAt(index);
    if ((code >= 0x61 && code <= 0x7a) || (code >= 0x30 && code <= 0x39)) {
      folded += lower[index];
    } else if (code >= 0xc0) {
      // Only non-ASCII letters pay for decomposition: é → e, ü → u.
      const base = (lower[index] ?? '').normalize('NFD').charAt(0);
      const baseCode = base.charCodeAt(0);
      if ((baseCode >= 0x61 && baseCode <= 0x7a) || baseCode >= 0xc0) folded += base;
    }
  }
  return folded;
}

/** A copy of a cell that does not pin the file chunk it was sliced from (see ownString in row-reading.ts). */
function ownKey(text: string): string {
  return text.length < 13 ? text : ` ${text}`.slice(1);
}

/** Slots of the small direct-mapped cache in front of each lookup's Map. */
const RECENT_SLOTS = 64;

/**
 * Cells repeat (every row says `Inbound` or `TLS1.2`), so each lookup remembers raw cells it has
 * folded. This runs several times per row of a million-row file: a Map lookup has to hash every
 * new cell string, so a direct-mapped cache keyed by length and end characters comes first, where
 * a hit costs one string comparison.
 */
function remembered<T>(lookup: (text: string) => T): (text: string) => T {
  /** Raw cell → its value, with the cell copied once so neither cache pins a file chunk. */
  const cache = new Map<string, { key: string; value: T }>();
  const recentKeys: (string | null)[] = new Array(RECENT_SLOTS).fill(null);
  const recentValues: T[] = new Array(RECENT_SLOTS);
  return (text) => {
    const length = text.length;
    const slot =
      length === 0
        ? 0
        : (length * 31 + text.charCodeAt(0) * 7 + text.charCodeAt(length - 1)) & (RECENT_SLOTS - 1);
    if (recentKeys[slot] === text) return recentValues[slot] as T;
    let entry = cache.get(text);
    if (entry === undefined) {
      entry = { key: ownKey(text), value: lookup(text) };
      // Bounded: a column of values that never repeat must not grow memory.
      if (cache.size < 4096) cache.set(entry.key, entry);
    }
    recentKeys[slot] = entry.key;
    recentValues[slot] = entry.value;
    return entry.value;
  };
}

const TLS_VALUES: Record<string, TlsBucket> = {
  notls: 'none',
  none: 'none',
  nottls: 'none',
  unencrypted: 'none',
  pasdetls: 'none',
  aucuntls: 'none',
  sanstls: 'none',
  keintls: 'none',
  ohnetls: 'none',
  unknown: 'unknown',
  inconnu: 'unknown',
  unbekannt: 'unknown',
};
for (const [minor, bucket] of [
  ['0', 'tls1.0'],
  ['1', 'tls1.1'],
  ['2', 'tls1.2'],
  ['3', 'tls1.3'],
] as const) {
  for (const prefix of ['tls1', 'tlsv1', '1']) TLS_VALUES[`${prefix}${minor}`] = bucket;
}

/** A TLS value or column label (`No Tls`, `TLS1.2%`, `TLSv1.3`, `Pas de TLS`) as its bucket. */
export const tlsBucketOf = remembered(
  (text: string): TlsBucket | null => TLS_VALUES[foldLabel(text)] ?? null,
);

interface DirectionWord {
  direction: Direction;
  language: LabelLanguage | null;
}

const DIRECTION_VALUES: Record<string, DirectionWord> = {
  inbound: { direction: 'inbound', language: 'en' },
  outbound: { direction: 'outbound', language: 'en' },
  received: { direction: 'inbound', language: 'en' },
  sent: { direction: 'outbound', language: 'en' },
  incoming: { direction: 'inbound', language: 'en' },
  outgoing: { direction: 'outbound', language: 'en' },
  originating: { direction: 'outbound', language: 'en' },
  '1': { direction: 'inbound', language: null },
  '2': { direction: 'outbound', language: null },
  entrant: { direction: 'inbound', language: 'fr' },
  sortant: { direction: 'outbound', language: 'fr' },
  entrants: { direction: 'inbound', language: 'fr' },
  sortants: { direction: 'outbound', language: 'fr' },
  eingehend: { direction: 'inbound', language: 'de' },
  ausgehend: { direction: 'outbound', language: 'de' },
};

export const directionOf = remembered(
  (text: string): DirectionWord | null => DIRECTION_VALUES[foldLabel(text)] ?? null,
);

const NO_CONNECTOR_VALUES = new Set([
  '',
  'noconnector',
  'sansconnecteur',
  'aucunconnecteur',
  'keinconnector',
  'ohneconnector',
]);
/** Endings of the portal's path labels: "From the internet without a connector", "… sans connecteur". */
const NO_CONNECTOR_ENDINGS = ['withoutaconnector', 'withoutconnector', 'sansconnecteur', 'ohneconnector'];

/** The portal's own wording for the no-connector path, which also says its direction. */
const IMPLIED_DIRECTIONS: Record<string, Direction> = {
  fromtheinternetwithoutaconnector: 'inbound',
  totheinternetwithoutaconnector: 'outbound',
  depuisinternetsansconnecteur: 'inbound',
  versinternetsansconnecteur: 'outbound',
  vominternetohneconnector: 'inbound',
  insinternetohneconnector: 'outbound',
};

export const isNoConnector = remembered((name: string): boolean => {
  const folded = foldLabel(name);
  if (NO_CONNECTOR_VALUES.has(folded)) return true;
  return NO_CONNECTOR_ENDINGS.some((ending) => folded.endsWith(ending));
});

/** "From the internet without a connector" → inbound; anything else → null. */
export function directionImpliedBy(name: string): Direction | null {
  return IMPLIED_DIRECTIONS[foldLabel(name)] ?? null;
}

/** A connector type cell: a type, `null` for empty/unknown, or `'none'` for `NoConnector`. */
export const connectorTypeOf = remembered((text: string): ConnectorType | 'none' | null => {
  switch (foldLabel(text)) {
    case 'partner':
    case 'partenaire':
      return 'Partner';
    case 'onpremises':
    case 'onpremise':
    case 'local':
    case 'lokal':
      return 'OnPremises';
    case 'noconnector':
    case 'none':
      return 'none';
    default:
      return null;
  }
});

/** Forced TLS as a boolean; empty or unrecognised is null (it never changes a number). */
export const forcedTlsOf = remembered((text: string): boolean | null => {
  switch (foldLabel(text)) {
    case 'true':
    case 'yes':
    case 'vrai':
    case 'oui':
    case 'ja':
    case 'wahr':
    case '1':
      return true;
    case 'false':
    case 'no':
    case 'faux':
    case 'non':
    case 'nein':
    case 'falsch':
    case '0':
      return false;
    default:
      return null;
  }
});

/** A column the readers know; the TLS bucket columns of format A are `tls:<bucket>`. */
export type ColumnField =
  | 'date'
  | 'directionAndName'
  | 'direction'
  | 'connector'
  | 'connectorType'
  | 'forcedTls'
  | 'tls'
  | 'volume'
  | 'sender'
  | 'recipient'
  | 'messageId'
  | `tls:${TlsBucket}`;

export interface ColumnLabel {
  field: ColumnField;
  language: LabelLanguage | null;
}

const COLUMN_LABELS = new Map<string, ColumnLabel>();
function label(field: ColumnField, language: LabelLanguage | null, ...spellings: string[]): void {
  for (const spelling of spellings) COLUMN_LABELS.set(foldLabel(spelling), { field, language });
}
label('date', null, 'Date');
label('date', 'en', 'Day', 'Timestamp', 'Date time', 'Received', 'Date received', 'Received date');
label('date', 'en', 'origin_timestamp', 'origin_timestamp_utc', 'Timestamp UTC', 'Date UTC', 'Message date');
label('date', 'fr', 'Jour', 'Horodatage');
label('date', 'de', 'Datum', 'Zeitstempel', 'Tag');
label('directionAndName', 'en', 'Connector direction and name', 'Direction and name');
label('directionAndName', 'fr', 'Direction et nom du connecteur', 'Direction et nom');
label('directionAndName', 'de', 'Connectorrichtung und -name', 'Richtung und Name des Connectors');
label('direction', null, 'Direction');
label('direction', 'en', 'Connector direction', 'Directionality', 'Message direction');
label('direction', 'fr', 'Direction du connecteur', 'Sens');
label('direction', 'de', 'Richtung', 'Connectorrichtung');
label('connector', 'en', 'Connector', 'Connector name', 'Connector_id', 'ConnectorId', 'Name');
label('connector', 'fr', 'Nom du connecteur', 'Connecteur', 'Nom');
label('connector', 'de', 'Connectorname', 'Name des Connectors');
label('connectorType', 'en', 'Connector type', 'Connector_type', 'Type');
label('connectorType', 'fr', 'Type de connecteur');
label('connectorType', 'de', 'Connectortyp', 'Typ');
label('forcedTls', 'en', 'Forced TLS?', 'Forced TLS', 'Forced_tls', 'TLS forced');
label('forcedTls', 'fr', 'TLS forcé ?', 'TLS forcé');
label('forcedTls', 'de', 'TLS erzwungen', 'Erzwungenes TLS');
label('tls', null, 'TLS', 'TLS version', 'TLSVersion', 'TLS used', 'TLSUsed');
label('tls', 'fr', 'Version TLS', 'Version de TLS');
label('tls', 'de', 'TLS-Version');
label('volume', null, 'Volume', 'Messages', 'Count');
label('volume', 'en', 'Message count', 'Messages sent', 'Total messages');
label('volume', 'fr', 'Nombre de messages');
label('volume', 'de', 'Volumen', 'Anzahl', 'Nachrichten', 'Anzahl Nachrichten', 'Anzahl der Nachrichten');
label('sender', null, 'Sender', 'SenderAddress', 'Sender address', 'sender_address', 'From');
label('recipient', null, 'Recipient', 'RecipientAddress', 'Recipient address', 'recipient_address', 'To');
label('messageId', null, 'Message ID', 'MessageId', 'message_id', 'Network message ID', 'network_message_id');
label('tls:none', 'fr', 'Pas de TLS', 'Aucun TLS');
label('tls:none', 'de', 'Kein TLS');

/** A header cell as the column it names, or null for a column the readers ignore. */
export function columnLabelOf(text: string): ColumnLabel | null {
  const folded = foldLabel(text);
  const known = COLUMN_LABELS.get(folded);
  if (known !== undefined) return known;
  const bucket = TLS_VALUES[folded];
  if (bucket !== undefined && bucket !== 'unknown' && folded !== '') {
    return { field: `tls:${bucket}`, language: null };
  }
  // Wordings the tables do not list yet ("Direction and connector name", "Volume (messages)").
  const namesDirection = folded.includes('direction') || folded.includes('richtung');
  if (namesDirection && (folded.includes('name') || folded.includes('nom'))) {
    return { field: 'directionAndName', language: null };
  }
  if (folded.startsWith('volume')) return { field: 'volume', language: null };
  return null;
}
