import { render } from 'preact';
import '../ui/theme.css';
import '../ui/popup.css';
import '../ui/panel.css';
import { REFRESH_MESSAGE } from '../content/panel-refresh.js';
import { sendMessage } from '../messaging.js';
import { loadSettings } from '../settings.js';
import { PanelApp } from '../ui/panel-app.js';
import { createPanelStore } from '../ui/stores/panel-store.js';

const { currentDataset } = await loadSettings();
const store = createPanelStore(() => sendMessage('panel-snapshot', { dataset: currentDataset }));
void store.load();
// The content script asks for a reload after a capture or an undo. Anything in the portal could
// post the same string; all it can do is make the panel read the store again.
addEventListener('message', (event) => {
  if (event.data === REFRESH_MESSAGE) void store.load();
});
render(<PanelApp store={store} />, document.getElementById('app') as HTMLElement);
