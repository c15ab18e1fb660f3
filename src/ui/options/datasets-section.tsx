/** Datasets (one per tenant): which one the views show, new ones, and deleting one with its data. */
import { useEffect, useState } from 'preact/hooks';
import { sendMessage } from '../../messaging.js';
import { loadSettings } from '../../settings.js';
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
                  onChange={() =>
                    void act(async () => {
                      await saveSettingsAndMirror({ currentDataset: dataset.id });
                      return `Now showing ${dataset.name}.`;
                    })
                  }
                />
              </td>
              <td>
                <button
                  type="button"
                  class="button danger"
                  onClick={() => {
                    if (!confirm(`Delete "${dataset.name}" and all its records and imports?`)) return;
                    void act(async () => {
                      await sendMessage('delete-dataset', { id: dataset.id });
                      if (dataset.id === current) await saveSettingsAndMirror({ currentDataset: 'default' });
                      return `Deleted ${dataset.name}.`;
                    });
                  }}
                >
                  Delete
                </button>
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
