/**
 * Saving a CSV from an extension page: a Blob and an <a download> click, so no `downloads`
 * permission is needed. The page passes its own document in; components only get the callback.
 */
import type { CsvFile } from './stores/report-store.js';

export function downloadCsv(doc: Document, file: CsvFile): void {
  // A byte order mark so spreadsheet programs read non-ASCII connector names as UTF-8.
  const blob = new Blob(['\uFEFF', file.text], { type: 'text/csv;charset=utf-8' });
  const url = URL.createObjectURL(blob);
  const link = doc.createElement('a');
  link.href = url;
  link.download = file.fileName;
  link.style.display = 'none';
  doc.body.append(link);
  link.click();
  link.remove();
  // Revoked later: the download reads the Blob after the click returns.
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}
