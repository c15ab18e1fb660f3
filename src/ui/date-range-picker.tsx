/** The report's date range: presets that end at the latest stored date, and a custom range. */
import type { DateRange } from '../core/model.js';
import { formatCount, formatRange } from './format.js';
import { RANGE_PRESETS, type RangePreset, rangeDays } from './stores/report-store.js';

const PRESET_LABELS: Record<RangePreset, string> = {
  7: '7 days',
  30: '30 days',
  90: '90 days',
  365: '365 days',
  all: 'All',
};

export function DateRangePicker({
  range,
  extent,
  active,
  onPreset,
  onRange,
}: {
  range: DateRange;
  extent: DateRange;
  active: RangePreset | null;
  onPreset: (preset: RangePreset) => void;
  onRange: (range: DateRange) => void;
}) {
  const days = rangeDays(range);
  return (
    <fieldset class="range-picker" data-testid="report-range" data-from={range.from} data-to={range.to}>
      <legend>Date range</legend>
      <fieldset class="segmented">
        <legend class="visually-hidden">Presets</legend>
        {RANGE_PRESETS.map((preset) => (
          <button
            key={preset}
            type="button"
            class="segment"
            data-testid={`report-preset-${preset}`}
            aria-pressed={active === preset}
            onClick={() => onPreset(preset)}
          >
            {PRESET_LABELS[preset]}
          </button>
        ))}
      </fieldset>
      <form
        class="range-custom"
        onSubmit={(event) => {
          event.preventDefault();
          const form = new FormData(event.currentTarget);
          const from = String(form.get('from') ?? '');
          const to = String(form.get('to') ?? '');
          if (from !== '' && to !== '') onRange({ from, to });
        }}
      >
        <label>
          From <input type="date" name="from" value={range.from} max={extent.to} required />
        </label>
        <label>
          To <input type="date" name="to" value={range.to} max={extent.to} required />
        </label>
        <button type="submit" class="button">
          Apply
        </button>
      </form>
      <p class="muted range-note">
        {formatRange(range.from, range.to)} ({formatCount(days)} day{days === 1 ? '' : 's'}) · stored:{' '}
        {formatRange(extent.from, extent.to)}
      </p>
    </fieldset>
  );
}
