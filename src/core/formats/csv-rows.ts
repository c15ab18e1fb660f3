/**
 * Text chunks to CSV rows: skips a Windows PowerShell `#TYPE` first line (and Excel's `sep=` hint,
 * which also names the delimiter), detects the delimiter from the header line, then hands the text
 * to the tokenizer. Only the text before the header line's end is held back; after that every chunk
 * goes straight through.
 */
import { type CsvRowHandler, type CsvTokenizer, createCsvTokenizer } from './csv-tokenizer.js';

export type CsvDelimiter = ',' | ';' | '\t';

/** The delimiter that occurs most often outside quotes in the header line; ties go tab, `;`, `,`. */
export function detectDelimiter(headerLine: string): CsvDelimiter {
  let commas = 0;
  let semicolons = 0;
  let tabs = 0;
  let quoted = false;
  for (let index = 0; index < headerLine.length; index++) {
    const code = headerLine.charCodeAt(index);
    if (code === 0x22) quoted = !quoted;
    else if (quoted) continue;
    else if (code === 0x2c) commas++;
    else if (code === 0x3b) semicolons++;
    else if (code === 0x09) tabs++;
  }
  if (tabs > 0 && tabs >= semicolons && tabs >= commas) return '\t';
  if (semicolons > 0 && semicolons >= commas) return ';';
  return ',';
}

export interface CsvRowSource {
  push(text: string): void;
  finish(): void;
  readonly delimiter: CsvDelimiter | null;
}

export function createCsvRowSource(onRow: CsvRowHandler): CsvRowSource {
  let pending = '';
  let line = 1;
  let delimiter: CsvDelimiter | null = null;
  let tokenizer: CsvTokenizer | null = null;

  /** Drops preamble lines and starts the tokenizer once the header line is complete. */
  function sniff(final: boolean): void {
    for (;;) {
      const feed = pending.indexOf('\n');
      if (feed === -1 && !final) return;
      const firstLine = feed === -1 ? pending : pending.slice(0, feed);
      if (firstLine.startsWith('#TYPE') || /^sep=.$/i.test(firstLine.replace(/\r$/, ''))) {
        if (firstLine.startsWith('sep=') || firstLine.startsWith('SEP=')) {
          const named = firstLine.charAt(4);
          if (named === ',' || named === ';' || named === '\t') delimiter = named;
        }
        pending = feed === -1 ? '' : pending.slice(feed + 1);
        line++;
        continue;
      }
      if (firstLine.trim() === '' && feed !== -1) {
        pending = pending.slice(feed + 1);
        line++;
        continue;
      }
      delimiter ??= detectDelimiter(firstLine);
      tokenizer = createCsvTokenizer(delimiter, line, onRow);
      const text = pending;
      pending = '';
      tokenizer.push(text);
      return;
    }
  }

  return {
    get delimiter() {
      return delimiter;
    },
    push(text) {
      if (tokenizer !== null) {
        tokenizer.push(text);
        return;
      }
      pending += text;
      sniff(false);
    },
    finish() {
      if (tokenizer === null && pending.length > 0) sniff(true);
      tokenizer?.finish();
    },
  };
}
