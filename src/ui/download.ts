/**
 * Saving a file from an extension page: a Blob and an <a download> click, so no `downloads`
 * permission is needed. The page passes its own document in; components only get the callback.
 */
import type { CsvFile } from './stores/report-store.js';

export function downloadText(doc: Document, fileName: string, parts: BlobPart[], type: string): void {
  const url = URL.createObjectURL(new Blob(parts, { type }));
  const link = doc.createElement('a');
  link.href = url;
  link.download = fileName;
  link.style.display = 'none';
  doc.body.append(link);
  link.click();
  link.remove();
  // Revoked later: the download reads the Blob after the click returns.
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}

export function downloadCsv(doc: Document, file: CsvFile): void {
  // A byte order mark so spreadsheet programs read non-ASCII connector names as UTF-8.
  downloadText(doc, file.fileName, ['\uFEFF', file.text], 'text/csv;charset=utf-8');
}
