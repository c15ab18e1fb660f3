/** Auto-capture: keep a copy of the mail flow exports the admin portal downloads, or not. */
import { useEffect, useState } from 'preact/hooks';
import { loadSettings, saveSettings } from '../../settings.js';

export function CaptureSection() {
  const [autoCapture, setAutoCapture] = useState<boolean | null>(null);
  useEffect(() => {
    void loadSettings().then((settings) => setAutoCapture(settings.autoCapture));
  }, []);
  return (
    <section class="card" aria-labelledby="capture-title">
      <h2 id="capture-title">Capture from the admin portal</h2>
      <p>
        When you export a mail flow report in the Exchange admin center, Mailflow Lens keeps a copy of the
        .csv file the portal downloads (your download still happens as usual). Only recognised mail flow
        exports are kept; nothing else on the portal is read.
      </p>
      <label>
        <input
          type="checkbox"
          data-testid="auto-capture"
          checked={autoCapture === true}
          disabled={autoCapture === null}
          onChange={async (event) => {
            const next = await saveSettings({ autoCapture: event.currentTarget.checked });
            setAutoCapture(next.autoCapture);
          }}
        />{' '}
        Capture mail flow exports automatically
      </label>
    </section>
  );
}
