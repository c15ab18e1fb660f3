import { render } from 'preact';
import '../ui/theme.css';
import '../ui/page.css';
import { loadSettings } from '../settings.js';
import { ImportApp } from '../ui/import-app.js';
import { createImportStore } from '../ui/stores/import-store.js';
import { createAggregateClient } from '../worker/client.js';

const store = createImportStore(createAggregateClient(), (await loadSettings()).currentDataset);
render(<ImportApp store={store} />, document.getElementById('app') as HTMLElement);
