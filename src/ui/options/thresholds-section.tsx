/** The insight thresholds, as the portal words them (No TLS over 25 %, TLS 1.0 over 50 %). */
import { useEffect, useState } from 'preact/hooks';
import { DEFAULT_THRESHOLDS, type InsightThresholds } from '../../core/insights.js';
import { loadSettings } from '../../settings.js';
import { saveSettingsAndMirror } from '../../widget-mirror.js';

export function ThresholdsSection() {
  const [thresholds, setThresholds] = useState<InsightThresholds | null>(null);
  const [saved, setSaved] = useState(false);
  useEffect(() => {
    void loadSettings().then((settings) => setThresholds(settings.thresholds));
  }, []);
  if (thresholds === null) return null;

  const percentInput = (key: 'noTls' | 'tls10', label: string) => (
    <label class="field">
      <span>{label}</span>
      <input
        type="number"
        min={0}
        max={100}
        step={1}
        data-testid={`threshold-${key}`}
        value={Math.round(thresholds[key] * 1000) / 10}
        onInput={(event) => {
          setSaved(false);
          setThresholds({ ...thresholds, [key]: Number(event.currentTarget.value) / 100 });
        }}
      />
      <span>%</span>
    </label>
  );

  return (
    <section class="card" aria-labelledby="thresholds-title">
      <h2 id="thresholds-title">Insights</h2>
      <form
        class="threshold-form"
        onSubmit={async (event) => {
          event.preventDefault();
          // The popup's copy carries insights found for the thresholds: it is made again with them.
          setThresholds((await saveSettingsAndMirror({ thresholds })).thresholds);
          setSaved(true);
        }}
      >
        {percentInput('noTls', 'Flag a connector when mail without TLS is over')}
        {percentInput('tls10', 'Flag a connector when mail over TLS 1.0 is over')}
        <label class="field">
          <span>Only judge connectors with at least</span>
          <input
            type="number"
            min={0}
            step={1}
            data-testid="threshold-minMessages"
            value={thresholds.minMessages}
            onInput={(event) => {
              setSaved(false);
              setThresholds({
                ...thresholds,
                minMessages: Math.max(0, Math.floor(Number(event.currentTarget.value))),
              });
            }}
          />
          <span>messages in the range</span>
        </label>
        <div class="actions">
          <button type="submit" class="button primary" data-testid="thresholds-save">
            Save
          </button>
          <button type="button" class="button" onClick={() => setThresholds(DEFAULT_THRESHOLDS)}>
            Portal defaults
          </button>
          {saved && <span role="status">Saved.</span>}
        </div>
      </form>
    </section>
  );
}
