import { effect } from '@preact/signals';
import { render } from 'preact';
import '../ui/theme.css';
import '../ui/page.css';
import '../ui/import.css';
import { loadColumnMapping, saveColumnMapping } from '../column-mappings.js';
import { sendMessage } from '../messaging.js';
import { loadSettings } from '../settings.js';
import { mailflowDb } from '../store/schema.js';
import { ImportApp } from '../ui/import-app.js';
import { createImportHistoryStore } from '../ui/stores/import-history-store.js';
import { createImportStore } from '../ui/stores/import-store.js';
import { refreshWidgetMirror, saveSettingsAndMirror } from '../widget-mirror.js';
import { onMirrorChanged } from '../widget-mirror-local.js';
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
const history = createImportHistoryStore({
  listImports: (dataset) => sendMessage('list-imports', { dataset }),
  undoImport: (importId) => sendMessage('undo-import', { importId }),
  afterUndo: store.markUndone,
});
// The log follows the dataset chosen, every import or undo made from this page, and the writes of
// other tabs and of the portal's captures (seen as a new copy of the widget snapshot); the page
// follows the dataset another page makes current.
effect(() => {
  void store.storedChanges.value;
  void history.load(store.dataset.value);
});
onMirrorChanged(async () => {
  const { currentDataset } = await loadSettings();
  if (currentDataset !== store.dataset.value) await store.adoptCurrentDataset(currentDataset);
  else await history.load(store.dataset.value);
});
render(<ImportApp store={store} history={history} />, document.getElementById('app') as HTMLElement);
