/**
 * Format B, a per-message historical search ("ConnectorReport") or message trace: one row is one
 * message, grouped into daily records by UTC date. Its columns are undocumented, so the reader takes
 * whatever the header detection found: a timestamp, a direction, a connector name and/or type, a TLS
 * value. Without a name column a connector is known only by its type, which then names it.
 */
import { connectorTypeCell } from './connector-path.js';
import { type FormatReader, readRow } from './format-reader.js';
import { RecordGrouper } from './record-grouping.js';
import type { RowReading } from './row-reading.js';
import { tlsValueOf } from './value-cells.js';
import { forcedTlsOf } from './vocabulary.js';

export function createMessageTraceReader(reading: RowReading): FormatReader {
  const grouper = new RecordGrouper();
  const hasNameColumn = reading.header.columns.connector !== undefined;
  return {
    row(fields, line) {
      readRow(reading, line, () => {
        const cell = reading.date(fields, line);
        const path = reading.path(fields);
        const bucket = tlsValueOf(reading, fields);
        const forcedTls = forcedTlsOf(reading.cell(fields, 'forcedTls'));
        if (hasNameColumn) {
          grouper.addMessages(cell, path, forcedTls, bucket, 1);
        } else {
          const { type } = connectorTypeCell(reading.cell(fields, 'connectorType'));
          const byType = { direction: path.direction, connector: type, connectorType: type };
          grouper.addMessages(cell, byType, forcedTls, bucket, 1);
        }
      });
    },
    finish() {
      return grouper.finish(reading);
    },
  };
}
