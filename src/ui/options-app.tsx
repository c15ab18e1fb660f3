/** Settings: datasets, insight thresholds, where the data lives, backup and restore, removing it all. */
import { useEffect, useState } from 'preact/hooks';
import { requestPersistentStorage } from '../browser-api.js';
import { sendMessage } from '../messaging.js';
import { onMirrorChanged } from '../widget-mirror-local.js';
import { BackupSection } from './options/backup-section.js';
import { CaptureSection } from './options/capture-section.js';
import { DatasetsSection } from './options/datasets-section.js';
import { ThresholdsSection } from './options/thresholds-section.js';

function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  const units = ['KB', 'MB', 'GB', 'TB'];
  let value = bytes / 1024;
  let unit = 0;
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit++;
  }
  return `${value.toFixed(1)} ${units[unit]}`;
}

export function OptionsApp() {
  const [estimate, setEstimate] = useState<StorageEstimate | null>(null);
  const [persisted, setPersisted] = useState<boolean | null>(null);
  const [message, setMessage] = useState<string | null>(null);
  const [dataVersion, setDataVersion] = useState(0);

  const refresh = async () => {
    setEstimate(await navigator.storage.estimate());
    setPersisted(await navigator.storage.persisted());
    setDataVersion((version) => version + 1);
  };
  useEffect(() => {
    // Ask once for storage the browser will not evict; the answer is shown, and can be asked again.
    void requestPersistentStorage().finally(() => void refresh());
    // Imports, captures and dataset changes made elsewhere: the datasets and the space used again.
    return onMirrorChanged(() => void refresh());
  }, []);

  return (
    <main class="page">
      <header class="page-header">
        <h1>Mailflow Lens settings</h1>
      </header>
      <DatasetsSection version={dataVersion} />
      <ThresholdsSection />
      <CaptureSection />
      <section class="card" aria-labelledby="storage-title">
        <h2 id="storage-title">Stored data</h2>
        <p>
          Everything Mailflow Lens keeps is in this browser profile's IndexedDB. Nothing is sent anywhere.
        </p>
        <p data-testid="storage-usage">
          {estimate === null
            ? 'Measuring…'
            : `Using ${formatBytes(estimate.usage ?? 0)} of ${formatBytes(estimate.quota ?? 0)} available.`}{' '}
          {persisted === true && 'The browser will not evict it when space runs low.'}
        </p>
        {persisted === false && (
          <button
            type="button"
            class="button"
            onClick={async () => {
              setPersisted(await requestPersistentStorage());
            }}
          >
            Keep data when space runs low
          </button>
        )}
      </section>
      <BackupSection onRestored={() => void refresh()} />
      <section class="card" aria-labelledby="danger-title">
        <h2 id="danger-title">Delete all data</h2>
        <p>Removes every dataset, record and import from this browser. This cannot be undone.</p>
        <button
          type="button"
          class="button danger"
          data-testid="delete-all"
          onClick={async () => {
            if (!confirm('Delete all Mailflow Lens data from this browser?')) return;
            try {
              await sendMessage('delete-all-data', {});
              setMessage('All data was deleted.');
              await refresh();
            } catch (error) {
              setMessage(`Nothing was deleted: ${error instanceof Error ? error.message : String(error)}`);
            }
          }}
        >
          Delete all data
        </button>
        {message !== null && <p role="status">{message}</p>}
      </section>
    </main>
  );
}
