import { render } from 'preact';
import '../ui/theme.css';
import '../ui/page.css';
import '../ui/import.css';
import { loadColumnMapping, saveColumnMapping } from '../column-mappings.js';
import { loadSettings } from '../settings.js';
import { mailflowDb } from '../store/schema.js';
import { ImportApp } from '../ui/import-app.js';
import { createImportStore } from '../ui/stores/import-store.js';
import { refreshWidgetMirror, saveSettingsAndMirror } from '../widget-mirror.js';
import { createAggregateClient } from '../worker/client.js';

const store = createImportStore(
  {
    client: createAggregateClient(),
    loadColumnMapping,
    saveColumnMapping,
    saveCurrentDataset: async (id) => {
      await saveSettingsAndMirror({ currentDataset: id });
    },
    afterImport: async () => refreshWidgetMirror(await mailflowDb()),
  },
  (await loadSettings()).currentDataset,
);
void store.loadDatasets();
render(<ImportApp store={store} />, document.getElementById('app') as HTMLElement);
