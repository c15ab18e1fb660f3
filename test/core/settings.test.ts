import { describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS, settingsFrom } from '../../src/core/settings.js';

describe('settings', () => {
  it('start from the defaults: portal thresholds, capture on, the default dataset', () => {
    expect(settingsFrom(undefined)).toEqual(DEFAULT_SETTINGS);
    expect(DEFAULT_SETTINGS.thresholds).toEqual({ noTls: 0.25, tls10: 0.5, minMessages: 1 });
  });

  it('keep valid stored values and replace malformed ones with defaults, field by field', () => {
    expect(
      settingsFrom({
        currentDataset: 'contoso',
        autoCapture: 'yes',
        thresholds: { noTls: 0.1, tls10: 7, minMessages: -1 },
      }),
    ).toEqual({
      currentDataset: 'contoso',
      autoCapture: true,
      thresholds: { noTls: 0.1, tls10: 0.5, minMessages: 1 },
    });
  });
});
