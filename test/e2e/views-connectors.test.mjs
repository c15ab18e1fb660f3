// The connector report on many connectors and on hostile connector names, in the real browser:
// every "Show data for" choice against the CLI, and names that must stay text in the page and in
// the exported files.
import assert from 'node:assert/strict';
import { resolve } from 'node:path';
import { after, before, describe, it } from 'node:test';
import {
  captureDownload,
  FIXTURES,
  importFiles,
  launchExtension,
  openPage,
  readReport,
  runCli,
  waitForReport,
} from '../../scripts/chromium-extension.mjs';

const SAMPLE = ['inbound-messages-report.csv', 'outbound-messages-report.csv'].map((name) =>
  resolve(FIXTURES, 'sample', name),
);
const HOSTILE = resolve(FIXTURES, 'views/hostile-connector-names.csv');

async function cliSummary(files) {
  const cli = await runCli(['summarize', '--json', ...files]);
  assert.equal(cli.code, 0, cli.stderr);
  return JSON.parse(cli.stdout);
}

function sumColumn(chart, column) {
  return chart.reduce((sum, row) => sum + Number(row.cells[column]?.value || 0), 0);
}

function lines(text) {
  return text.replace(/^\uFEFF/, '').split('\r\n');
}

describe('the connector report on the sample tenant (four weeks, TLS 1.3, five connectors)', () => {
  let extension;
  before(async () => {
    extension = await launchExtension();
    const { page, results } = await importFiles(extension, SAMPLE);
    assert.deepEqual(
      results.map((result) => result.status),
      ['ok', 'ok'],
    );
    await page.close();
  });
  after(async () => {
    await extension?.close();
  });

  it('every Show data for choice totals what the CLI prints for that connector, over all history', async () => {
    const cli = await cliSummary(SAMPLE);
    const page = await openPage(extension, `report.html?from=${cli.range.from}&to=${cli.range.to}`);
    await waitForReport(page, { ...cli.range, show: 'all' });
    assert.equal(await page.getByTestId('report-preset-all').getAttribute('aria-pressed'), 'true');
    let report = await readReport(page);
    assert.equal(
      report.selectionMessages,
      cli.directions.inbound.messages + cli.directions.outbound.messages,
    );
    assert.equal(report.columns.includes('tls1.3'), true);
    assert.equal(report.chart.length, 28);
    const choices = await page
      .locator('[data-testid="report-show"] option')
      .evaluateAll((options) => options.map((option) => option.value));
    assert.equal(choices.length, 1 + cli.connectors.length);
    for (const entry of cli.connectors) {
      const show =
        entry.connector === null ? `${entry.direction}-none` : `${entry.direction}:${entry.connector}`;
      assert.equal(choices.includes(show), true, show);
      await page.getByTestId('report-show').selectOption(show);
      await waitForReport(page, { ...cli.range, show });
      report = await readReport(page);
      assert.equal(report.selectionMessages, entry.messages, show);
      assert.equal(sumColumn(report.chart, entry.direction), entry.messages, show);
      assert.equal(
        report.details.reduce((sum, row) => sum + Number(row.cells.volume), 0),
        entry.messages,
        show,
      );
    }
    // TLS usage of one connector: the counts behind the daily shares add up to the CLI's.
    await page.locator('[data-testid="report-view"] [data-value="tls"]').click();
    await waitForReport(page, { ...cli.range, view: 'tls' });
    report = await readReport(page);
    const last = cli.connectors.at(-1);
    for (const bucket of ['none', 'tls1.0', 'tls1.1', 'tls1.2', 'tls1.3']) {
      assert.equal(
        report.chart.reduce((sum, row) => sum + row.cells[bucket].count, 0),
        last.tls[bucket],
        bucket,
      );
    }
    assert.deepEqual(page.errors, []);
    await page.close();
  });
});

describe('connector names from other people are text, never markup or formulas', () => {
  let extension;
  before(async () => {
    extension = await launchExtension();
    const { page, results } = await importFiles(extension, [HOSTILE]);
    assert.equal(results[0].status, 'ok');
    await page.close();
  });
  after(async () => {
    await extension?.close();
  });

  it('shows <img …> and =HYPERLINK(…) as text and neutralises them in the exports', async () => {
    const page = await openPage(extension, 'report.html?from=2025-03-03&to=2025-03-03');
    const dialogs = [];
    page.on('dialog', (dialog) => {
      dialogs.push(dialog.message());
      void dialog.dismiss();
    });
    await waitForReport(page, { from: '2025-03-03', to: '2025-03-03' });
    const report = await readReport(page);
    const img = report.details.find((row) => row.connector === '<img src=x onerror=alert(1)>');
    assert.equal(img.cells.none, '60.0');
    const cellText = await page
      .locator('[data-testid="details-row"][data-direction="inbound"] td[data-column="connector"]')
      .allTextContents();
    assert.deepEqual(cellText, [
      'Inbound - From the internet without a connector',
      'Inbound - <img src=x onerror=alert(1)>',
    ]);
    assert.deepEqual(
      report.insights.map((insight) => [insight.connector, insight.kind]),
      [['<img src=x onerror=alert(1)>', 'no-tls']],
    );
    assert.match(report.insights[0].text, /on <img src=x onerror=alert\(1\)> \(60 of 100 messages\)/);
    const optionTexts = await page.locator('[data-testid="report-show"] option').allTextContents();
    assert.equal(optionTexts.includes('=HYPERLINK("x") (Partner)'), true, optionTexts.join(' | '));
    assert.equal(await page.locator('img').count(), 0);

    const counts = await captureDownload(page, 'export-counts');
    const hyperlinkLine = lines(counts.text).find((line) => line.includes('HYPERLINK'));
    assert.equal(hyperlinkLine, '2025-03-03,outbound,"\'=HYPERLINK(""x"")",Partner,false,TLS1.2,10');
    assert.equal(hyperlinkLine.split(',')[2].startsWith('"\'='), true);
    const details = await captureDownload(page, 'export-csv');
    // In the details file the name follows "Outbound - ", so the cell is no formula; it is quoted.
    assert.equal(
      lines(details.text).find((line) => line.includes('HYPERLINK')),
      '2025-03-03,"Outbound - =HYPERLINK(""x"")",Partner,False,0.0%,0.0%,0.0%,100.0%,0.0%,10',
    );

    // A bookmarked view of the hostile connector: the URL value is data, not code.
    await page.goto(
      page.url().replace(/\?.*$/, '?from=2025-03-03&to=2025-03-03&show=outbound:%3DHYPERLINK(%22x%22)'),
    );
    await waitForReport(page, { from: '2025-03-03', to: '2025-03-03', show: 'outbound:=HYPERLINK("x")' });
    assert.equal((await readReport(page)).selectionMessages, 10);
    assert.deepEqual(dialogs, []);
    assert.deepEqual(page.errors, []);
    await page.close();
  });
});
