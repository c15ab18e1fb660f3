/**
 * The settings' shape, defaults and validation: pure, so the CLI and tests use them without a
 * browser. src/settings.ts is the storage door.
 */
import {
  DEFAULT_THRESHOLDS,
  type InsightThresholds,
  isFraction,
  isInsightThresholds,
  isMinMessages,
} from './insights.js';
import { isObject } from './is-object.js';

export interface Settings {
  /** The dataset (tenant) the views show and imports go into. */
  currentDataset: string;
  /** Capture the CSV the admin portal produces when the person clicks Export. */
  autoCapture: boolean;
  thresholds: InsightThresholds;
}

/** The storage.local key the settings are kept under. */
export const SETTINGS_KEY = 'settings';

/** The dataset every install starts with; it always exists, and imports go there until another is made. */
export const DEFAULT_DATASET_ID = 'default';

export const DEFAULT_SETTINGS: Settings = {
  currentDataset: DEFAULT_DATASET_ID,
  autoCapture: true,
  thresholds: DEFAULT_THRESHOLDS,
};

/** Stored values are checked field by field; anything malformed falls back to its default. */
export function settingsFrom(stored: unknown): Settings {
  const raw = (typeof stored === 'object' && stored !== null ? stored : {}) as Record<string, unknown>;
  const thresholds = (
    typeof raw.thresholds === 'object' && raw.thresholds !== null ? raw.thresholds : {}
  ) as Record<string, unknown>;
  return {
    currentDataset:
      typeof raw.currentDataset === 'string' && raw.currentDataset !== ''
        ? raw.currentDataset
        : DEFAULT_SETTINGS.currentDataset,
    autoCapture: typeof raw.autoCapture === 'boolean' ? raw.autoCapture : DEFAULT_SETTINGS.autoCapture,
    thresholds: {
      noTls: isFraction(thresholds.noTls) ? thresholds.noTls : DEFAULT_THRESHOLDS.noTls,
      tls10: isFraction(thresholds.tls10) ? thresholds.tls10 : DEFAULT_THRESHOLDS.tls10,
      minMessages: isMinMessages(thresholds.minMessages)
        ? thresholds.minMessages
        : DEFAULT_THRESHOLDS.minMessages,
    },
  };
}

/**
 * Settings exactly as they must be, nothing defaulted: for a backup file, where a malformed value
 * is an error to report rather than a field to fall back on.
 */
export function isSettings(value: unknown): value is Settings {
  if (!isObject(value)) return false;
  const { currentDataset, autoCapture, thresholds } = value;
  return (
    typeof currentDataset === 'string' &&
    currentDataset !== '' &&
    currentDataset.length <= 128 &&
    typeof autoCapture === 'boolean' &&
    isInsightThresholds(thresholds)
  );
}
