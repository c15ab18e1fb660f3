/** The report's view switch (Mail flow / TLS usage) and "Show data for" select. */
import type { ConnectorChoice } from '../core/report.js';
import {
  type ConnectorSelection,
  connectorLabel,
  DIRECTION_LABELS,
  formatSelection,
  parseSelection,
  selectionOf,
} from '../core/selection.js';
import type { ReportView } from './stores/report-store.js';

const VIEWS: { value: ReportView; label: string }[] = [
  { value: 'mailflow', label: 'Mail flow' },
  { value: 'tls', label: 'TLS usage' },
];

export function ViewSwitch({ view, onChange }: { view: ReportView; onChange: (view: ReportView) => void }) {
  return (
    <fieldset class="segmented" data-testid="report-view" data-value={view}>
      <legend class="visually-hidden">View</legend>
      {VIEWS.map((option) => (
        <button
          key={option.value}
          type="button"
          class="segment"
          data-value={option.value}
          aria-pressed={view === option.value}
          onClick={() => onChange(option.value)}
        >
          {option.label}
        </button>
      ))}
    </fieldset>
  );
}

function choiceText(choice: ConnectorChoice): string {
  const label = connectorLabel(choice.direction, choice.connector);
  return choice.type === null
    ? label
    : `${label} (${choice.type === 'OnPremises' ? 'On-premises' : choice.type})`;
}

export function ShowSelect({
  id,
  selection,
  choices,
  onChange,
}: {
  id: string;
  selection: ConnectorSelection;
  choices: readonly ConnectorChoice[];
  onChange: (selection: ConnectorSelection) => void;
}) {
  return (
    <label class="show-select" for={id}>
      <span>Show data for</span>
      <select
        id={id}
        data-testid="report-show"
        value={formatSelection(selection)}
        onChange={(event) => {
          const parsed = parseSelection(event.currentTarget.value);
          if (parsed !== null) onChange(parsed);
        }}
      >
        <option value="all">All mail flow</option>
        {(['inbound', 'outbound'] as const).map((direction) => (
          <optgroup key={direction} label={DIRECTION_LABELS[direction]}>
            {choices
              .filter((choice) => choice.direction === direction)
              .map((choice) => {
                const value = formatSelection(selectionOf(choice.direction, choice.connector));
                return (
                  <option key={value} value={value}>
                    {choiceText(choice)}
                  </option>
                );
              })}
          </optgroup>
        ))}
      </select>
    </label>
  );
}
