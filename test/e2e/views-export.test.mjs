// Export CSV and Export exact counts in the real browser: the files' names and contents, and that
// each one, imported into a fresh profile, shows the same numbers as the original export.
import assert from 'node:assert/strict';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { after, before, describe, it } from 'node:test';
import {
  captureDownload,
  importFiles,
  launchExtension,
  openPage,
  readReport,
  runCli,
  SHARED_FIXTURES,
  waitForReport,
} from '../../scripts/chromium-extension.mjs';

const ENGLISH_EXPORT = resolve(SHARED_FIXTURES, 'eac-inbound-outbound-en.csv');

async function cliSummary(files) {
  const cli = await runCli(['summarize', '--json', ...files]);
  assert.equal(cli.code, 0, cli.stderr);
  return JSON.parse(cli.stdout);
}

function lines(text) {
  return text.replace(/^\uFEFF/, '').split('\r\n');
}

/** The summary's shares for a direction, No TLS first as the CLI lists buckets. */
function summaryShares(page, direction) {
  return Promise.all(
    ['none', 'tls1.0', 'tls1.1', 'tls1.2', 'tls1.3'].map((bucket) =>
      page.getByTestId(`report-${direction}-share-${bucket}`).getAttribute('data-value'),
    ),
  );
}

async function deleteAllData(extension) {
  const options = await openPage(extension, 'options.html');
  options.once('dialog', (dialog) => void dialog.accept());
  await options.getByTestId('delete-all').click();
  await options.getByText('All data was deleted.').waitFor();
  await options.close();
}

describe('exporting the connector report', () => {
  let extension;
  let scratch;
  before(async () => {
    extension = await launchExtension();
    scratch = await mkdtemp(join(tmpdir(), 'mailflow-lens-exports-'));
    const { page, results } = await importFiles(extension, [ENGLISH_EXPORT]);
    assert.equal(results[0].status, 'ok');
    await page.close();
  });
  after(async () => {
    await extension?.close();
    await rm(scratch, { recursive: true, force: true });
  });

  it('exports the details table and exact counts, and each re-imports to the same totals', async () => {
    const page = await openPage(extension, 'report.html?from=2025-03-03&to=2025-03-04');
    await waitForReport(page, { from: '2025-03-03', to: '2025-03-04' });
    const shownBefore = await readReport(page);
    const details = await captureDownload(page, 'export-csv');
    assert.equal(details.fileName, 'mailflow-lens_default_2025-03-03_2025-03-04_details.csv');
    assert.deepEqual(lines(details.text).slice(0, 3), [
      'Date,Connector direction and name,Connector type,Forced TLS?,No TLS,TLS 1.0,TLS 1.1,TLS 1.2,Volume',
      '2025-03-03,Inbound - From the internet without a connector,,False,2.1%,0.0%,0.0%,97.9%,18211',
      '2025-03-03,Inbound - Fabrikam Partner In,Partner,True,0.0%,61.8%,0.0%,38.2%,534',
    ]);
    assert.equal(lines(details.text).length, 12);
    const counts = await captureDownload(page, 'export-counts');
    assert.equal(counts.fileName, 'mailflow-lens_default_2025-03-03_2025-03-04_counts.csv');
    assert.deepEqual(lines(counts.text).slice(0, 4), [
      'date,direction,connector,connector_type,forced_tls,tls,messages',
      '2025-03-03,inbound,,,false,TLS1.2,17829',
      '2025-03-03,inbound,,,false,none,382',
      '2025-03-03,inbound,Fabrikam Partner In,Partner,true,TLS1.2,204',
    ]);
    await page.close();

    const detailsFile = join(scratch, details.fileName);
    const countsFile = join(scratch, counts.fileName);
    await writeFile(detailsFile, details.text);
    await writeFile(countsFile, counts.text);
    const original = await cliSummary([ENGLISH_EXPORT]);
    // The CLI reads both exports to exactly the original numbers.
    for (const file of [detailsFile, countsFile]) {
      const again = await cliSummary([file]);
      assert.deepEqual(again.directions, original.directions, file);
      assert.deepEqual(again.connectors, original.connectors, file);
    }

    // And so does the browser: Settings › Delete all data (report.html then says how to get data),
    // import the exported file through import.html, and the report shows the same numbers.
    for (const file of [detailsFile, countsFile]) {
      await deleteAllData(extension);
      const empty = await openPage(extension, 'report.html');
      await empty.getByTestId('empty-state').waitFor();
      assert.equal(await empty.getByTestId('connector-report').count(), 0);
      await empty.close();
      const { page: importPage, results } = await importFiles(extension, [file]);
      assert.equal(results[0].status, 'ok', results[0].text);
      assert.equal(results[0].rows, file === detailsFile ? 10 : 16);
      assert.match(results[0].text, /0 records replaced/);
      await importPage.close();
      const report = await openPage(extension, 'report.html?from=2025-03-03&to=2025-03-04');
      await waitForReport(report, { from: '2025-03-03', to: '2025-03-04' });
      const shown = await readReport(report);
      assert.deepEqual(shown.summary, { inbound: 41754, outbound: 24733 });
      assert.equal(shown.details.length, 10);
      assert.deepEqual(shown.details, shownBefore.details);
      assert.deepEqual(shown.chart, shownBefore.chart);
      assert.deepEqual(await summaryShares(report, 'inbound'), ['1.9', '1.5', '0.0', '96.6', '0.0']);
      assert.deepEqual(await summaryShares(report, 'outbound'), ['12.7', '0.0', '0.0', '87.3', '0.0']);
      assert.deepEqual(report.errors, []);
      await report.close();
    }
  });
});
