/** One file's result on the import page: what was read, stored and rejected, and what to do next. */
import { plural } from './format.js';
import { ReaderQuestion } from './import-questions.js';
import { type FileImport, type ImportStore, importStatus } from './stores/import-store.js';

const MAX_REJECTED_SHOWN = 50;

const PHASE_LABELS: Record<FileImport['phase'], string> = {
  queued: 'Waiting…',
  reading: 'Reading…',
  question: 'Needs an answer',
  review: 'Some lines rejected',
  importing: 'Storing…',
  imported: 'Imported',
  discarded: 'Not imported',
  undone: 'Undone',
  error: 'Not imported',
};

export function FileResult({ entry, store }: { entry: FileImport; store: ImportStore }) {
  const status = importStatus(entry);
  const result = entry.result;
  const rejected = result?.error === null ? result.rejected : [];
  const datasetName =
    store.datasets.value.find((dataset) => dataset.id === entry.dataset)?.name ?? entry.dataset;
  const label =
    entry.phase === 'imported' && status === 'partial'
      ? 'Imported, some lines rejected'
      : PHASE_LABELS[entry.phase];
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
        <span class={`badge ${status}`}>{label}</span>
      </div>
      {entry.error !== null && (
        <p class="error-text" role="alert">
          {entry.error}
        </p>
      )}
      {entry.phase === 'question' && result?.needs?.kind !== 'mapping' && result?.error != null && (
        <p class="muted">{result.error}</p>
      )}
      {entry.phase === 'discarded' && <p class="muted">Nothing from this file was stored.</p>}
      {result !== null && result.error === null && (
        <p class="muted">
          {plural(result.rows, 'row')} read · {plural(result.recordCount, 'record')}
          {entry.mappingRemembered && ' · columns mapped as remembered for this header'}
          {entry.outcome !== null &&
            ` · ${plural(entry.outcome.days, 'day')} · ${plural(entry.outcome.connectors, 'connector')} · ${plural(entry.outcome.replaced, 'record')} replaced · into ${datasetName}`}
        </p>
      )}
      {entry.undo !== null && (
        <p role="status">
          Undone: {plural(entry.undo.removed, 'record')} removed, {plural(entry.undo.restored, 'record')} put
          back as they were.
        </p>
      )}
      <ReaderQuestion entry={entry} store={store} />
      {rejected.length > 0 && (
        <details open={entry.phase === 'review'}>
          <summary>{plural(rejected.length, 'rejected line')}</summary>
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
          <button
            type="button"
            class="button primary"
            data-testid="import-rest"
            onClick={() => void store.importRest(entry.id)}
          >
            Import the {plural(result.recordCount, 'good record')}
          </button>
          <button
            type="button"
            class="button"
            data-testid="import-nothing"
            onClick={() => store.discard(entry.id)}
          >
            Import nothing
          </button>
        </div>
      )}
      {entry.phase === 'imported' && (
        <div class="actions">
          <button
            type="button"
            class="button"
            data-testid="import-undo"
            onClick={() => void store.undo(entry.id)}
          >
            Undo this import
          </button>
        </div>
      )}
    </li>
  );
}
