import { render } from 'preact';
import '../ui/theme.css';
import '../ui/popup.css';
import { loadSettings } from '../settings.js';
import { PopupApp } from '../ui/popup-app.js';
import { createSnapshotStore } from '../ui/stores/snapshot-store.js';
import { createAggregateClient } from '../worker/client.js';

const store = createSnapshotStore(createAggregateClient(), (await loadSettings()).currentDataset);
void store.load();
render(<PopupApp store={store} />, document.getElementById('app') as HTMLElement);
