/** The import page: choose the dataset, drop, pick or paste exports, see per file what was read, stored and rejected. */
import { useState } from 'preact/hooks';
import { openExtensionPage } from '../browser-api.js';
import { DatasetPicker } from './import-dataset.js';
import { FileResult } from './import-file-result.js';
import { ImportHistory } from './import-history.js';
import { PasteBox } from './import-paste.js';
import type { ImportHistoryStore } from './stores/import-history-store.js';
import { type ImportProgress, type ImportStore, progressPercent } from './stores/import-store.js';

function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(1)} KB`;
  return `${(bytes / (1024 * 1024)).toFixed(1)} MB`;
}

function ProgressBar({ progress }: { progress: ImportProgress }) {
  const percent = progressPercent(progress);
  const { current } = progress;
  return (
    <div class="import-progress card" data-testid="import-progress" data-value={percent} aria-live="polite">
      <progress max={100} value={percent} aria-label="Import progress" />
      <span>
        {current !== null
          ? `Reading ${current.fileName}: ${formatBytes(current.bytesRead)} of ${formatBytes(current.totalBytes)} · `
          : ''}
        {progress.filesDone} of {progress.fileCount} file{progress.fileCount === 1 ? '' : 's'} read ·{' '}
        {percent.toFixed(1)} %
      </span>
    </div>
  );
}

export function ImportApp({ store, history }: { store: ImportStore; history: ImportHistoryStore }) {
  const [dragging, setDragging] = useState(false);
  const progress = store.progress.value;
  const files = store.files.value;
  const imported = files.some((entry) => entry.phase === 'imported');
  const onDragOver = (event: DragEvent) => {
    event.preventDefault();
    setDragging(true);
  };
  return (
    <main class="page">
      <header class="page-header">
        <h1>Import mail flow reports</h1>
        <nav>
          <button type="button" class="link-button" onClick={() => void openExtensionPage('report.html')}>
            Open the report
          </button>
        </nav>
      </header>
      <DatasetPicker store={store} />
      <label
        class={`drop-zone card${dragging ? ' dragging' : ''}`}
        data-testid="import-drop-zone"
        onDragEnter={onDragOver}
        onDragOver={onDragOver}
        onDragLeave={() => setDragging(false)}
        onDrop={(event) => {
          event.preventDefault();
          setDragging(false);
          if (event.dataTransfer?.files) void store.addFiles(event.dataTransfer.files);
        }}
      >
        <strong>Drop export files here, or choose them</strong>
        <span class="muted">
          Inbound / Outbound messages report or Connector report exports (.csv), historical search CSV files
          and Mailflow Lens exact-count files. Many files at once are fine; nothing leaves this browser.
        </span>
        <input
          type="file"
          multiple
          accept=".csv,.txt,.tsv,text/csv"
          data-testid="import-input"
          onChange={(event) => {
            const input = event.currentTarget;
            if (input.files) void store.addFiles([...input.files]);
            input.value = '';
          }}
        />
      </label>
      <PasteBox store={store} />
      {progress !== null && <ProgressBar progress={progress} />}
      {files.length > 0 && (
        <section aria-labelledby="results-title">
          <h2 id="results-title">Results</h2>
          <ul class="import-results">
            {files.map((entry) => (
              <FileResult key={entry.id} entry={entry} store={store} />
            ))}
          </ul>
          {imported && (
            <button type="button" class="button" onClick={() => void openExtensionPage('report.html')}>
              See the report
            </button>
          )}
        </section>
      )}
      <ImportHistory store={history} datasetName={store.datasetName.value} />
    </main>
  );
}
