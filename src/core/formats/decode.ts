/**
 * Bytes to text, chunk by chunk. The encoding comes from the byte order mark: UTF-8 (with or without
 * one), UTF-16 LE or BE (Windows PowerShell's `Export-Csv -Encoding Unicode`). The mark is dropped.
 *
 * UTF-8, by far the common case, is decoded without TextDecoder's `stream: true`: in Node (and so
 * the CLI) streaming decodes go through a converter several times slower than a one-shot decode.
 * Instead each chunk is cut after its last complete character and the few bytes of a character
 * split across chunks wait for the next one. UTF-16 keeps `stream: true`, which handles its pairs.
 *
 * Text that is not valid UTF-8 is an old Windows export in the ANSI code page (Excel's "CSV"
 * save, Windows PowerShell 5 `Out-File -Encoding Default`): from the first invalid byte on, the
 * rest is read as Windows-1252, so `TLS forcé ?` stays readable instead of becoming `forc�`.
 */

export interface TextChunkDecoder {
  /** Text decoded so far from this chunk (may be empty while the encoding is not known yet). */
  push(chunk: Uint8Array): string;
  /** The rest, at end of input. */
  finish(): string;
  /** The encoding in use, once known. */
  readonly encoding: string | null;
}

type Encoding = 'utf-8' | 'utf-16le' | 'utf-16be' | 'windows-1252';

function sniff(head: Uint8Array): { encoding: Encoding; bomLength: number } {
  if (head[0] === 0xff && head[1] === 0xfe) return { encoding: 'utf-16le', bomLength: 2 };
  if (head[0] === 0xfe && head[1] === 0xff) return { encoding: 'utf-16be', bomLength: 2 };
  if (head[0] === 0xef && head[1] === 0xbb && head[2] === 0xbf) return { encoding: 'utf-8', bomLength: 3 };
  return { encoding: 'utf-8', bomLength: 0 };
}

/** Where the last UTF-8 character of `bytes` starts, if it is cut off; else `bytes.length`. */
export function completeUtf8Length(bytes: Uint8Array): number {
  const length = bytes.length;
  let start = length - 1;
  while (start >= 0 && start > length - 4 && ((bytes[start] ?? 0) & 0xc0) === 0x80) start--;
  if (start < 0) return length;
  const lead = bytes[start] ?? 0;
  const needed = lead >= 0xf0 ? 4 : lead >= 0xe0 ? 3 : lead >= 0xc0 ? 2 : 1;
  return length - start < needed ? start : length;
}

function concat(a: Uint8Array, b: Uint8Array): Uint8Array {
  if (a.length === 0) return b;
  const joined = new Uint8Array(a.length + b.length);
  joined.set(a);
  joined.set(b, a.length);
  return joined;
}

export function createTextChunkDecoder(): TextChunkDecoder {
  let decoder: TextDecoder | null = null;
  let encoding: Encoding | null = null;
  // Bytes not decoded yet: the start of the file until the byte order mark is known, or the
  // beginning of a UTF-8 character cut off at the end of the previous chunk.
  let held: Uint8Array = new Uint8Array(0);

  function decode(bytes: Uint8Array, final: boolean): string {
    if (decoder === null) return '';
    if (encoding !== 'utf-8') return decoder.decode(bytes, { stream: !final });
    const cut = final ? bytes.length : completeUtf8Length(bytes);
    held = cut === bytes.length ? new Uint8Array(0) : bytes.slice(cut);
    if (cut === 0) return '';
    try {
      return decoder.decode(cut === bytes.length ? bytes : bytes.subarray(0, cut));
    } catch {
      held = new Uint8Array(0);
      return switchToWindows1252(bytes, final);
    }
  }

  function switchToWindows1252(bytes: Uint8Array, final: boolean): string {
    try {
      decoder = new TextDecoder('windows-1252');
      encoding = 'windows-1252';
    } catch {
      // A runtime without the legacy code pages: keep UTF-8 and mark bad bytes as U+FFFD.
      decoder = new TextDecoder('utf-8', { ignoreBOM: true });
      return decode(bytes, final);
    }
    return decoder.decode(bytes, { stream: !final });
  }

  function start(bytes: Uint8Array, final: boolean): string {
    const sniffed = sniff(bytes);
    encoding = sniffed.encoding;
    // ignoreBOM: the mark is removed here once; a U+FEFF later in the text is text.
    // fatal (UTF-8 only): an invalid byte means the file is Windows-1252, see switchToWindows1252.
    decoder = new TextDecoder(encoding, { ignoreBOM: true, fatal: encoding === 'utf-8' });
    return decode(bytes.subarray(sniffed.bomLength), final);
  }

  return {
    get encoding() {
      return encoding;
    },
    push(chunk) {
      const bytes = concat(held, chunk);
      held = new Uint8Array(0);
      if (decoder !== null) return decode(bytes, false);
      if (bytes.length < 3) {
        held = bytes;
        return '';
      }
      return start(bytes, false);
    },
    finish() {
      const rest = held;
      held = new Uint8Array(0);
      if (decoder === null) return start(rest, true);
      return decode(rest, true);
    },
  };
}
