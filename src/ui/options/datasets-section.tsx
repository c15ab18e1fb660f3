/** Datasets (one per tenant): which one the views show, new ones, and deleting one with its data. */
import { useEffect, useState } from 'preact/hooks';
import { sendMessage } from '../../messaging.js';
import { DEFAULT_DATASET_ID, loadSettings } from '../../settings.js';
import type { Dataset } from '../../store/schema.js';
import { saveSettingsAndMirror } from '../../widget-mirror.js';

export function DatasetsSection({ version }: { version: number }) {
  const [datasets, setDatasets] = useState<Dataset[]>([]);
  const [current, setCurrent] = useState<string>('');
  const [name, setName] = useState('');
  const [message, setMessage] = useState<string | null>(null);

  const refresh = async () => {
    setDatasets(await sendMessage('list-datasets', {}));
    setCurrent((await loadSettings()).currentDataset);
  };
  useEffect(() => {
    void refresh();
  }, [version]);

  const act = async (work: () => Promise<string>) => {
    try {
      setMessage(await work());
      await refresh();
    } catch (error) {
      setMessage(error instanceof Error ? error.message : String(error));
    }
  };

  return (
    <section class="card" aria-labelledby="datasets-title">
      <h2 id="datasets-title">Datasets</h2>
      <p>Keep each tenant's reports apart. The popup, the report and new imports use the current dataset.</p>
      <table class="data" data-testid="datasets">
        <thead>
          <tr>
            <th scope="col">Name</th>
            <th scope="col">Current</th>
            <th scope="col">
              <span class="visually-hidden">Actions</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {datasets.map((dataset) => (
            <tr key={dataset.id} data-testid="dataset-row" data-id={dataset.id}>
              <td>{dataset.name}</td>
              <td>
                <input
                  type="radio"
                  name="current-dataset"
                  aria-label={`Show ${dataset.name}`}
                  checked={dataset.id === current}
                  onChange={() => {
                    // Checked at once: a refresh landing before the save (another tab wrote) must
                    // not draw the old choice back. A save that fails is undone by the refresh after.
                    setCurrent(dataset.id);
                    void act(async () => {
                      await saveSettingsAndMirror({ currentDataset: dataset.id });
                      return `Now showing ${dataset.name}.`;
                    });
                  }}
                />
              </td>
              <td>
                <DeleteDatasetButton
                  dataset={dataset}
                  onDelete={() =>
                    void act(async () => {
                      await sendMessage('delete-dataset', { id: dataset.id });
                      if (dataset.id === DEFAULT_DATASET_ID) return `Deleted everything in ${dataset.name}.`;
                      if (dataset.id === current)
                        await saveSettingsAndMirror({ currentDataset: DEFAULT_DATASET_ID });
                      return `Deleted ${dataset.name}.`;
                    })
                  }
                />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <form
        class="actions"
        onSubmit={(event) => {
          event.preventDefault();
          void act(async () => {
            const created = await sendMessage('create-dataset', { name });
            setName('');
            return `Created ${created.name}.`;
          });
        }}
      >
        <label class="field">
          <span>New dataset</span>
          <input
            type="text"
            required
            maxLength={100}
            value={name}
            onInput={(event) => setName(event.currentTarget.value)}
          />
        </label>
        <button type="submit" class="button">
          Create
        </button>
      </form>
      {message !== null && <p role="status">{message}</p>}
    </section>
  );
}

/**
 * The default dataset always exists (imports go there until the person makes another), so its
 * button empties it and says so; any other dataset goes with its data.
 */
function DeleteDatasetButton({ dataset, onDelete }: { dataset: Dataset; onDelete: () => void }) {
  const isDefault = dataset.id === DEFAULT_DATASET_ID;
  const question = isDefault
    ? `Delete all records and imports in "${dataset.name}"? The dataset itself stays, empty.`
    : `Delete "${dataset.name}" and all its records and imports?`;
  return (
    <button
      type="button"
      class="button danger"
      data-testid="dataset-delete"
      aria-label={isDefault ? `Delete the data in ${dataset.name}` : `Delete ${dataset.name}`}
      onClick={() => {
        if (confirm(question)) onDelete();
      }}
    >
      {isDefault ? 'Delete data' : 'Delete'}
    </button>
  );
}
