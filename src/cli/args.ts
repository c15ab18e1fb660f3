/** The command line as product.md's contract writes it, parsed without a library: it is four flags. */
import { isIsoDate } from '../core/dates.js';
import { type ColumnMap, MAPPABLE_FIELDS, type MappableField } from '../core/formats/index.js';

export interface SummarizeCommand {
  command: 'summarize';
  from?: string;
  to?: string;
  tlsCells?: 'share' | 'count';
  dateOrder?: 'dmy' | 'mdy';
  /** `--map field=column`, repeatable: columns the reader does not recognise by their labels. */
  columnMap?: ColumnMap;
  json: boolean;
  files: string[];
}

export type CliCommand =
  | SummarizeCommand
  | { command: 'help' }
  | { command: 'version' }
  | { command: 'error'; message: string };

export const USAGE = `Usage: mailflow-lens summarize [--from YYYY-MM-DD] [--to YYYY-MM-DD] [--tls-cells share|count]
                              [--date-order dmy|mdy] [--map FIELD=COLUMN]... [--json] FILE...

Reads Exchange Online mail flow exports (connector report details, historical search CSV, Mailflow Lens
exact counts) and prints messages per direction and connector with the share of each TLS version.

  --from, --to      first and last day to include (default: the first and last day in the files)
  --tls-cells       read the TLS cells of a connector report as percentages (share) or message counts
  --date-order      read dates like 03/04/2025 day first (dmy) or month first (mdy)
  --map FIELD=COLUMN
                    read FIELD from the column labelled COLUMN when the header is not recognised
                    (repeatable; an empty COLUMN means the file has no such column). FIELDs:
                    ${MAPPABLE_FIELDS.join(', ')}
  --json            print JSON instead of a table
  --help, --version

Exit status: 0 everything read, 1 some lines or files rejected, 2 nothing usable read or bad arguments.`;

const VALUE_FLAGS = ['--from', '--to', '--tls-cells', '--date-order', '--map'] as const;
type ValueFlag = (typeof VALUE_FLAGS)[number];

function isValueFlag(flag: string): flag is ValueFlag {
  return (VALUE_FLAGS as readonly string[]).includes(flag);
}

function applyValue(command: SummarizeCommand, flag: ValueFlag, value: string): string | null {
  switch (flag) {
    case '--from':
    case '--to':
      if (!isIsoDate(value)) return `${flag}: '${value}' is not a date (YYYY-MM-DD)`;
      command[flag === '--from' ? 'from' : 'to'] = value;
      return null;
    case '--tls-cells':
      if (value !== 'share' && value !== 'count') return `--tls-cells: '${value}' is not share or count`;
      command.tlsCells = value;
      return null;
    case '--date-order':
      if (value !== 'dmy' && value !== 'mdy') return `--date-order: '${value}' is not dmy or mdy`;
      command.dateOrder = value;
      return null;
    case '--map': {
      const equals = value.indexOf('=');
      const field = equals === -1 ? value : value.slice(0, equals);
      if (equals === -1 || !(MAPPABLE_FIELDS as readonly string[]).includes(field)) {
        return `--map: '${value}' is not FIELD=COLUMN with FIELD one of ${MAPPABLE_FIELDS.join(', ')}`;
      }
      command.columnMap = { ...command.columnMap, [field as MappableField]: value.slice(equals + 1) };
      return null;
    }
  }
}

/** The arguments after the program name. */
export function parseArgs(argv: readonly string[]): CliCommand {
  const [first, ...rest] = argv;
  if (first === undefined) return { command: 'error', message: 'no command given' };
  if (first === '--help' || first === '-h' || first === 'help') return { command: 'help' };
  if (first === '--version' || first === '-V') return { command: 'version' };
  if (first !== 'summarize') return { command: 'error', message: `unknown command '${first}'` };
  const command: SummarizeCommand = { command: 'summarize', json: false, files: [] };
  for (let index = 0; index < rest.length; index++) {
    const argument = rest[index] ?? '';
    if (argument === '--') {
      command.files.push(...rest.slice(index + 1));
      break;
    }
    if (argument === '--help' || argument === '-h') return { command: 'help' };
    if (argument === '--json') {
      command.json = true;
      continue;
    }
    if (!argument.startsWith('-') || argument === '-') {
      command.files.push(argument);
      continue;
    }
    const equals = argument.indexOf('=');
    const flag = equals === -1 ? argument : argument.slice(0, equals);
    if (!isValueFlag(flag)) return { command: 'error', message: `unknown option '${flag}'` };
    let value: string | undefined;
    if (equals !== -1) {
      value = argument.slice(equals + 1);
    } else {
      value = rest[index + 1];
      index++;
    }
    if (value === undefined) return { command: 'error', message: `${flag} needs a value` };
    const problem = applyValue(command, flag, value);
    if (problem !== null) return { command: 'error', message: problem };
  }
  if (command.files.length === 0) return { command: 'error', message: 'no FILE given' };
  if (command.from !== undefined && command.to !== undefined && command.from > command.to) {
    return { command: 'error', message: `--from ${command.from} is after --to ${command.to}` };
  }
  return command;
}
