/**
 * The import log of the dataset in view: what was imported, when, and how much, newest first, each
 * with an Undo. Undo is refused (with the reason) when a later import wrote some of the same
 * records; the person undoes that one first.
 */
import { IMPORT_LIST_LIMIT, type ImportSummary } from '../store/imports.js';
import { formatCount, plural } from './format.js';
import type { ImportHistoryStore } from './stores/import-history-store.js';

const importedAt = new Intl.DateTimeFormat('en-GB', { dateStyle: 'medium', timeStyle: 'short' });

/** "27 Nov 2026, 06:05", in the person's time zone: when they imported it. */
function formatImportedAt(iso: string): string {
  const date = new Date(iso);
  return Number.isNaN(date.getTime()) ? iso : importedAt.format(date);
}

/** The verb after a count: "1 record is", "2 records are". */
const isOrAre = (count: number) => (count === 1 ? 'is' : 'are');

function undoQuestion(entry: ImportSummary): string {
  const added = entry.records - entry.replaced;
  const effects = [
    added > 0 ? `${plural(added, 'new record')} ${isOrAre(added)} removed` : '',
    entry.replaced > 0
      ? `${plural(entry.replaced, 'record')} it replaced ${isOrAre(entry.replaced)} put back as before`
      : '',
  ].filter((effect) => effect !== '');
  return `Undo the import of "${entry.fileName}" (${formatImportedAt(entry.importedAt)})? ${effects.join(', and ')}.`;
}

function Notice({ store }: { store: ImportHistoryStore }) {
  const notice = store.notice.value;
  if (notice === null) return null;
  if (notice.kind === 'refused')
    return (
      <p class="error-text" role="alert" data-testid="import-history-notice">
        Not undone: {notice.reason}
      </p>
    );
  const { outcome } = notice;
  return (
    <p role="status" data-testid="import-history-notice">
      Undone "{notice.fileName}": {plural(outcome.removed, 'record')} removed,{' '}
      {plural(outcome.restored, 'record')} put back as they were.
    </p>
  );
}

export function ImportHistory({ store, datasetName }: { store: ImportHistoryStore; datasetName: string }) {
  const entries = store.entries.value;
  const undoing = store.undoing.value;
  return (
    <section class="card import-history" aria-labelledby="import-history-title" data-testid="import-history">
      <h2 id="import-history-title">Imports into {datasetName}</h2>
      {store.loadError.value !== null && (
        <p class="error-text" role="alert">
          {store.loadError.value}
        </p>
      )}
      <Notice store={store} />
      {entries === null ? (
        store.loadError.value === null && <p class="muted">Loading the import log…</p>
      ) : entries.length === 0 ? (
        <p class="muted" data-testid="import-history-empty">
          Nothing has been imported into {datasetName} yet.
        </p>
      ) : (
        <div class="import-history-table">
          <table class="data">
            <thead>
              <tr>
                <th scope="col">File</th>
                <th scope="col">Imported</th>
                <th scope="col" class="number">
                  Rows
                </th>
                <th scope="col" class="number">
                  Days
                </th>
                <th scope="col" class="number">
                  Connectors
                </th>
                <th scope="col" class="number">
                  Records (replaced)
                </th>
                <th scope="col">
                  <span class="visually-hidden">Undo</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {entries.map((entry) => (
                <tr key={entry.id} data-testid="import-history-row" data-import-id={entry.id}>
                  <td class="file-name">{entry.fileName}</td>
                  <td>
                    <time dateTime={entry.importedAt}>{formatImportedAt(entry.importedAt)}</time>
                  </td>
                  <td class="number" data-value={entry.rows}>
                    {formatCount(entry.rows)}
                  </td>
                  <td class="number" data-value={entry.days}>
                    {formatCount(entry.days)}
                  </td>
                  <td class="number" data-value={entry.connectors}>
                    {formatCount(entry.connectors)}
                  </td>
                  <td class="number" data-value={entry.records}>
                    {formatCount(entry.records)} ({formatCount(entry.replaced)})
                  </td>
                  <td>
                    <button
                      type="button"
                      class="button"
                      data-testid="import-history-undo"
                      aria-label={`Undo the import of ${entry.fileName}, ${formatImportedAt(entry.importedAt)}`}
                      disabled={undoing !== null}
                      onClick={() => {
                        if (confirm(undoQuestion(entry))) void store.undo(entry);
                      }}
                    >
                      {undoing === entry.id ? 'Undoing…' : 'Undo'}
                    </button>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {entries !== null && entries.length >= IMPORT_LIST_LIMIT && (
        <p class="muted">The {IMPORT_LIST_LIMIT} most recent imports are shown.</p>
      )}
    </section>
  );
}
