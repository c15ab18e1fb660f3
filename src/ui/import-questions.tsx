/**
 * The questions a file can raise before it is read: which column is which (an unrecognised
 * header), the day/month order, and whether TLS cells are percentages or counts. Each answer
 * reads the file again with it; a mapping that works is remembered for that header.
 */
import { useState } from 'preact/hooks';
import {
  type ColumnMap,
  guessColumnMap,
  MAPPABLE_FIELDS,
  type MappableField,
} from '../core/formats/index.js';
import type { FileImport, ImportStore } from './stores/import-store.js';

const FIELD_LABELS: Record<MappableField, string> = {
  date: 'Date',
  directionAndName: 'Direction and connector name (one column)',
  direction: 'Direction (Inbound / Outbound)',
  connector: 'Connector name',
  connectorType: 'Connector type',
  forcedTls: 'Forced TLS',
  'tls:none': 'No TLS',
  'tls:tls1.0': 'TLS 1.0',
  'tls:tls1.1': 'TLS 1.1',
  'tls:tls1.2': 'TLS 1.2',
  'tls:tls1.3': 'TLS 1.3',
  tls: 'TLS version (one column, one value per row)',
  volume: 'Volume (message count)',
};

const FIELD_GROUPS: { title: string; hint: string; fields: MappableField[] }[] = [
  {
    title: 'Day and path',
    hint: 'A date, and the direction with the connector name in one column or in two.',
    fields: ['date', 'directionAndName', 'direction', 'connector', 'connectorType', 'forcedTls'],
  },
  {
    title: 'TLS',
    hint: 'One column per TLS version (a connector report), or one column naming the version on each row.',
    fields: ['tls:none', 'tls:tls1.0', 'tls:tls1.1', 'tls:tls1.2', 'tls:tls1.3', 'tls'],
  },
  {
    title: 'Messages',
    hint: 'Leave empty when every row is one message (a per-message trace).',
    fields: ['volume'],
  },
];

function MappingForm({
  entry,
  store,
  header,
  missing,
}: QuestionProps & { header: string[]; missing: string[] }) {
  const [choices, setChoices] = useState<ColumnMap>(() => entry.options.columnMap ?? guessColumnMap(header));
  const labels = [...new Set(header.filter((label) => label !== ''))];
  return (
    <form
      class="question-form"
      data-testid="mapping-form"
      onSubmit={(event) => {
        event.preventDefault();
        const columnMap: ColumnMap = {};
        // Every field is sent, empty ones too: "not in this file" overrides a guess from the labels.
        for (const field of MAPPABLE_FIELDS) columnMap[field] = choices[field] ?? '';
        void store.answer(entry.id, { columnMap });
      }}
    >
      <h3>Which column is which?</h3>
      <p>
        The columns of this file were not recognised
        {missing.length > 0 && <> (nothing found for {missing.join(', ')})</>}. Point each field at a column;
        the choice is remembered for files with the same columns.
      </p>
      <p class="muted">
        Columns in the file:{' '}
        {labels.map((label) => (
          <code key={label} class="column-chip">
            {label}
          </code>
        ))}
      </p>
      <div class="mapping-groups">
        {FIELD_GROUPS.map((group) => (
          <fieldset key={group.title}>
            <legend>{group.title}</legend>
            <p class="muted">{group.hint}</p>
            {group.fields.map((field) => (
              <label key={field} class="mapping-field">
                <span>{FIELD_LABELS[field]}</span>
                <select
                  data-testid={`mapping-field-${field}`}
                  value={choices[field] ?? ''}
                  onChange={(event) => setChoices({ ...choices, [field]: event.currentTarget.value })}
                >
                  <option value="">— not in this file —</option>
                  {labels.map((label) => (
                    <option key={label} value={label}>
                      {label}
                    </option>
                  ))}
                </select>
              </label>
            ))}
          </fieldset>
        ))}
      </div>
      <div class="actions">
        <button type="submit" class="button primary" data-testid="mapping-submit">
          Read the file with these columns
        </button>
        <button type="button" class="button" onClick={() => store.discard(entry.id)}>
          Import nothing
        </button>
      </div>
    </form>
  );
}

interface Choice<T extends string> {
  value: T;
  label: string;
}

function ChoiceForm<T extends string>({
  entry,
  store,
  testId,
  title,
  text,
  choices,
  apply,
}: QuestionProps & {
  testId: string;
  title: string;
  text: string;
  choices: Choice<T>[];
  apply: (value: T) => Parameters<ImportStore['answer']>[1];
}) {
  const [chosen, setChosen] = useState<T>((choices[0] as Choice<T>).value);
  return (
    <form
      class="question-form"
      data-testid={testId}
      onSubmit={(event) => {
        event.preventDefault();
        void store.answer(entry.id, apply(chosen));
      }}
    >
      <h3>{title}</h3>
      <p>{text}</p>
      {choices.map((choice) => (
        <label key={choice.value} class="choice">
          <input
            type="radio"
            name={`${testId}-${entry.id}`}
            value={choice.value}
            data-testid={`${testId}-${choice.value}`}
            checked={chosen === choice.value}
            onChange={() => setChosen(choice.value)}
          />
          {choice.label}
        </label>
      ))}
      <div class="actions">
        <button type="submit" class="button primary" data-testid="question-submit">
          Read the file this way
        </button>
        <button type="button" class="button" onClick={() => store.discard(entry.id)}>
          Import nothing
        </button>
      </div>
    </form>
  );
}

interface QuestionProps {
  entry: FileImport;
  store: ImportStore;
}

export function ReaderQuestion({ entry, store }: QuestionProps) {
  const needs = entry.result?.needs;
  if (entry.phase !== 'question' || needs === undefined) return null;
  switch (needs.kind) {
    case 'mapping':
      return (
        <MappingForm
          key={needs.signature}
          entry={entry}
          store={store}
          header={needs.header}
          missing={needs.missing}
        />
      );
    case 'dateOrder':
      return (
        <ChoiceForm
          entry={entry}
          store={store}
          testId="date-order-form"
          title="Day or month first?"
          text="No date in this file shows whether it is written day first or month first (03/04/2025)."
          choices={[
            { value: 'dmy', label: 'Day first: 03/04/2025 is 3 April' },
            { value: 'mdy', label: 'Month first: 03/04/2025 is March 4' },
          ]}
          apply={(dateOrder) => ({ dateOrder })}
        />
      );
    case 'tlsCells':
      return (
        <ChoiceForm
          entry={entry}
          store={store}
          testId="tls-cells-form"
          title="Percentages or message counts?"
          text="The TLS columns add up neither to 100 nor to the volume on every row."
          choices={[
            { value: 'share', label: 'Percentages of the volume' },
            { value: 'count', label: 'Message counts' },
          ]}
          apply={(tlsCells) => ({ tlsCells })}
        />
      );
  }
}
