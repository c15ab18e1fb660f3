/**
 * Backup and restore. Both run on this page through src/store: a backup of years of history is
 * tens of megabytes, more than a runtime message should carry, and IndexedDB keeps the restore
 * atomic whichever extension context runs it.
 */
import { useState } from 'preact/hooks';
import {
  type BackupFile,
  preferencesOf,
  readPreferences,
  restorePreferences,
} from '../../backup-preferences.js';
import { createBackup, parseBackup, restoreBackup } from '../../store/backup.js';
import { mailflowDb } from '../../store/schema.js';
import { refreshWidgetMirror } from '../../widget-mirror.js';
import { downloadText } from '../download.js';
import { plural } from '../format.js';

export function BackupSection({ onRestored }: { onRestored: () => void }) {
  const [status, setStatus] = useState<{ kind: 'ok' | 'error'; text: string } | null>(null);
  const [busy, setBusy] = useState(false);

  const backup = async () => {
    setBusy(true);
    try {
      const data: BackupFile = {
        ...(await createBackup(await mailflowDb())),
        preferences: await readPreferences(),
      };
      downloadText(
        document,
        `mailflow-lens-backup-${data.exportedAt.slice(0, 10)}.json`,
        [JSON.stringify(data)],
        'application/json',
      );
      setStatus({
        kind: 'ok',
        text: `Backup of ${plural(data.datasets.length, 'dataset')} and ${plural(data.imports.length, 'import')}, with the settings and the column mappings, downloaded.`,
      });
    } catch (error) {
      setStatus({
        kind: 'error',
        text: `No backup was made: ${error instanceof Error ? error.message : String(error)}`,
      });
    } finally {
      setBusy(false);
    }
  };

  const restore = async (file: File) => {
    setBusy(true);
    try {
      let parsed: unknown;
      try {
        parsed = JSON.parse(await file.text());
      } catch {
        throw new Error(`${file.name} is not a JSON file.`);
      }
      // The whole file is checked before anything is replaced.
      const data = parseBackup(parsed);
      const preferences = preferencesOf(parsed, data);
      if (!confirm(`Replace everything stored now with the backup of ${data.exportedAt.slice(0, 10)}?`))
        return;
      const db = await mailflowDb();
      const outcome = await restoreBackup(db, data);
      // After the database: a settings write cannot be undone with it, and should not land alone.
      // Either way the popup's copy is made again, for the restored data.
      if (preferences !== undefined) await restorePreferences(preferences);
      else await refreshWidgetMirror(db);
      const mappings = preferences === undefined ? 0 : Object.keys(preferences.columnMappings).length;
      setStatus({
        kind: 'ok',
        text: `Restored ${plural(outcome.datasets, 'dataset')}, ${plural(outcome.records, 'record')} and ${plural(outcome.imports, 'import')}${
          preferences === undefined
            ? ' (the file has no settings: the current ones were kept)'
            : `, the settings and ${plural(mappings, 'column mapping')}`
        } from ${file.name}.`,
      });
      onRestored();
    } catch (error) {
      setStatus({
        kind: 'error',
        text: `Nothing was changed: ${error instanceof Error ? error.message : String(error)}`,
      });
    } finally {
      setBusy(false);
    }
  };

  return (
    <section class="card" aria-labelledby="backup-title">
      <h2 id="backup-title">Backup and restore</h2>
      <p>
        A backup is one file with every dataset, record and import, the settings and the remembered column
        mappings. Restoring one replaces everything stored now.
      </p>
      <div class="actions">
        <button
          type="button"
          class="button"
          data-testid="backup-download"
          disabled={busy}
          onClick={() => void backup()}
        >
          Download backup
        </button>
        <label class="button">
          Restore from a backup…
          <input
            type="file"
            accept=".json,application/json"
            class="visually-hidden"
            data-testid="backup-restore"
            disabled={busy}
            onChange={(event) => {
              const input = event.currentTarget;
              const file = input.files?.[0];
              input.value = '';
              if (file) void restore(file);
            }}
          />
        </label>
      </div>
      {status !== null && (
        <p
          role={status.kind === 'error' ? 'alert' : 'status'}
          class={status.kind === 'error' ? 'error-text' : ''}
          data-testid="backup-status"
        >
          {status.text}
        </p>
      )}
    </section>
  );
}
