import { render } from 'preact';
import '../ui/theme.css';
import '../ui/page.css';
import { DEFAULT_DATASET } from '../store/records.js';
import { ImportApp } from '../ui/import-app.js';
import { createImportStore } from '../ui/stores/import-store.js';
import { createAggregateClient } from '../worker/client.js';

const store = createImportStore(createAggregateClient(), DEFAULT_DATASET.id);
render(<ImportApp store={store} />, document.getElementById('app') as HTMLElement);
