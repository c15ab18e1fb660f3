// The popup in Chromium: it lists the insights that affect the most messages first, three of them,
// and the rest on request (a large tenant can have dozens, and the popup is a glance); and it paints
// from the copy of the widget snapshot in localStorage, which the settings and IndexedDB correct.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import {
  importFiles,
  launchExtension,
  openPage,
  readWidget,
  readWidgetCopy,
} from '../../scripts/chromium-extension.mjs';

// One day, six insights. Messages affected: Partner D 1,800 (TLS 1.0), Partner B 1,600 (TLS 1.0),
// the outbound no-connector path 1,600 (No TLS), Partner A 900, Partner C 350, Partner E Out 55.
const EXPORT = [
  'Date,Connector direction and name,Connector type,Forced TLS?,No TLS,TLS 1.0,TLS 1.1,TLS 1.2,Volume',
  '2025-03-03,Inbound - Partner A,Partner,True,0%,90%,0%,10%,1000',
  '2025-03-03,Inbound - Partner B,Partner,True,0%,80%,0%,20%,2000',
  '2025-03-03,Inbound - Partner C,Partner,True,0%,70%,0%,30%,500',
  '2025-03-03,Inbound - Partner D,Partner,True,0%,60%,0%,40%,3000',
  '2025-03-03,Outbound - Partner E Out,Partner,True,0%,55%,0%,45%,100',
  '2025-03-03,Outbound - To the internet without a connector,,False,40%,0%,0%,60%,4000',
].join('\r\n');

/** The insights a person sees, in order; `all`: every insight element, hidden ones too. */
const listed = (popup, { all = false } = {}) =>
  popup
    .getByTestId('insight')
    .evaluateAll(
      (items, all) =>
        items
          .filter((item) => all || item.checkVisibility())
          .map((item) => `${item.dataset.connector || '(none)'} ${item.dataset.kind}`),
      all,
    );

describe('the popup insights', () => {
  let extension;
  before(async () => {
    extension = await launchExtension();
    const { page, results } = await importFiles(extension, [
      { name: 'six-insights.csv', mimeType: 'text/csv', buffer: Buffer.from(EXPORT) },
    ]);
    assert.equal(results[0]?.phase, 'imported');
    await page.close();
  });
  after(async () => {
    await extension?.close();
  });

  it('shows the three that affect the most messages, and the rest from a button, by keyboard', async () => {
    const popup = await openPage(extension, 'popup.html', { width: 560, height: 600 });
    assert.equal((await readWidget(popup)).insights, 6);
    // Partner B and the outbound path both affect 1,600: connector order keeps B first.
    assert.deepEqual(await listed(popup), ['Partner D tls1.0', 'Partner B tls1.0', '(none) no-tls']);
    // Every insight keeps its element and hook (shared/spec/product.md), the hidden ones too: they
    // join the page right after its first frame.
    await popup.waitForFunction(() => document.querySelectorAll('[data-testid="insight"]').length >= 6);
    assert.equal((await listed(popup, { all: true })).length, 6);
    const more = popup.getByTestId('insights-more');
    assert.equal(await more.textContent(), 'Show 3 more insights');
    assert.equal(await more.getAttribute('aria-expanded'), 'false');
    await more.focus();
    await popup.keyboard.press('Enter');
    assert.deepEqual(await listed(popup), [
      'Partner D tls1.0',
      'Partner B tls1.0',
      '(none) no-tls',
      'Partner A tls1.0',
      'Partner C tls1.0',
      'Partner E Out tls1.0',
    ]);
    assert.equal(await more.getAttribute('aria-expanded'), 'true');
    assert.equal(await more.textContent(), 'Show only the 3 largest');
    await popup.screenshot({
      path: process.env.SCREENSHOTS ? `${process.env.SCREENSHOTS}/popup-insights.png` : undefined,
      fullPage: true,
    });
    await popup.keyboard.press('Enter');
    assert.equal((await listed(popup)).length, 3);
    assert.deepEqual(popup.errors, []);
    await popup.close();
  });

  it('paints from the copy every write leaves in localStorage, and the truth corrects a copy that is wrong', async () => {
    const page = await openPage(extension, 'options.html');
    const read = async () => {
      const { copy, stored } = await readWidgetCopy(page);
      return { copy, generation: stored.generation, inbound: stored.directions.inbound.messages };
    };
    const write = (copy) =>
      page.evaluate(
        (text) => localStorage.setItem('mailflow-lens:widget-snapshot', text),
        typeof copy === 'string' ? copy : JSON.stringify(copy),
      );
    // The import page wrote the copy after its import: the same generation as the database's.
    const { copy, generation, inbound } = await read();
    assert.equal(copy.dataset, 'default');
    assert.deepEqual(copy.thresholds, { noTls: 0.25, tls10: 0.5, minMessages: 1 });
    assert.equal(copy.snapshot.generation, generation);
    assert.equal(inbound, 6500);
    /** The inbound count the popup paints first, and the one it shows once it has read the truth. */
    const widgetInbound = async () => {
      const popup = await openPage(extension, 'popup.html', {
        width: 560,
        height: 600,
        // Notes the inbound count as the widget first enters the page, before anything corrects it.
        beforeScripts: () => {
          new MutationObserver((_, observer) => {
            const count = document.querySelector('[data-testid="widget-inbound-messages"]');
            if (count === null) return;
            globalThis.firstInbound = Number(count.getAttribute('data-value'));
            observer.disconnect();
          }).observe(document, { childList: true, subtree: true });
        },
      });
      await readWidget(popup);
      const first = await popup.evaluate(() => globalThis.firstInbound);
      // The settings and the database are read right after the first frame: give them time to.
      await popup.waitForTimeout(500);
      const settled = (await readWidget(popup)).inbound.messages;
      assert.deepEqual(popup.errors, []);
      await popup.close();
      return { first, settled };
    };
    // A copy under the database's own generation, for the current dataset and thresholds, is
    // trusted: the popup paints it and keeps it.
    const altered = structuredClone(copy);
    altered.snapshot.directions.inbound.messages = 999;
    await write(altered);
    assert.deepEqual(await widgetInbound(), { first: 999, settled: 999 });
    // A copy under another generation is a copy left behind: the database's numbers replace it, and
    // the popup writes the copy again.
    altered.snapshot.generation = 'left-behind';
    await write(altered);
    assert.deepEqual(await widgetInbound(), { first: 999, settled: 6500 });
    assert.equal((await read()).copy.snapshot.generation, generation);
    // So is a copy made for other thresholds, or for another dataset, even under the database's
    // generation: the popup then shows and queries the current ones.
    const sameGeneration = { ...altered, snapshot: { ...altered.snapshot, generation } };
    await write({ ...sameGeneration, thresholds: { noTls: 0, tls10: 0, minMessages: 0 } });
    assert.deepEqual(await widgetInbound(), { first: 999, settled: 6500 });
    assert.deepEqual((await read()).copy.thresholds, copy.thresholds);
    await write({ ...sameGeneration, dataset: 'fabrikam' });
    assert.deepEqual(await widgetInbound(), { first: 999, settled: 6500 });
    assert.equal((await read()).copy.dataset, 'default');
    // A copy that does not check out is not painted at all, even under the database's generation.
    const malformed = structuredClone(copy);
    malformed.snapshot.directions.inbound.messages = 999;
    malformed.snapshot.insights[0].kind = 'tls1.1';
    await write(malformed);
    assert.deepEqual(await widgetInbound(), { first: 6500, settled: 6500 });
    await write('{"version":');
    assert.deepEqual(await widgetInbound(), { first: 6500, settled: 6500 });
    assert.equal((await read()).copy.snapshot.generation, generation);
    await page.close();
  });
});
