/** Which dataset (tenant) imports go into, and a new one; the choice becomes the current dataset everywhere. */
import { useState } from 'preact/hooks';
import type { ImportStore } from './stores/import-store.js';

const NEW_DATASET = '\u0000new';

export function DatasetPicker({ store }: { store: ImportStore }) {
  const [creating, setCreating] = useState(false);
  const [name, setName] = useState('');
  const datasets = store.datasets.value;
  const current = store.dataset.value;
  const known = datasets.some((dataset) => dataset.id === current);
  return (
    <section class="card dataset-picker" aria-labelledby="dataset-title">
      <label class="dataset-choice">
        <span id="dataset-title">Import into dataset</span>
        <select
          data-testid="import-dataset"
          value={creating ? NEW_DATASET : current}
          onChange={(event) => {
            const value = event.currentTarget.value;
            if (value === NEW_DATASET) {
              setCreating(true);
              return;
            }
            setCreating(false);
            void store.chooseDataset(value);
          }}
        >
          {!known && <option value={current}>{current}</option>}
          {datasets.map((dataset) => (
            <option key={dataset.id} value={dataset.id}>
              {dataset.name}
            </option>
          ))}
          <option value={NEW_DATASET}>New dataset…</option>
        </select>
      </label>
      {creating && (
        <form
          class="dataset-new"
          onSubmit={async (event) => {
            event.preventDefault();
            if (await store.createDataset(name)) {
              setCreating(false);
              setName('');
            }
          }}
        >
          <label>
            <span>Name (for example the tenant)</span>
            <input
              data-testid="import-dataset-name"
              value={name}
              maxLength={100}
              required
              onInput={(event) => setName(event.currentTarget.value)}
            />
          </label>
          <button type="submit" class="button primary" data-testid="import-dataset-create">
            Create
          </button>
          <button type="button" class="button" onClick={() => setCreating(false)}>
            Cancel
          </button>
        </form>
      )}
      <p class="muted">
        Each dataset keeps its own history; the popup and the report show the one chosen here.
      </p>
      {store.datasetError.value !== null && (
        <p class="error-text" role="alert">
          {store.datasetError.value}
        </p>
      )}
    </section>
  );
}
