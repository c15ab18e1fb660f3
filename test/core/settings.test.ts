import { describe, expect, it } from 'vitest';
import { DEFAULT_THRESHOLDS, isInsightThresholds, sameThresholds } from '../../src/core/insights.js';
import { DEFAULT_SETTINGS, isSettings, settingsFrom } from '../../src/core/settings.js';

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

  it('are exactly right or not settings at all, where nothing may be defaulted (a backup file)', () => {
    expect(isSettings(DEFAULT_SETTINGS)).toBe(true);
    expect(isSettings({ ...DEFAULT_SETTINGS, currentDataset: '' })).toBe(false);
    expect(isSettings({ ...DEFAULT_SETTINGS, autoCapture: 1 })).toBe(false);
    expect(isSettings({ ...DEFAULT_SETTINGS, thresholds: { noTls: 0.1, tls10: 0.5 } })).toBe(false);
    expect(isSettings(null)).toBe(false);
    expect(isInsightThresholds({ noTls: 0, tls10: 1, minMessages: 0 })).toBe(true);
    expect(isInsightThresholds({ noTls: -0.1, tls10: 0.5, minMessages: 1 })).toBe(false);
    expect(isInsightThresholds({ noTls: 0.1, tls10: 0.5, minMessages: 1.5 })).toBe(false);
  });

  it('compare thresholds by value', () => {
    expect(sameThresholds(DEFAULT_THRESHOLDS, { noTls: 0.25, tls10: 0.5, minMessages: 1 })).toBe(true);
    expect(sameThresholds(DEFAULT_THRESHOLDS, { ...DEFAULT_THRESHOLDS, minMessages: 2 })).toBe(false);
  });
});
