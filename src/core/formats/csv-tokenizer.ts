/**
 * RFC 4180 rows from text pushed in chunks, each with the 1-based physical line it starts on.
 *
 * Hand-written rather than PapaParse: Papa's `meta.cursor` counts characters, not lines, so line
 * numbers after a quoted field holding line breaks would need a second scan of the text, and its
 * step callback allocates a result object per row. This tokenizer walks the text once with
 * `indexOf` for the next delimiter, line feed and quote (the same strategy as Papa's fast path),
 * slices each field straight out of the chunk, and counts the line feeds inside quoted fields as
 * it passes them, so rows after a multi-line connector name still carry their true line number.
 * Per row it allocates the field array and the field strings, nothing else. A row cut by a chunk
 * boundary is re-read from its start when the next chunk arrives; only that row is kept across.
 */

export type CsvRowHandler = (fields: string[], line: number) => void;

export interface CsvTokenizer {
  push(text: string): void;
  /** End of input: a last row without a line break is still a row. */
  finish(): void;
}

const QUOTE = 0x22;
const LINE_FEED = 0x0a;
const CARRIAGE_RETURN = 0x0d;

export function createCsvTokenizer(delimiter: string, firstLine: number, onRow: CsvRowHandler): CsvTokenizer {
  const delimiterCode = delimiter.charCodeAt(0);
  let buffer = '';
  let line = firstLine;

  /** Reads the rows of `text` from `start`; keeps an incomplete last row in `buffer` unless `final`. */
  function drain(text: string, start: number, final: boolean): void {
    const length = text.length;
    let position = start;
    let nextDelimiter = -1;
    let nextLineFeed = -1;
    while (position < length) {
      const rowStart = position;
      const rowLine = line;
      let rowLines = 0;
      const fields: string[] = [];
      let complete = false;
      for (;;) {
        if (text.charCodeAt(position) === QUOTE) {
          // Quoted field: up to the closing quote, doubled quotes stand for one.
          let value = '';
          let from = position + 1;
          let closed = -1;
          for (;;) {
            const quote = text.indexOf('"', from);
            if (quote === -1) break;
            if (text.charCodeAt(quote + 1) === QUOTE) {
              value += text.slice(from, quote + 1);
              from = quote + 2;
              continue;
            }
            // A quote at the very end may be the first of a doubled pair split across chunks.
            if (quote + 1 === length && !final) break;
            value += text.slice(from, quote);
            closed = quote;
            break;
          }
          if (closed === -1) {
            if (!final) break;
            value += text.slice(from);
            closed = length;
          }
          // Line feeds inside the quotes still start physical lines; the cache stays valid past them.
          if (nextLineFeed < position) nextLineFeed = text.indexOf('\n', position);
          while (nextLineFeed !== -1 && nextLineFeed < closed) {
            rowLines++;
            nextLineFeed = text.indexOf('\n', nextLineFeed + 1);
          }
          position = closed + 1;
          // Anything between the closing quote and the next delimiter is kept, as spreadsheets do.
          let code = text.charCodeAt(position);
          while (
            position < length &&
            code !== delimiterCode &&
            code !== LINE_FEED &&
            code !== CARRIAGE_RETURN
          ) {
            value += text[position];
            position++;
            code = text.charCodeAt(position);
          }
          if (code === CARRIAGE_RETURN && text.charCodeAt(position + 1) === LINE_FEED) position++;
          else if (code === CARRIAGE_RETURN && position + 1 === length && !final) break;
          fields.push(value);
          if (position >= length) {
            if (!final) break;
            complete = true;
            break;
          }
          if (text.charCodeAt(position) === delimiterCode) {
            position++;
            continue;
          }
          position++;
          rowLines++;
          complete = true;
          break;
        }
        if (nextDelimiter < position) nextDelimiter = text.indexOf(delimiter, position);
        if (nextLineFeed < position) nextLineFeed = text.indexOf('\n', position);
        if (nextDelimiter !== -1 && (nextDelimiter < nextLineFeed || nextLineFeed === -1)) {
          fields.push(text.slice(position, nextDelimiter));
          position = nextDelimiter + 1;
          continue;
        }
        if (nextLineFeed === -1) {
          if (!final) break;
          const end = text.charCodeAt(length - 1) === CARRIAGE_RETURN ? length - 1 : length;
          fields.push(text.slice(position, end));
          position = length;
          complete = true;
          break;
        }
        const end = text.charCodeAt(nextLineFeed - 1) === CARRIAGE_RETURN ? nextLineFeed - 1 : nextLineFeed;
        fields.push(text.slice(position, Math.max(end, position)));
        position = nextLineFeed + 1;
        rowLines++;
        complete = true;
        break;
      }
      if (!complete) {
        // Only the cut row is kept: a copy, so the chunk it came from can go.
        buffer = ` ${text.slice(rowStart)}`.slice(1);
        return;
      }
      line = rowLine + rowLines;
      onRow(fields, rowLine);
    }
    buffer = '';
  }

  return {
    push(text) {
      if (buffer.length === 0) {
        drain(text, 0, false);
        return;
      }
      // The row cut at the end of the last chunk is finished on its own, then the chunk is read
      // in place: joining the whole chunk onto the cut row would copy every chunk once more.
      const feed = text.indexOf('\n');
      if (feed !== -1) {
        const cut = buffer;
        buffer = '';
        drain(cut + text.slice(0, feed + 1), 0, false);
        // Still open: a quoted field holds that line feed. Rare; join the rest and read on.
        if (buffer.length > 0) {
          const rest = buffer + text.slice(feed + 1);
          buffer = '';
          drain(rest, 0, false);
          return;
        }
        drain(text, feed + 1, false);
        return;
      }
      const joined = buffer + text;
      buffer = '';
      drain(joined, 0, false);
    },
    finish() {
      if (buffer.length === 0) return;
      const rest = buffer;
      buffer = '';
      drain(rest, 0, true);
    },
  };
}
