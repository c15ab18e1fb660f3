/**
 * Format D, our exact counts (`date,direction,connector,connector_type,forced_tls,tls,messages`),
 * and any aggregated file of the same shape: one row per TLS version, the rows of one
 * (date, direction, connector) add up into one record.
 */
import type { FormatReader } from './format-reader.js';
import { RecordGrouper } from './record-grouping.js';
import type { RowReading } from './row-reading.js';
import { messageCountOf, tlsValueOf } from './value-cells.js';
import { forcedTlsOf } from './vocabulary.js';

export function createExactCountsReader(reading: RowReading): FormatReader {
  const grouper = new RecordGrouper();
  return {
    row(fields, line) {
      try {
        const cell = reading.date(fields, line);
        const path = reading.path(fields);
        const bucket = tlsValueOf(reading, fields);
        const messages = messageCountOf(reading, fields);
        const forcedTls = forcedTlsOf(reading.cell(fields, 'forcedTls'));
        grouper.addMessages(cell, path, forcedTls, bucket, messages);
      } catch (problem) {
        reading.fail(line, problem);
      }
    },
    finish() {
      return grouper.finish(reading);
    },
  };
}
