/** The import page: drop or pick exports, see per file what was read, stored and rejected. */
import { useState } from 'preact/hooks';
import { openExtensionPage } from '../browser-api.js';
import { formatCount } from './format.js';
import { type FileImport, type ImportStore, importStatus } from './stores/import-store.js';

const MAX_REJECTED_SHOWN = 50;

function FileResult({ entry, store }: { entry: FileImport; store: ImportStore }) {
  const status = importStatus(entry);
  const result = entry.result;
  const rejected = result?.rejected ?? [];
  return (
    <li
      class={`card import-result status-${status}`}
      data-testid="import-result"
      data-status={status}
      data-phase={entry.phase}
      data-rows={result?.rows ?? 0}
      data-rejected={rejected.length}
    >
      <div class="import-result-head">
        <strong>{entry.fileName}</strong>
        <span class={`badge ${status}`}>
          {entry.phase === 'reading' && 'Reading…'}
          {entry.phase === 'importing' && 'Storing…'}
          {entry.phase === 'review' && 'Some lines rejected'}
          {entry.phase === 'imported' &&
            (status === 'partial' ? 'Imported, some lines rejected' : 'Imported')}
          {entry.phase === 'discarded' && 'Not imported'}
          {entry.phase === 'error' && 'Not imported'}
        </span>
      </div>
      {entry.error !== null && (
        <p class="error-text" role="alert">
          {entry.error}
        </p>
      )}
      {result !== null && result.error === null && (
        <p class="muted">
          {formatCount(result.rows)} rows read · {formatCount(result.records.length)} records
          {entry.outcome !== null &&
            ` · ${entry.outcome.days} days · ${entry.outcome.connectors} connectors · ${entry.outcome.replaced} records replaced`}
        </p>
      )}
      {rejected.length > 0 && (
        <details open={entry.phase === 'review'}>
          <summary>
            {rejected.length} rejected line{rejected.length === 1 ? '' : 's'}
          </summary>
          <ul class="rejected-lines">
            {rejected.slice(0, MAX_REJECTED_SHOWN).map((line) => (
              <li key={`${line.line}-${line.reason}`}>
                Line {line.line}: {line.reason}
              </li>
            ))}
            {rejected.length > MAX_REJECTED_SHOWN && (
              <li>… and {rejected.length - MAX_REJECTED_SHOWN} more</li>
            )}
          </ul>
        </details>
      )}
      {entry.phase === 'review' && result !== null && (
        <div class="actions">
          <button type="button" class="button primary" onClick={() => void store.importRest(entry.id)}>
            Import the {formatCount(result.records.length)} good records
          </button>
          <button type="button" class="button" onClick={() => store.discard(entry.id)}>
            Import nothing
          </button>
        </div>
      )}
    </li>
  );
}

export function ImportApp({ store }: { store: ImportStore }) {
  const [dragging, setDragging] = useState(false);
  const progress = store.progress.value;
  const files = store.files.value;
  const imported = files.some((entry) => entry.phase === 'imported');
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
      <label
        class={`drop-zone card${dragging ? ' dragging' : ''}`}
        onDragOver={(event) => {
          event.preventDefault();
          setDragging(true);
        }}
        onDragLeave={() => setDragging(false)}
        onDrop={(event) => {
          event.preventDefault();
          setDragging(false);
          if (event.dataTransfer?.files) void store.addFiles(event.dataTransfer.files);
        }}
      >
        <strong>Drop export files here, or choose them</strong>
        <span class="muted">
          Inbound / Outbound messages report or Connector report exports (.csv), and Mailflow Lens exact-count
          files. Many files at once are fine; nothing leaves this browser.
        </span>
        <input
          type="file"
          multiple
          accept=".csv,.txt,text/csv"
          data-testid="import-input"
          onChange={(event) => {
            const input = event.currentTarget;
            if (input.files) void store.addFiles(input.files);
            input.value = '';
          }}
        />
      </label>
      {progress !== null && (
        <div class="import-progress" aria-live="polite">
          <progress max={progress.total} value={progress.done} />
          <span>
            {progress.done} of {progress.total} files read
          </span>
        </div>
      )}
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
    </main>
  );
}
