/** CSV text pasted from a spreadsheet or a mail: imported like a file named after the moment. */
import { useState } from 'preact/hooks';
import type { ImportStore } from './stores/import-store.js';

export function PasteBox({ store }: { store: ImportStore }) {
  const [text, setText] = useState('');
  return (
    <section class="card paste-box" aria-labelledby="paste-title">
      <label for="import-paste" id="paste-title">
        <strong>Or paste CSV text</strong>
      </label>
      <textarea
        id="import-paste"
        data-testid="import-paste"
        rows={5}
        spellcheck={false}
        placeholder="Date,Connector direction and name,…"
        value={text}
        onInput={(event) => setText(event.currentTarget.value)}
      />
      <div class="actions">
        <button
          type="button"
          class="button"
          data-testid="import-paste-submit"
          disabled={text.trim() === ''}
          onClick={() => {
            void store.addText(text);
            setText('');
          }}
        >
          Import pasted text
        </button>
      </div>
    </section>
  );
}
