/**
 * Format B, a per-message historical search ("ConnectorReport") or message trace: one row is one
 * message, grouped into daily records by UTC date. Its columns are undocumented, so the reader takes
 * whatever the header detection found: a timestamp, a direction, a connector name and/or type, a TLS
 * value. Without a name column a connector is known only by its type, which then names it.
 */
import type { FormatReader } from './format-reader.js';
import { RecordGrouper } from './record-grouping.js';
import type { RowReading } from './row-reading.js';
import { tlsValueOf } from './value-cells.js';
import { forcedTlsOf } from './vocabulary.js';

export function createMessageTraceReader(reading: RowReading): FormatReader {
  const grouper = new RecordGrouper();
  const hasNameColumn = reading.header.columns.connector !== undefined;
  return {
    // The hot path of a million-row export: no closure or object per row beyond what is kept.
    row(fields, line) {
      try {
        const cell = reading.date(fields, line);
        const path = reading.path(fields);
        const bucket = tlsValueOf(reading, fields);
        const forcedTls = forcedTlsOf(reading.cell(fields, 'forcedTls'));
        if (hasNameColumn) {
          grouper.addMessages(cell, path, forcedTls, bucket, 1);
        } else {
          const type = path.typeCell === 'none' ? null : path.typeCell;
          path.connector = type;
          path.connectorType = type;
          grouper.addMessages(cell, path, forcedTls, bucket, 1);
        }
      } catch (problem) {
        reading.fail(line, problem);
      }
    },
    finish() {
      return grouper.finish(reading);
    },
  };
}
