// The import page in the real browser: every way in (drop, pick many, paste), the decisions a
// file can need (rejected lines, unrecognised columns), undo, and the dataset imports go into.
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { after, before, describe, it } from 'node:test';
import {
  FIXTURES,
  launchExtension,
  openPage,
  SHARED_FIXTURES,
  waitForReport,
} from '../../scripts/chromium-extension.mjs';
import { acceptDialogs, phases, popupWidget, resetExtension, settledResults } from './import-helpers.mjs';

const ENGLISH = resolve(SHARED_FIXTURES, 'eac-inbound-outbound-en.csv');
const FRENCH = resolve(SHARED_FIXTURES, 'eac-entrants-sortants-fr.csv');
const COUNTS = resolve(SHARED_FIXTURES, 'mailflow-lens-counts.csv');
const BAD_LINES = resolve(FIXTURES, 'formats/quoted-names-crlf.csv');
const CUSTOM_HEADER = resolve(FIXTURES, 'formats/custom-header.csv');

const ENGLISH_WIDGET = {
  range: { from: '2025-02-26', to: '2025-03-04' },
  inbound: {
    messages: 41754,
    shares: { none: '1.9', 'tls1.0': '1.5', 'tls1.1': '0.0', 'tls1.2': '96.6', 'tls1.3': '0.0' },
  },
  outbound: {
    messages: 24733,
    shares: { none: '12.7', 'tls1.0': '0.0', 'tls1.1': '0.0', 'tls1.2': '87.3', 'tls1.3': '0.0' },
  },
  insights: 1,
};

function numbersOf(widget) {
  const { range, inbound, outbound, insights } = widget;
  return { range, inbound, outbound, insights };
}

// One browser for the file (starting one takes seconds); each group starts from empty storage.
const state = {};
before(async () => {
  state.extension = await launchExtension();
});
after(async () => {
  await state.extension?.close();
});

function fromEmptyStorage() {
  before(async () => {
    await resetExtension(state.extension);
  });
}

describe('getting files in', () => {
  fromEmptyStorage();

  it('a file dropped on the drop zone is imported and the widget shows its numbers', async () => {
    const page = await openPage(state.extension, 'import.html');
    const text = await readFile(ENGLISH, 'utf8');
    await page.evaluate((text) => {
      const transfer = new DataTransfer();
      transfer.items.add(new File([text], 'dropped-en.csv', { type: 'text/csv' }));
      const zone = document.querySelector('[data-testid="import-drop-zone"]');
      for (const type of ['dragenter', 'dragover', 'drop']) {
        zone.dispatchEvent(new DragEvent(type, { bubbles: true, cancelable: true, dataTransfer: transfer }));
      }
    }, text);
    const [result] = await settledResults(page, 1);
    assert.deepEqual(
      [result.name, result.status, result.phase, result.rows, result.rejected],
      ['dropped-en.csv', 'ok', 'imported', 10, 0],
    );
    assert.match(result.text, /2 days · 5 connectors · 0 records replaced · into My organisation/);
    assert.deepEqual(page.errors, []);
    await page.close();
    assert.deepEqual(numbersOf(await popupWidget(state.extension)), ENGLISH_WIDGET);
  });

  it('pasted CSV text is imported as a file named after the moment it was pasted', async () => {
    const page = await openPage(state.extension, 'import.html');
    await page.getByTestId('import-paste').fill(await readFile(COUNTS, 'utf8'));
    await page.getByTestId('import-paste-submit').click();
    const [result] = await settledResults(page, 1);
    assert.match(result.name, /^pasted-\d{4}-\d{2}-\d{2}T\d{2}-\d{2}\.csv$/);
    assert.deepEqual([result.status, result.rows, result.rejected], ['ok', 7, 0]);
    // The counts file's 2025-03-03 records replace the English export's for the same paths.
    // (Its Fabrikam connector is spelled differently, so that one is a new record.)
    assert.match(result.text, /1 day · 3 connectors · 2 records replaced/);
    assert.equal(await page.getByTestId('import-paste').inputValue(), '');
    await page.close();
  });

  it('many files picked at once each get a result, and the progress bar ends at 100 %', async () => {
    const page = await openPage(state.extension, 'import.html');
    await page.getByTestId('import-input').setInputFiles([ENGLISH, FRENCH, COUNTS]);
    const results = await settledResults(page, 3);
    assert.deepEqual(
      results.map(({ name, status, rows }) => [name, status, rows]),
      [
        ['eac-inbound-outbound-en.csv', 'ok', 10],
        ['eac-entrants-sortants-fr.csv', 'ok', 4],
        ['mailflow-lens-counts.csv', 'ok', 7],
      ],
    );
    const progress = page.getByTestId('import-progress');
    assert.equal(await progress.getAttribute('data-value'), '100');
    assert.match(await progress.textContent(), /3 of 3 files read/);
    await page.close();
  });
});

describe('a long file', () => {
  fromEmptyStorage();

  it('is read in chunks with the progress bar moving through the bytes, and every row counted', async () => {
    const page = await openPage(state.extension, 'import.html');
    await page.evaluate(() => {
      window.progressSeen = [];
      new MutationObserver(() => {
        const value = document.querySelector('[data-testid="import-progress"]')?.getAttribute('data-value');
        if (value != null) window.progressSeen.push(Number(value));
      }).observe(document.body, { subtree: true, childList: true, attributes: true });
      // 300,000 messages over three days, about 17 MB: a per-message historical search export.
      // Built in the page (sending 17 MB through the test protocol takes longer than reading it).
      const lines = ['Timestamp,Direction,ConnectorName,TLS,SenderAddress'];
      for (let index = 0; index < 300_000; index++) {
        const minute = String(index % 60).padStart(2, '0');
        const tls = index % 4 === 0 ? 'No Tls' : 'TLS1.2';
        lines.push(
          `2025-03-0${3 + (index % 3)}T12:${minute}:00Z,Received,Fabrikam In,${tls},sender${index}@fabrikam.example`,
        );
      }
      const transfer = new DataTransfer();
      transfer.items.add(new File([`${lines.join('\n')}\n`], 'historical-search.csv', { type: 'text/csv' }));
      const input = document.querySelector('[data-testid="import-input"]');
      input.files = transfer.files;
      input.dispatchEvent(new Event('change', { bubbles: true }));
    });
    const [result] = await settledResults(page, 1);
    assert.deepEqual([result.status, result.rows, result.rejected], ['ok', 300_000, 0]);
    const seen = await page.evaluate(() => window.progressSeen);
    assert.ok(
      seen.some((value) => value > 0 && value < 100),
      `progress went ${seen.join(', ')}`,
    );
    assert.equal(seen.at(-1), 100);
    await page.close();
    const widget = await popupWidget(state.extension);
    assert.equal(widget.inbound.messages, 300_000);
    assert.equal(widget.inbound.shares.none, '25.0');
  });
});

describe('a file with rejected lines waits for a decision', () => {
  fromEmptyStorage();

  it('"import the rest" stores the good rows and the widget shows exactly them', async () => {
    const page = await openPage(state.extension, 'import.html');
    await page.getByTestId('import-input').setInputFiles(BAD_LINES);
    const [waiting] = await settledResults(page, 1);
    assert.deepEqual(
      [waiting.status, waiting.phase, waiting.rows, waiting.rejected],
      ['partial', 'review', 6, 3],
    );
    assert.match(waiting.text, /Line 5: messages: 'abc' is not a number/);
    assert.match(waiting.text, /Line 6: direction: 'sideways' does not say Inbound or Outbound/);
    assert.match(waiting.text, /Line 8: tls: 'SSL3' is not a TLS version/);
    assert.equal(await popupWidget(state.extension), null, 'nothing is stored before the decision');
    await page.getByTestId('import-rest').click();
    await phases(page, ['imported']);
    const [done] = await settledResults(page, 1);
    assert.equal(done.phase, 'imported');
    await page.close();
    // Good rows: inbound Relay 10 × TLS 1.2 and Two-line 5 × TLS 1.3; outbound 7 × No TLS.
    assert.deepEqual(numbersOf(await popupWidget(state.extension)), {
      range: { from: '2025-02-26', to: '2025-03-04' },
      inbound: {
        messages: 15,
        shares: { none: '0.0', 'tls1.0': '0.0', 'tls1.1': '0.0', 'tls1.2': '66.7', 'tls1.3': '33.3' },
      },
      outbound: {
        messages: 7,
        shares: { none: '100.0', 'tls1.0': '0.0', 'tls1.1': '0.0', 'tls1.2': '0.0', 'tls1.3': '0.0' },
      },
      insights: 1,
    });
  });

  it('"import nothing" leaves the stored numbers as they were', async () => {
    const before = await popupWidget(state.extension);
    const page = await openPage(state.extension, 'import.html');
    const english = await readFile(ENGLISH, 'utf8');
    await page.getByTestId('import-input').setInputFiles({
      name: 'english-with-a-bad-line.csv',
      mimeType: 'text/csv',
      buffer: Buffer.from(`${english}2025-03-05,Inbound - X,,False,x%,0%,0%,100%,10\n`),
    });
    const [waiting] = await settledResults(page, 1);
    assert.deepEqual([waiting.phase, waiting.rows, waiting.rejected], ['review', 11, 1]);
    assert.match(waiting.text, /Line 12: No TLS: 'x%' is not a number/);
    await page.getByTestId('import-nothing').click();
    await phases(page, ['discarded']);
    const [discarded] = await settledResults(page, 1);
    assert.equal(discarded.phase, 'discarded');
    await page.close();
    assert.deepEqual(await popupWidget(state.extension), before);
  });
});

describe('columns the reader does not recognise', () => {
  fromEmptyStorage();

  it('are mapped by hand in the form, and the file is read with exact numbers', async () => {
    const page = await openPage(state.extension, 'import.html');
    await page.getByTestId('import-input').setInputFiles(CUSTOM_HEADER);
    const [asking] = await settledResults(page, 1);
    assert.deepEqual([asking.status, asking.phase], ['error', 'question']);
    const form = page.getByTestId('mapping-form');
    assert.match(await form.textContent(), /nothing found for Date, Connector direction and name, Volume/);
    // The recognised TLS columns are already filled in from their labels.
    assert.equal(await page.getByTestId('mapping-field-tls:tls1.2').inputValue(), 'TLS 1.2');
    await page.getByTestId('mapping-field-date').selectOption('Report day');
    await page.getByTestId('mapping-field-directionAndName').selectOption('Flow');
    await page.getByTestId('mapping-field-tls:none').selectOption('Plain');
    await page.getByTestId('mapping-field-volume').selectOption('Total mails');
    await page.getByTestId('mapping-submit').click();
    await phases(page, ['imported']);
    const [read] = await settledResults(page, 1);
    assert.deepEqual([read.status, read.phase, read.rows, read.rejected], ['ok', 'imported', 3, 0]);
    assert.deepEqual(page.errors, []);
    await page.close();
    // Contoso In: 200 × 10 % + 100 × 5 % = 25 of 300 without TLS (the mapped "Plain" column).
    assert.deepEqual(numbersOf(await popupWidget(state.extension)), {
      range: { from: '2025-02-26', to: '2025-03-04' },
      inbound: {
        messages: 300,
        shares: { none: '8.3', 'tls1.0': '0.0', 'tls1.1': '0.0', 'tls1.2': '91.7', 'tls1.3': '0.0' },
      },
      outbound: {
        messages: 50,
        shares: { none: '0.0', 'tls1.0': '0.0', 'tls1.1': '0.0', 'tls1.2': '100.0', 'tls1.3': '0.0' },
      },
      insights: 0,
    });
  });

  it('the next file with the same header is read with the remembered mapping, without asking', async () => {
    const page = await openPage(state.extension, 'import.html');
    await page.getByTestId('import-input').setInputFiles({
      name: 'next-week.csv',
      mimeType: 'text/csv',
      buffer: Buffer.from(
        'Report day,Flow,Plain,TLS 1.0,TLS 1.1,TLS 1.2,Total mails\n2025-03-05,Inbound - Contoso In,50%,0%,0%,50%,100\n',
      ),
    });
    const [result] = await settledResults(page, 1);
    assert.deepEqual([result.status, result.phase, result.rows], ['ok', 'imported', 1]);
    assert.match(result.text, /columns mapped as remembered for this header/);
    assert.equal(await page.getByTestId('mapping-form').count(), 0);
    await page.close();
    const widget = await popupWidget(state.extension);
    assert.deepEqual(widget.range, { from: '2025-02-27', to: '2025-03-05' });
    // 300 + 100 inbound, 25 + 50 of them without TLS: 18.75 % and 81.25 %, and the tie for the
    // last tenth goes to TLS 1.2 (bucket order), so 18.7 + 81.3.
    assert.equal(widget.inbound.messages, 400);
    assert.equal(widget.inbound.shares.none, '18.7');
    assert.equal(widget.inbound.shares['tls1.2'], '81.3');
  });
});

/** The English export, then the file with rejected lines (its good rows imported): they overlap on 2025-03-04. */
async function importEnglishThenBadLines(page) {
  await page.getByTestId('import-input').setInputFiles(ENGLISH);
  await settledResults(page, 1);
  await page.getByTestId('import-input').setInputFiles(BAD_LINES);
  await settledResults(page, 2);
  await page.getByTestId('import-rest').click();
  await phases(page, ['imported', 'imported']);
}

describe('undo and datasets', () => {
  fromEmptyStorage();

  it('undoing the last import takes the widget back; an earlier one overlapped by it is refused', async () => {
    const page = await openPage(state.extension, 'import.html');
    await importEnglishThenBadLines(page);
    const [second, first] = await settledResults(page, 2);
    assert.deepEqual([second.phase, first.phase], ['imported', 'imported']);
    const both = await popupWidget(state.extension);
    assert.equal(both.inbound.messages, 41754 + 15);

    // The first import's records were partly replaced by the second (same 2025-03-04 no-connector path).
    await page.getByTestId('import-result').nth(1).getByTestId('import-undo').click();
    await page.getByTestId('import-result').nth(1).getByRole('alert').waitFor();
    assert.match(
      await page.getByTestId('import-result').nth(1).textContent(),
      /Not undone: "quoted-names-crlf.csv", imported after "eac-inbound-outbound-en.csv", replaced some of the same days\. Undo it first\./,
    );

    await page.getByTestId('import-result').first().getByTestId('import-undo').click();
    await phases(page, ['undone', 'imported']);
    const [undone] = await settledResults(page, 2);
    assert.equal(undone.phase, 'undone');
    // Its two inbound records were new; its outbound 2025-03-04 record had replaced the English one.
    assert.match(undone.text, /Undone: 2 records removed, 1 record put back as they were/);
    assert.deepEqual(numbersOf(await popupWidget(state.extension)), ENGLISH_WIDGET);

    await page.getByTestId('import-result').nth(1).getByTestId('import-undo').click();
    await phases(page, ['undone', 'undone']);
    const [, undoneFirst] = await settledResults(page, 2);
    assert.equal(undoneFirst.phase, 'undone');
    assert.equal(await popupWidget(state.extension), null);
    await page.close();
  });

  it('a file imported into a new dataset shows in the popup, and the old dataset is still there', async () => {
    const page = await openPage(state.extension, 'import.html');
    await page.getByTestId('import-input').setInputFiles(ENGLISH);
    await settledResults(page, 1);
    await page.getByTestId('import-dataset').selectOption({ label: 'New dataset…' });
    await page.getByTestId('import-dataset-name').fill('Contoso EU');
    await page.getByTestId('import-dataset-create').click();
    await page.waitForFunction(
      () => document.querySelector('[data-testid="import-dataset"]').value === 'contoso-eu',
    );
    await page.getByTestId('import-input').setInputFiles(FRENCH);
    const [french] = await settledResults(page, 2);
    assert.match(french.text, /into Contoso EU/);

    // The popup shows the current dataset: only the French file, latest day 13 March.
    const contoso = await popupWidget(state.extension);
    assert.deepEqual(contoso.range, { from: '2025-03-07', to: '2025-03-13' });
    assert.equal(contoso.inbound.messages, 0);
    assert.equal(contoso.outbound.messages, 9902 + 2311);

    await page.getByTestId('import-dataset').selectOption('default');
    await page.close();
    assert.deepEqual(numbersOf(await popupWidget(state.extension)), ENGLISH_WIDGET);
  });

  it('Settings deletes the dataset in view and shows the default again; the default is emptied, never removed', async () => {
    // Continues from the test above: "My organisation" holds the English file, Contoso EU the French one.
    const options = await openPage(state.extension, 'options.html');
    const questions = acceptDialogs(options);
    const rows = options.getByTestId('dataset-row');
    await rows.filter({ hasText: 'Contoso EU' }).getByRole('radio').check();
    await options.getByText('Now showing Contoso EU.').waitFor();
    assert.equal((await popupWidget(state.extension)).outbound.messages, 9902 + 2311);

    await rows.filter({ hasText: 'Contoso EU' }).getByRole('button', { name: 'Delete Contoso EU' }).click();
    await options.getByText('Deleted Contoso EU.').waitFor();
    assert.deepEqual(await rows.evaluateAll((els) => els.map((el) => el.dataset.id)), ['default']);
    assert.equal(await rows.getByRole('radio').isChecked(), true);
    assert.deepEqual(numbersOf(await popupWidget(state.extension)), ENGLISH_WIDGET);

    const emptyDefault = rows.getByRole('button', { name: 'Delete the data in My organisation' });
    assert.equal(await emptyDefault.textContent(), 'Delete data');
    await emptyDefault.click();
    await options.getByText('Deleted everything in My organisation.').waitFor();
    assert.deepEqual(questions, [
      'Delete "Contoso EU" and all its records and imports?',
      'Delete all records and imports in "My organisation"? The dataset itself stays, empty.',
    ]);
    assert.deepEqual(await rows.evaluateAll((els) => els.map((el) => el.dataset.id)), ['default']);
    assert.equal(await popupWidget(state.extension), null);
    await options.close();
  });
});

describe('the import log', () => {
  fromEmptyStorage();

  /** The log's rows, top to bottom: file name and the numbers behind each cell. */
  const logRows = (page) =>
    page.getByTestId('import-history-row').evaluateAll((rows) =>
      rows.map((row) => {
        const [rowsRead, days, connectors, records] = [...row.querySelectorAll('td[data-value]')].map(
          (cell) => Number(cell.dataset.value),
        );
        return [row.querySelector('.file-name').textContent, rowsRead, days, connectors, records];
      }),
    );

  it('lists every import into the dataset, also those made before the page opened, newest first', async () => {
    const first = await openPage(state.extension, 'import.html');
    await first.getByTestId('import-history-empty').waitFor();
    assert.equal(
      await first.getByTestId('import-history-empty').textContent(),
      'Nothing has been imported into My organisation yet.',
    );
    await importEnglishThenBadLines(first);
    await first.close();

    const page = await openPage(state.extension, 'import.html');
    await page.getByTestId('import-history-row').nth(1).waitFor();
    assert.deepEqual(await logRows(page), [
      ['quoted-names-crlf.csv', 6, 2, 3, 3],
      ['eac-inbound-outbound-en.csv', 10, 2, 5, 10],
    ]);
    // No results on this page: the log is read from the database.
    assert.equal(await page.getByTestId('import-result').count(), 0);
    await page.close();
  });

  it('Undo in the log is refused for an import a later one overlapped, and undoes the newest', async () => {
    const page = await openPage(state.extension, 'import.html');
    const questions = acceptDialogs(page);
    const rows = page.getByTestId('import-history-row');
    await rows.nth(1).waitFor();

    await rows.nth(1).getByTestId('import-history-undo').click();
    await page.getByTestId('import-history-notice').waitFor();
    assert.match(
      await page.getByTestId('import-history-notice').textContent(),
      /^Not undone: "quoted-names-crlf\.csv", imported after "eac-inbound-outbound-en\.csv", replaced some of the same days\. Undo it first\.$/,
    );
    assert.equal(await rows.count(), 2);

    await rows.first().getByTestId('import-history-undo').click();
    await page
      .getByText('Undone "quoted-names-crlf.csv": 2 records removed, 1 record put back as they were.')
      .waitFor();
    await page.waitForFunction(
      () => document.querySelectorAll('[data-testid="import-history-row"]').length === 1,
    );
    assert.match(
      questions[1],
      /^Undo the import of "quoted-names-crlf\.csv" \(.+\)\? 2 new records are removed, and 1 record it replaced is put back as before\.$/,
    );
    assert.deepEqual(numbersOf(await popupWidget(state.extension)), ENGLISH_WIDGET);
    await page.close();
  });

  it('follows imports, undos and the dataset chosen on the page', async () => {
    const page = await openPage(state.extension, 'import.html');
    acceptDialogs(page);
    const rows = page.getByTestId('import-history-row');
    await rows.first().waitFor();
    await page.getByTestId('import-input').setInputFiles(FRENCH);
    await settledResults(page, 1);
    await page.waitForFunction(
      () => document.querySelectorAll('[data-testid="import-history-row"]').length === 2,
    );
    assert.equal((await logRows(page))[0][0], 'eac-entrants-sortants-fr.csv');

    // Undone in the log: the file's result on the page says so too.
    await rows.first().getByTestId('import-history-undo').click();
    await phases(page, ['undone']);
    await page.waitForFunction(
      () => document.querySelectorAll('[data-testid="import-history-row"]').length === 1,
    );

    await page.getByTestId('import-dataset').selectOption({ label: 'New dataset…' });
    await page.getByTestId('import-dataset-name').fill('Fabrikam');
    await page.getByTestId('import-dataset-create').click();
    await page.getByText('Nothing has been imported into Fabrikam yet.').waitFor();
    await page.getByTestId('import-dataset').selectOption('default');
    await page.waitForFunction(
      () => document.querySelectorAll('[data-testid="import-history-row"]').length === 1,
    );
    assert.equal((await logRows(page))[0][0], 'eac-inbound-outbound-en.csv');
    await page.close();
  });

  it('an import in another tab, or another dataset chosen in Settings, shows in pages already open', async () => {
    // Continues from the test above: the default dataset holds the English export (to 2025-03-04).
    const watching = await openPage(state.extension, 'import.html');
    await watching.getByTestId('import-history-row').first().waitFor();
    const report = await openPage(state.extension, 'report.html');
    await waitForReport(report, ENGLISH_WIDGET.range);

    const importing = await openPage(state.extension, 'import.html');
    await importing.getByTestId('import-input').setInputFiles(FRENCH);
    await settledResults(importing, 1);

    await watching.waitForFunction(
      () => document.querySelectorAll('[data-testid="import-history-row"]').length === 2,
    );
    assert.equal((await logRows(watching))[0][0], 'eac-entrants-sortants-fr.csv');
    // The default range is the 7 days ending at the latest date, now the French file's 13 March.
    await waitForReport(report, { from: '2025-03-07', to: '2025-03-13' });

    // Another dataset chosen in Settings: the open report shows that one (Fabrikam is empty).
    const options = await openPage(state.extension, 'options.html');
    await options.getByTestId('dataset-row').filter({ hasText: 'Fabrikam' }).getByRole('radio').check();
    await report.getByTestId('empty-state').waitFor();
    // The open import page too: new files would go into Fabrikam, and its log is Fabrikam's.
    await watching.getByText('Nothing has been imported into Fabrikam yet.').waitFor();
    assert.equal(await watching.getByTestId('import-dataset').inputValue(), 'fabrikam');
    await options
      .getByTestId('dataset-row')
      .filter({ hasText: 'My organisation' })
      .getByRole('radio')
      .check();
    await waitForReport(report, { from: '2025-03-07', to: '2025-03-13' });

    // A dataset made on the import page shows in the open Settings, as the one in view.
    await importing.getByTestId('import-dataset').selectOption({ label: 'New dataset…' });
    await importing.getByTestId('import-dataset-name').fill('Northwind');
    await importing.getByTestId('import-dataset-create').click();
    await options.waitForFunction(
      () =>
        document.querySelector('[data-testid="dataset-row"][data-id="northwind"] input')?.checked === true,
    );
    await report.getByTestId('empty-state').waitFor();
    await Promise.all([watching.close(), report.close(), importing.close(), options.close()]);
  });
});
