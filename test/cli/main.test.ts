import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { main } from '../../src/cli/main.js';

const FIXTURES = resolve(import.meta.dirname, '../fixtures');
const ENGLISH = resolve(FIXTURES, 'shared/eac-inbound-outbound-en.csv');
const FRENCH = resolve(FIXTURES, 'shared/eac-entrants-sortants-fr.csv');
const COUNTS = resolve(FIXTURES, 'shared/mailflow-lens-counts.csv');
const BAD_LINES = resolve(FIXTURES, 'formats/quoted-names-crlf.csv');
const EMPTY = resolve(FIXTURES, 'formats/empty.csv');
const UNKNOWN = resolve(FIXTURES, 'formats/unknown-header.csv');

async function run(...argv: string[]): Promise<{ status: number; stdout: string; stderr: string }> {
  let stdout = '';
  let stderr = '';
  const status = await main(argv, {
    stdout: (text) => {
      stdout += text;
    },
    stderr: (text) => {
      stderr += text;
    },
  });
  return { status, stdout, stderr };
}

const tls = (partial: Record<string, number>) => ({
  none: 0,
  'tls1.0': 0,
  'tls1.1': 0,
  'tls1.2': 0,
  'tls1.3': 0,
  unknown: 0,
  ...partial,
});

describe('mailflow-lens summarize', () => {
  it('summarises the English and French exports in one run, the later file replacing the same day and path', async () => {
    const { status, stdout, stderr } = await run('summarize', '--json', ENGLISH, FRENCH);
    expect(stderr).toBe('');
    expect(status).toBe(0);
    const json = JSON.parse(stdout);
    expect(Object.keys(json)).toEqual(['range', 'directions', 'connectors', 'insights', 'rejected']);
    expect(json.range).toEqual({ from: '2025-03-03', to: '2025-03-13' });
    // Inbound: the English 41754 plus the French file's "Fabrikam Partenaire" 534 (its no-connector
    // row for 03-03 replaces the English one with the same numbers) = 42288.
    // none 382 + 423; TLS 1.0 330 + 297 + 330; TLS 1.2 17829 + 204 + 2470 + 17217 + 214 + 2388 + 204.
    expect(json.directions.inbound).toEqual({
      messages: 42288,
      tls: tls({ none: 805, 'tls1.0': 957, 'tls1.2': 40526 }),
    });
    // Outbound: 9902 + 2311 + 10230 + 2290 (English) + 9902 + 2311 (French, 13 March) = 36946.
    expect(json.directions.outbound).toEqual({ messages: 36946, tls: tls({ none: 3487, 'tls1.2': 33459 }) });
    expect(json.connectors).toEqual([
      {
        direction: 'inbound',
        connector: null,
        type: null,
        messages: 35851,
        tls: tls({ none: 805, 'tls1.2': 35046 }),
      },
      {
        direction: 'inbound',
        connector: 'Fabrikam Partenaire',
        type: 'Partner',
        messages: 534,
        tls: tls({ 'tls1.0': 330, 'tls1.2': 204 }),
      },
      {
        direction: 'inbound',
        connector: 'Fabrikam Partner In',
        type: 'Partner',
        messages: 1045,
        tls: tls({ 'tls1.0': 627, 'tls1.2': 418 }),
      },
      {
        direction: 'inbound',
        connector: 'Hybrid On-Prem In',
        type: 'OnPremises',
        messages: 4858,
        tls: tls({ 'tls1.2': 4858 }),
      },
      {
        direction: 'outbound',
        connector: null,
        type: null,
        messages: 30034,
        tls: tls({ none: 3487, 'tls1.2': 26547 }),
      },
      {
        direction: 'outbound',
        connector: 'Hybrid On-Prem Out',
        type: 'OnPremises',
        messages: 4601,
        tls: tls({ 'tls1.2': 4601 }),
      },
      {
        direction: 'outbound',
        connector: 'Hybride local',
        type: 'OnPremises',
        messages: 2311,
        tls: tls({ 'tls1.2': 2311 }),
      },
    ]);
    expect(json.insights).toEqual([
      {
        direction: 'inbound',
        connector: 'Fabrikam Partenaire',
        kind: 'tls1.0',
        share: 330 / 534,
        messages: 534,
        affected: 330,
      },
      {
        direction: 'inbound',
        connector: 'Fabrikam Partner In',
        kind: 'tls1.0',
        share: 627 / 1045,
        messages: 1045,
        affected: 627,
      },
    ]);
    expect(json.rejected).toEqual([]);
  });

  it('limits the summary to --from and --to', async () => {
    const { status, stdout } = await run(
      'summarize',
      '--json',
      '--from',
      '2025-03-04',
      '--to=2025-03-04',
      ENGLISH,
    );
    expect(status).toBe(0);
    const json = JSON.parse(stdout);
    expect(json.range).toEqual({ from: '2025-03-04', to: '2025-03-04' });
    // 17640 + 511 + 2388 inbound, 10230 + 2290 outbound on the 4th; 2813 / 10230 = 27.5 % > 25 % unencrypted.
    expect(json.directions.inbound.messages).toBe(20539);
    expect(json.directions.outbound.messages).toBe(12520);
    expect(json.insights).toEqual([
      {
        direction: 'inbound',
        connector: 'Fabrikam Partner In',
        kind: 'tls1.0',
        share: 297 / 511,
        messages: 511,
        affected: 297,
      },
      {
        direction: 'outbound',
        connector: null,
        kind: 'no-tls',
        share: 2813 / 10230,
        messages: 10230,
        affected: 2813,
      },
    ]);
  });

  it('exits 1 and names file and line for each bad line, still summarising the good ones', async () => {
    const { status, stdout, stderr } = await run('summarize', '--json', BAD_LINES, COUNTS);
    expect(status).toBe(1);
    expect(stderr.split('\n')).toEqual([
      `${BAD_LINES}:5: messages: 'abc' is not a number`,
      `${BAD_LINES}:6: direction: 'sideways' does not say Inbound or Outbound`,
      `${BAD_LINES}:8: tls: 'SSL3' is not a TLS version`,
      '',
    ]);
    const json = JSON.parse(stdout);
    expect(json.rejected).toEqual([
      { file: BAD_LINES, line: 5, reason: "messages: 'abc' is not a number" },
      { file: BAD_LINES, line: 6, reason: "direction: 'sideways' does not say Inbound or Outbound" },
      { file: BAD_LINES, line: 8, reason: "tls: 'SSL3' is not a TLS version" },
    ]);
    // 10 + 5 from the first file, 18211 + 534 from the counts file.
    expect(json.directions.inbound.messages).toBe(18760);
    // 7 unencrypted on 2025-03-04 from the first file, 9902 on 2025-03-03 from the counts file.
    expect(json.directions.outbound).toEqual({
      messages: 9909,
      tls: tls({ none: 344, 'tls1.2': 3445, 'tls1.3': 6120 }),
    });
  });

  it('exits 1 for an empty, missing or unrecognised file next to a good one, with line 0', async () => {
    const missing = resolve(FIXTURES, 'formats/no-such-file.csv');
    const { status, stdout, stderr } = await run('summarize', '--json', EMPTY, COUNTS, missing, UNKNOWN);
    expect(status).toBe(1);
    const json = JSON.parse(stdout);
    expect(json.rejected).toEqual([
      { file: EMPTY, line: 0, reason: 'empty file' },
      { file: missing, line: 0, reason: 'cannot read: no such file' },
      { file: UNKNOWN, line: 0, reason: 'header not recognised: no column for Date, Volume' },
    ]);
    expect(stderr).toContain(`${EMPTY}: empty file\n`);
    expect(json.directions.inbound.messages).toBe(18745);
  });

  it('exits 2 when nothing usable was read', async () => {
    const { status, stderr } = await run('summarize', EMPTY);
    expect(status).toBe(2);
    expect(stderr).toBe(`${EMPTY}: empty file\nmailflow-lens: nothing usable was read\n`);
  });

  it('exits 2 for wrong arguments, with one line on stderr and nothing on stdout', async () => {
    for (const argv of [
      ['summarize'],
      ['summarize', '--from', '2025-02-30', ENGLISH],
      ['summarize', '--from', '03/04/2025', ENGLISH],
      ['summarize', '--to'],
      ['summarize', '--verbose', ENGLISH],
      ['summarize', '--tls-cells', 'percent', ENGLISH],
      ['summarize', '--date-order', 'ymd', ENGLISH],
      ['summarize', '--map', 'when=Report day', ENGLISH],
      ['summarize', '--map', 'date', ENGLISH],
      ['summarize', '--from', '2025-03-05', '--to', '2025-03-04', ENGLISH],
      ['summarise', ENGLISH],
      [],
    ]) {
      const { status, stdout, stderr } = await run(...argv);
      expect(status, argv.join(' ')).toBe(2);
      expect(stdout).toBe('');
      expect(stderr.trimEnd().split('\n')).toHaveLength(1);
    }
    expect((await run('summarize')).stderr).toBe('mailflow-lens: no FILE given (see mailflow-lens --help)\n');
    expect((await run('summarize', '--from', '2025-02-30', ENGLISH)).stderr).toBe(
      "mailflow-lens: --from: '2025-02-30' is not a date (YYYY-MM-DD) (see mailflow-lens --help)\n",
    );
  });

  it('passes --date-order and --tls-cells to the readers', async () => {
    const ambiguous = resolve(FIXTURES, 'formats/ambiguous-us-dates.csv');
    const refused = await run('summarize', '--json', ambiguous);
    expect(refused.status).toBe(2);
    expect(refused.stderr).toContain('cannot tell day from month');
    const read = await run('summarize', '--json', '--date-order', 'mdy', ambiguous);
    expect(read.status).toBe(0);
    expect(JSON.parse(read.stdout).range).toEqual({ from: '2025-03-04', to: '2025-04-03' });
  });

  it('reads an unrecognised header with --map FIELD=COLUMN, repeatable', async () => {
    const custom = resolve(FIXTURES, 'formats/custom-header.csv');
    const refused = await run('summarize', '--json', custom);
    expect(refused.status).toBe(2);
    expect(refused.stderr).toContain(
      'header not recognised: no column for Date, Connector direction and name, Volume',
    );
    const { status, stdout, stderr } = await run(
      'summarize',
      '--json',
      '--map',
      'date=Report day',
      '--map=directionAndName=Flow',
      '--map',
      'tls:none=Plain',
      '--map',
      'volume=Total mails',
      custom,
    );
    expect(stderr).toBe('');
    expect(status).toBe(0);
    const json = JSON.parse(stdout);
    expect(json.directions.inbound).toEqual({ messages: 300, tls: tls({ none: 25, 'tls1.2': 275 }) });
    expect(json.directions.outbound).toEqual({ messages: 50, tls: tls({ 'tls1.2': 50 }) });
    expect((await run('summarize', '--map', 'when=x', custom)).stderr).toMatch(
      /^mailflow-lens: --map: 'when=x' is not FIELD=COLUMN with FIELD one of date, directionAndName, /,
    );
    expect((await run('--help')).stdout).toContain('tls:none, tls:tls1.0');
  });

  it('reads files as streams of chunks, the same however they are cut', async () => {
    const { readFileSync } = await import('node:fs');
    const bytes = readFileSync(FRENCH);
    async function* byteByByte(path: string): AsyncIterable<Uint8Array> {
      expect(path).toBe(FRENCH);
      for (let index = 0; index < bytes.length; index++) yield bytes.subarray(index, index + 1);
    }
    let stdout = '';
    const status = await main(['summarize', '--json', FRENCH], {
      stdout: (text) => {
        stdout += text;
      },
      stderr: () => {},
      openFile: byteByByte,
    });
    expect(status).toBe(0);
    expect(stdout).toBe((await run('summarize', '--json', FRENCH)).stdout);
  });

  it('prints a readable table without --json', async () => {
    const { status, stdout } = await run('summarize', ENGLISH);
    expect(status).toBe(0);
    expect(stdout).toContain('Mail flow 2025-03-03 to 2025-03-04');
    // Inbound 41754: none 805 = 1.93 %, TLS 1.0 627 = 1.50 %, TLS 1.2 40322 = 96.57 % → 1.9 + 1.5 + 96.6.
    expect(stdout).toMatch(/Inbound +41754 +0\.0 % +96\.6 % +0\.0 % +1\.5 % +1\.9 %/);
    expect(stdout).toContain('Outbound · To the internet without a connector');
    expect(stdout).toContain('Inbound · Fabrikam Partner In: 60.0 % TLS 1.0 (627 of 1045 messages)');
  });

  it('prints help and version', async () => {
    expect((await run('--help')).stdout).toContain('mailflow-lens summarize [--from YYYY-MM-DD]');
    expect(await run('summarize', '--help')).toMatchObject({ status: 0 });
    expect((await run('--version')).stdout).toMatch(/^mailflow-lens \d+\.\d+\.\d+\n$/);
  });
});
