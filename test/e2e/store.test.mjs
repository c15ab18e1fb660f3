// The store in the real browser (Chromium's IndexedDB): a failed import leaves everything as it
// was, and a backup made in Settings restores to the same numbers after Delete all data.
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { after, before, describe, it } from 'node:test';
import {
  FIXTURES,
  importFiles,
  launchExtension,
  openPage,
  readWidget,
  SHARED_FIXTURES,
} from '../../scripts/chromium-extension.mjs';

const ENGLISH_EXPORT = resolve(SHARED_FIXTURES, 'eac-inbound-outbound-en.csv');
const EXPECTED = { range: { from: '2025-02-26', to: '2025-03-04' }, inbound: 41754, outbound: 24733 };

async function widgetNumbers(extension) {
  const popup = await openPage(extension, 'popup.html', { width: 440, height: 600 });
  const widget = await readWidget(popup);
  await popup.close();
  return { range: widget.range, inbound: widget.inbound.messages, outbound: widget.outbound.messages };
}

describe('the store in Chromium', () => {
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

  it('an import interrupted by an error leaves the database unchanged', async () => {
    // The first row (a new connector in March) is written into the transaction before the April
    // row's count turns out too large to store: the whole import must be rolled back.
    const { page, results } = await importFiles(extension, [resolve(FIXTURES, 'store/count-too-large.csv')]);
    assert.equal(results[0].phase, 'error');
    assert.match(
      results[0].text,
      /Nothing was stored: 2025-04-01, Contoso New Partner: 5,000,000,000 TLS 1\.2 messages/,
    );
    await page.close();
    assert.deepEqual(await widgetNumbers(extension), EXPECTED);
  });

  it('insight thresholds saved in Settings change the popup insights', async () => {
    const options = await openPage(extension, 'options.html');
    await options.getByTestId('threshold-noTls').fill('10');
    await options.getByTestId('thresholds-save').click();
    await options.getByText('Saved.').waitFor();
    const popup = await openPage(extension, 'popup.html', { width: 560, height: 600 });
    const widget = await readWidget(popup);
    // Outbound without a connector: No TLS 337 + 2813 = 3150 of 20132 messages, 15.6 %: over 10 %.
    assert.equal(widget.insights, 2);
    const kinds = await popup
      .getByTestId('insight')
      .evaluateAll((els) =>
        els.map((el) => `${el.dataset.direction}/${el.dataset.connector}/${el.dataset.kind}`),
      );
    assert.deepEqual(kinds.sort(), ['inbound/Fabrikam Partner In/tls1.0', 'outbound//no-tls']);
    await popup.close();
    await options.getByRole('button', { name: 'Portal defaults' }).click();
    await options.getByTestId('thresholds-save').click();
    await options.getByText('Saved.').waitFor();
    await options.close();
  });

  it('a backup downloaded in Settings restores the same numbers and settings after Delete all data', async () => {
    const options = await openPage(extension, 'options.html');
    // A No TLS threshold of the person's own (10 %), which the backup must keep.
    await options.getByTestId('threshold-noTls').fill('10');
    await options.getByTestId('thresholds-save').click();
    await options.getByText('Saved.').waitFor();
    const [download] = await Promise.all([
      options.waitForEvent('download'),
      options.getByTestId('backup-download').click(),
    ]);
    const backupPath = await download.path();
    const backup = JSON.parse(await readFile(backupPath, 'utf8'));
    assert.equal(backup.format, 'mailflow-lens-backup');
    assert.equal(
      backup.months.reduce((total, pack) => total + pack.days.length, 0),
      10,
    );
    assert.deepEqual(backup.preferences.settings, {
      currentDataset: 'default',
      autoCapture: true,
      thresholds: { noTls: 0.1, tls10: 0.5, minMessages: 1 },
    });
    // Back to the portal's thresholds before everything goes: the restore must bring 10 % back.
    await options.getByRole('button', { name: 'Portal defaults' }).click();
    await options.getByTestId('thresholds-save').click();
    await options.getByText('Saved.').waitFor();

    options.on('dialog', (dialog) => dialog.accept());
    await options.getByTestId('delete-all').click();
    await options.getByText('All data was deleted.').waitFor();
    const emptyPopup = await openPage(extension, 'popup.html', { width: 440, height: 600 });
    await emptyPopup.getByTestId('empty-state').waitFor();
    await emptyPopup.close();

    await options.getByTestId('backup-restore').setInputFiles(backupPath);
    await options
      .getByTestId('backup-status')
      .filter({ hasText: 'Restored 1 dataset, 10 records and 1 import, the settings and 0 column mappings' })
      .waitFor();
    assert.deepEqual(await widgetNumbers(extension), EXPECTED);
    // The restored 10 % threshold: the outbound no-connector path's 15.6 % No TLS is an insight again.
    const popup = await openPage(extension, 'popup.html', { width: 560, height: 600 });
    assert.equal((await readWidget(popup)).insights, 2);
    await popup.close();
    await options.reload();
    assert.equal(await options.getByTestId('threshold-noTls').inputValue(), '10');
    assert.deepEqual(options.errors, []);
    await options.close();
  });
});
