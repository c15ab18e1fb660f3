// Real exports through import.html show the same numbers as the CLI: the French portal export
// (`;`, decimal commas, d/M dates, "Entrant"/"Sortant") and a Windows PowerShell `Export-Csv`
// file (UTF-16 LE with a byte order mark, a `#TYPE` first line, every field quoted, CRLF).
import assert from 'node:assert/strict';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { launchExtension, openPage, runCli, SHARED_FIXTURES } from '../../scripts/chromium-extension.mjs';
import { popupWidget, resetExtension, settledResults, sharesOf } from './import-helpers.mjs';

const FRENCH = resolve(SHARED_FIXTURES, 'eac-entrants-sortants-fr.csv');
const ENGLISH = resolve(SHARED_FIXTURES, 'eac-inbound-outbound-en.csv');

/** What Windows PowerShell 5 `Export-Csv -Encoding Unicode` writes for the same rows. */
function powershellExport(text) {
  const quoted = text
    .trimEnd()
    .split('\n')
    .map((line) =>
      line
        .split(',')
        .map((cell) => `"${cell}"`)
        .join(','),
    );
  const body = ['#TYPE Selected.System.Management.Automation.PSCustomObject', ...quoted].join('\r\n');
  return Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(`${body}\r\n`, 'utf16le')]);
}

async function importAndCompare(extension, file, rows) {
  const page = await openPage(extension, 'import.html');
  await page.getByTestId('import-input').setInputFiles(file);
  const [result] = await settledResults(page, 1);
  assert.deepEqual([result.status, result.rows, result.rejected], ['ok', rows, 0], result.text);
  assert.deepEqual(page.errors, []);
  await page.close();

  const widget = await popupWidget(extension);
  const cli = await runCli([
    'summarize',
    '--json',
    '--from',
    widget.range.from,
    '--to',
    widget.range.to,
    file,
  ]);
  assert.equal(cli.code, 0, cli.stderr);
  const summary = JSON.parse(cli.stdout);
  for (const direction of ['inbound', 'outbound']) {
    const totals = summary.directions[direction];
    assert.equal(widget[direction].messages, totals.messages, `${direction} messages`);
    const exact = sharesOf(totals);
    for (const [bucket, share] of Object.entries(exact)) {
      const shown = widget[direction].shares[bucket];
      if (share === null) assert.equal(shown, '', `${direction} ${bucket}: no messages, no share`);
      // Shown shares are rounded so they add up to 100.0: each is within a tenth of the exact share.
      else assert.ok(Math.abs(Number(shown) - share) < 0.1, `${direction} ${bucket}: ${shown} vs ${share}`);
    }
  }
  assert.equal(widget.insights, summary.insights.length);
  return widget;
}

describe('real exports read the same in the browser as on the command line', () => {
  let extension;
  let scratch;
  before(async () => {
    extension = await launchExtension();
    scratch = await mkdtemp(join(tmpdir(), 'mailflow-lens-readers-'));
  });
  after(async () => {
    await extension?.close();
    await rm(scratch, { recursive: true, force: true });
  });

  it('the French portal export: the 13 March outbound rows are the snapshot window', async () => {
    await resetExtension(extension);
    const widget = await importAndCompare(extension, FRENCH, 4);
    assert.deepEqual(widget.range, { from: '2025-03-07', to: '2025-03-13' });
    // 9902 × 3,4 % = 336.668 → 337 without TLS; 9565 + 2311 with TLS 1.2.
    assert.equal(widget.outbound.messages, 12213);
    assert.equal(widget.outbound.shares.none, '2.8');
    assert.equal(widget.outbound.shares['tls1.2'], '97.2');
    assert.equal(widget.inbound.messages, 0);
  });

  it('a UTF-16 LE PowerShell export with a #TYPE line reads like the English original', async () => {
    await resetExtension(extension);
    const file = join(scratch, 'powershell-export.csv');
    await writeFile(file, powershellExport(await readFile(ENGLISH, 'utf8')));
    const widget = await importAndCompare(extension, file, 10);
    assert.deepEqual(widget.range, { from: '2025-02-26', to: '2025-03-04' });
    assert.equal(widget.inbound.messages, 41754);
    assert.equal(widget.outbound.messages, 24733);
    assert.equal(widget.inbound.shares['tls1.0'], '1.5');
    assert.equal(widget.outbound.shares.none, '12.7');
  });
});
