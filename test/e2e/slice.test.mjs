// The first vertical slice, end to end in the real browser: an export file goes in through
// import.html, lands in IndexedDB, and the popup's widget shows the same numbers as the CLI.
import assert from 'node:assert/strict';
import { resolve } from 'node:path';
import { after, before, describe, it } from 'node:test';
import {
  importFiles,
  launchExtension,
  openPage,
  readWidget,
  runCli,
  SHARED_FIXTURES,
} from '../../scripts/chromium-extension.mjs';

const ENGLISH_EXPORT = resolve(SHARED_FIXTURES, 'eac-inbound-outbound-en.csv');

describe('export file → IndexedDB → popup widget', () => {
  let extension;
  before(async () => {
    extension = await launchExtension();
  });
  after(async () => {
    await extension?.close();
  });

  it('an empty profile shows how to get data instead of numbers', async () => {
    const popup = await openPage(extension, 'popup.html', { width: 440, height: 600 });
    await popup.getByTestId('empty-state').waitFor();
    assert.equal(await popup.getByTestId('widget').count(), 0);
    assert.deepEqual(popup.errors, []);
    await popup.close();
  });

  it('importing the English portal export reports every row read and none rejected', async () => {
    const { page, results } = await importFiles(extension, [ENGLISH_EXPORT]);
    assert.equal(results.length, 1);
    assert.equal(results[0].status, 'ok');
    assert.equal(results[0].phase, 'imported');
    assert.equal(results[0].rows, 10);
    assert.equal(results[0].rejected, 0);
    assert.match(results[0].text, /2 days · 5 connectors · 0 records replaced/);
    assert.deepEqual(page.errors, []);
    await page.close();
  });

  it('the popup widget shows the hand-checked snapshot numbers, equal to the CLI for the same window', async () => {
    const popup = await openPage(extension, 'popup.html', { width: 440, height: 600 });
    const widget = await readWidget(popup);
    // Latest date in the file is 2025-03-04, so the snapshot window is the 7 days ending there.
    assert.deepEqual(widget.range, { from: '2025-02-26', to: '2025-03-04' });
    // Inbound: 18211 + 534 + 2470 + 17640 + 511 + 2388. Counts by largest remainder per row:
    // none 382 + 423 = 805, TLS 1.0 330 + 297 = 627, TLS 1.2 the remaining 40322.
    assert.equal(widget.inbound.messages, 41754);
    assert.deepEqual(widget.inbound.shares, {
      none: '1.9',
      'tls1.0': '1.5',
      'tls1.1': '0.0',
      'tls1.2': '96.6',
      'tls1.3': '0.0',
    });
    // Outbound: 9902 + 2311 + 10230 + 2290; none 337 + 2813 = 3150, TLS 1.2 21583.
    assert.equal(widget.outbound.messages, 24733);
    assert.deepEqual(widget.outbound.shares, {
      none: '12.7',
      'tls1.0': '0.0',
      'tls1.1': '0.0',
      'tls1.2': '87.3',
      'tls1.3': '0.0',
    });
    // Fabrikam Partner In: TLS 1.0 627 of 1045 messages (60 %) is over the 50 % threshold.
    assert.equal(widget.insights, 1);
    const insight = popup.getByTestId('insight');
    assert.equal(await insight.getAttribute('data-direction'), 'inbound');
    assert.equal(await insight.getAttribute('data-connector'), 'Fabrikam Partner In');
    assert.equal(await insight.getAttribute('data-kind'), 'tls1.0');

    const cli = await runCli([
      'summarize',
      '--json',
      '--from',
      widget.range.from,
      '--to',
      widget.range.to,
      ENGLISH_EXPORT,
    ]);
    assert.equal(cli.code, 0, cli.stderr);
    const summary = JSON.parse(cli.stdout);
    for (const direction of ['inbound', 'outbound']) {
      assert.equal(widget[direction].messages, summary.directions[direction].messages);
      const tls = summary.directions[direction].tls;
      assert.equal(tls.none, direction === 'inbound' ? 805 : 3150);
      for (const bucket of ['none', 'tls1.0', 'tls1.1', 'tls1.2', 'tls1.3']) {
        const share = ((tls[bucket] / summary.directions[direction].messages) * 100).toFixed(1);
        assert.equal(
          Math.abs(Number(widget[direction].shares[bucket]) - Number(share)) <= 0.1,
          true,
          `${direction} ${bucket}`,
        );
      }
    }
    assert.equal(summary.insights.length, widget.insights);
    assert.deepEqual(popup.errors, []);
    await popup.close();
  });

  it('re-importing the same export replaces its records instead of doubling them', async () => {
    const { page, results } = await importFiles(extension, [ENGLISH_EXPORT]);
    assert.match(results[0].text, /10 records replaced/);
    await page.close();
    const popup = await openPage(extension, 'popup.html', { width: 440, height: 600 });
    const widget = await readWidget(popup);
    assert.equal(widget.inbound.messages, 41754);
    assert.equal(widget.outbound.messages, 24733);
    await popup.close();
  });
});
