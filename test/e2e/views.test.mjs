// The views in the real browser: the flyout, the connector report (report.html and the popup), its
// URL state and the details table, checked against the CLI on the same file.
import assert from 'node:assert/strict';
import { resolve } from 'node:path';
import { after, before, describe, it } from 'node:test';
import {
  importFiles,
  launchExtension,
  openPage,
  readReport,
  readWidget,
  runCli,
  SHARED_FIXTURES,
  waitForReport,
} from '../../scripts/chromium-extension.mjs';

const ENGLISH_EXPORT = resolve(SHARED_FIXTURES, 'eac-inbound-outbound-en.csv');
const POPUP = { width: 560, height: 600 };

async function cliSummary(files, range) {
  const args = ['summarize', '--json'];
  if (range) args.push('--from', range.from, '--to', range.to);
  const cli = await runCli([...args, ...files]);
  assert.equal(cli.code, 0, cli.stderr);
  return JSON.parse(cli.stdout);
}

function sumColumn(chart, column) {
  return chart.reduce((sum, row) => sum + Number(row.cells[column]?.value || 0), 0);
}

describe('the views on the English portal export', () => {
  let extension;
  before(async () => {
    extension = await launchExtension();
    const { page, results } = await importFiles(extension, [ENGLISH_EXPORT]);
    assert.equal(results[0].status, 'ok');
    await page.close();
  });
  after(async () => {
    await extension?.close();
  });

  it('View details opens the flyout from the keyboard; Escape closes it and focus returns', async () => {
    const popup = await openPage(extension, 'popup.html', POPUP);
    const widget = await readWidget(popup);
    await popup.getByTestId('view-details').focus();
    await popup.keyboard.press('Enter');
    const flyout = popup.getByTestId('flyout');
    await flyout.waitFor();
    assert.equal(
      await flyout.evaluate((dialog) => dialog.open && dialog.contains(document.activeElement)),
      true,
    );
    // The same snapshot window and numbers as the widget: 41,754 in, 24,733 out.
    assert.equal(
      Number(await popup.getByTestId('flyout-inbound-messages').getAttribute('data-value')),
      41754,
    );
    assert.equal(
      Number(await popup.getByTestId('flyout-outbound-messages').getAttribute('data-value')),
      24733,
    );
    assert.equal(widget.inbound.messages, 41754);
    assert.equal(await popup.getByTestId('flyout-inbound-share-tls1.0').getAttribute('data-value'), '1.5');
    // The daily trend: the snapshot window's 7 days, data on the file's two.
    await popup.getByTestId('chart-table').waitFor({ state: 'attached' });
    const trend = await popup
      .getByTestId('chart-row')
      .evaluateAll((rows) => rows.map((row) => [row.dataset.date, Number(row.dataset.messages)]));
    assert.deepEqual(trend, [
      ['2025-02-26', 0],
      ['2025-02-27', 0],
      ['2025-02-28', 0],
      ['2025-03-01', 0],
      ['2025-03-02', 0],
      ['2025-03-03', 33428],
      ['2025-03-04', 33059],
    ]);
    await popup.keyboard.press('Escape');
    await flyout.waitFor({ state: 'detached' });
    assert.equal(await popup.evaluate(() => document.activeElement?.dataset.testid), 'view-details');
    assert.deepEqual(popup.errors, []);
    await popup.close();
  });

  it('the popup reaches the connector report from the flyout, with the snapshot window', async () => {
    const popup = await openPage(extension, 'popup.html', POPUP);
    await popup.getByTestId('view-details').click();
    await popup.getByTestId('open-connector-report').click();
    await waitForReport(popup, { from: '2025-02-26', to: '2025-03-04', view: 'mailflow', show: 'all' });
    const report = await readReport(popup);
    assert.equal(report.selectionMessages, 41754 + 24733);
    assert.equal(report.details.length, 10);
    assert.equal(await popup.getByTestId('flyout').count(), 1);
    await popup.getByTestId('flyout-close').click();
    await popup.getByTestId('flyout').waitFor({ state: 'detached' });
    assert.deepEqual(popup.errors, []);
    await popup.close();
  });

  it('report.html opens on the range, view and connector its URL names, with the CLI numbers', async () => {
    const page = await openPage(
      extension,
      'report.html?from=2025-03-03&to=2025-03-04&view=tls&show=inbound:Fabrikam%20Partner%20In',
    );
    await waitForReport(page, {
      from: '2025-03-03',
      to: '2025-03-04',
      view: 'tls',
      show: 'inbound:Fabrikam Partner In',
    });
    const report = await readReport(page);
    const cli = await cliSummary([ENGLISH_EXPORT], { from: '2025-03-03', to: '2025-03-04' });
    const fabrikam = cli.connectors.find((entry) => entry.connector === 'Fabrikam Partner In');
    assert.equal(fabrikam.messages, 1045);
    assert.equal(report.selectionMessages, fabrikam.messages);
    assert.equal(
      await page.locator('[data-testid="report-view"] [data-value="tls"]').getAttribute('aria-pressed'),
      'true',
    );
    // The summary on top is the whole range, as the CLI prints it.
    assert.deepEqual(report.summary, {
      inbound: cli.directions.inbound.messages,
      outbound: cli.directions.outbound.messages,
    });
    assert.equal(report.summary.inbound, 41754);
    // TLS usage per day: 330 of 534 (61.8 %) and 297 of 511 (58.1 %) used TLS 1.0.
    assert.equal(report.chartKind, 'tls');
    assert.deepEqual(
      report.chart.map((row) => [row.date, row.cells['tls1.0'], row.cells['tls1.2']]),
      [
        ['2025-03-03', { value: '61.8', count: 330 }, { value: '38.2', count: 204 }],
        ['2025-03-04', { value: '58.1', count: 297 }, { value: '41.9', count: 214 }],
      ],
    );
    assert.equal(
      report.chart.reduce((sum, row) => sum + row.cells['tls1.0'].count, 0),
      fabrikam.tls['tls1.0'],
    );
    assert.deepEqual(
      report.details.map((row) => [
        row.date,
        row.direction,
        row.connector,
        row.cells['tls1.0'],
        row.cells.volume,
      ]),
      [
        ['2025-03-03', 'inbound', 'Fabrikam Partner In', '61.8', '534'],
        ['2025-03-04', 'inbound', 'Fabrikam Partner In', '58.1', '511'],
      ],
    );
    assert.deepEqual(
      report.insights.map(({ direction, connector, kind }) => ({ direction, connector, kind })),
      cli.insights.map(({ direction, connector, kind }) => ({ direction, connector, kind })),
    );
    assert.match(report.insights[0].text, /60\.0 % of inbound mail used TLS 1\.0.*627 of 1,045 messages/);
    assert.deepEqual(page.errors, []);
    await page.close();
  });

  it('ignores URL values that are not valid and shows the default 7 days of all mail flow', async () => {
    const page = await openPage(extension, 'report.html?from=2025-02-30&to=soon&view=pie&show=sideways:x');
    await waitForReport(page, { from: '2025-02-26', to: '2025-03-04', view: 'mailflow', show: 'all' });
    const report = await readReport(page);
    assert.equal(report.selectionMessages, 66487);
    assert.deepEqual(page.errors, []);
    await page.close();
  });

  it('the view, selection and range go into the URL, and Back brings the previous ones back', async () => {
    const page = await openPage(extension, 'report.html');
    await waitForReport(page, { from: '2025-02-26', to: '2025-03-04', view: 'mailflow', show: 'all' });
    let report = await readReport(page);
    // Mail flow per day and direction: 21,215 in and 12,213 out on 2025-03-03 (product.md's example).
    assert.equal(report.chartKind, 'mailflow');
    const march3 = report.chart.find((row) => row.date === '2025-03-03');
    assert.deepEqual([march3.cells.inbound.value, march3.cells.outbound.value], ['21215', '12213']);
    assert.equal(sumColumn(report.chart, 'inbound'), 41754);
    assert.equal(sumColumn(report.chart, 'outbound'), 24733);
    // Days without data are gaps, not zeros.
    assert.equal(report.chart.find((row) => row.date === '2025-03-01').cells.inbound.value, '');

    await page.getByTestId('report-show').selectOption('outbound-none');
    await waitForReport(page, { from: '2025-02-26', to: '2025-03-04', show: 'outbound-none' });
    assert.match(page.url(), /\?show=outbound-none$/);
    report = await readReport(page);
    const cli = await cliSummary([ENGLISH_EXPORT]);
    assert.equal(
      report.selectionMessages,
      cli.connectors.find((c) => c.direction === 'outbound' && !c.connector).messages,
    );
    assert.equal(report.selectionMessages, 20132);
    assert.deepEqual(Object.keys(report.chart[0].cells), ['outbound']);

    await page.getByTestId('report-preset-30').click();
    await waitForReport(page, { from: '2025-02-03', to: '2025-03-04', show: 'outbound-none' });
    assert.match(page.url(), /\?from=2025-02-03&to=2025-03-04&show=outbound-none$/);
    assert.equal(await page.getByTestId('report-preset-30').getAttribute('aria-pressed'), 'true');
    await page.locator('[data-testid="report-view"] [data-value="tls"]').click();
    await waitForReport(page, { from: '2025-02-03', to: '2025-03-04', view: 'tls' });
    assert.match(page.url(), /view=tls/);

    await page.goBack();
    await waitForReport(page, { from: '2025-02-03', to: '2025-03-04', view: 'mailflow' });
    await page.goBack();
    await waitForReport(page, { from: '2025-02-26', to: '2025-03-04', show: 'outbound-none' });
    await page.goBack();
    await waitForReport(page, { from: '2025-02-26', to: '2025-03-04', show: 'all' });
    assert.deepEqual(page.errors, []);
    await page.close();
  });

  it('the details table has the portal columns, one row per date × connector, sortable by any header', async () => {
    const page = await openPage(extension, 'report.html?from=2025-03-03&to=2025-03-04');
    await waitForReport(page, { from: '2025-03-03', to: '2025-03-04' });
    let report = await readReport(page);
    // No TLS 1.3 in this export: the portal's nine columns exactly.
    assert.deepEqual(report.columns, [
      'date',
      'connector',
      'type',
      'forcedTls',
      'none',
      'tls1.0',
      'tls1.1',
      'tls1.2',
      'volume',
    ]);
    assert.equal(report.details.length, 10);
    assert.deepEqual(report.details[0].cells, {
      date: '2025-03-03',
      connector: '',
      type: '',
      forcedTls: 'False',
      none: '2.1',
      'tls1.0': '0.0',
      'tls1.1': '0.0',
      'tls1.2': '97.9',
      volume: '18211',
    });
    const volumeHeader = page.locator('[data-testid="details-table"] th[data-column="volume"]');
    await volumeHeader.getByRole('button').click();
    assert.equal(await volumeHeader.getAttribute('aria-sort'), 'ascending');
    report = await readReport(page);
    assert.deepEqual(
      report.details.slice(0, 2).map((row) => row.cells.volume),
      ['511', '534'],
    );
    await volumeHeader.getByRole('button').click();
    assert.equal(await volumeHeader.getAttribute('aria-sort'), 'descending');
    report = await readReport(page);
    assert.deepEqual(
      report.details.slice(0, 2).map((row) => row.cells.volume),
      ['18211', '17640'],
    );
    assert.equal(
      await page.locator('[data-testid="details-table"] th[data-column="date"]').getAttribute('aria-sort'),
      'none',
    );
    await page.close();
  });
});
