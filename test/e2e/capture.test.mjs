// Portal capture and the portal panel, end to end in the real browser: a local HTTPS server stands
// in for admin.exchange.microsoft.com (and for an unlisted host), Chromium reaches it under those
// names, and the exports it offers land in IndexedDB, or do not, as the product promises.
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { after, afterEach, before, describe, it } from 'node:test';
import { launchExtension, openPage, readWidget, readWidgetCopy } from '../../scripts/chromium-extension.mjs';
import { startPortalServer } from './portal-server.mjs';

const PORTAL = 'https://admin.exchange.microsoft.com';
const REPORT_PAGE = `${PORTAL}/#/reports/inboundmessagesreport`;
const UNLISTED_REPORT_PAGE = 'https://portal.example.test/#/reports/inboundmessagesreport';
/** How long a negative test waits for something that must not happen. */
const QUIET_MS = 1500;

describe('capture from the admin portal', () => {
  let server;
  let extension;
  /** An extension page kept open to ask the service worker what is stored, as our pages do. */
  let control;
  before(async () => {
    server = await startPortalServer(['admin.exchange.microsoft.com', 'portal.example.test']);
    extension = await launchExtension({ extraArgs: [server.hostRules, '--ignore-certificate-errors'] });
    control = await openPage(extension, 'options.html');
  });
  after(async () => {
    await extension?.close();
    await server?.close();
  });

  // Each test starts from an empty store, whatever the previous one left behind.
  afterEach(async () => {
    await control.evaluate(() => chrome.runtime.sendMessage({ name: 'delete-all-data', request: {} }));
  });

  async function openPortal(url = REPORT_PAGE) {
    const page = await extension.context.newPage();
    await page.goto(url);
    await page.locator('#export-blob').waitFor();
    return page;
  }

  /** Clicks an export control and returns the bytes of the download the page itself produced. */
  async function exportAndDownload(page, selector) {
    const [download] = await Promise.all([page.waitForEvent('download'), page.click(selector)]);
    return readFile(await download.path());
  }

  async function importsStored() {
    const imports = await control.evaluate(() =>
      chrome.runtime.sendMessage({ name: 'list-imports', request: { dataset: 'default' } }),
    );
    assert.equal(imports.ok, true);
    return imports.response;
  }

  /** Offscreen documents open now (the service worker opens one only to write the popup's copy). */
  function offscreenDocuments() {
    return control.evaluate(() => chrome.runtime.getContexts({ contextTypes: ['OFFSCREEN_DOCUMENT'] }));
  }

  async function popupIsEmpty() {
    const popup = await openPage(extension, 'popup.html', { width: 440, height: 600 });
    await popup.getByTestId('empty-state').waitFor();
    await popup.close();
  }

  it('an Export that builds the CSV in the page is captured, shown with its row count, and undone', async () => {
    const page = await openPortal();
    const bytes = await exportAndDownload(page, '#export-blob');
    assert.deepEqual(bytes, server.csv, 'the page’s own download happened with the same bytes');

    const notice = page.getByTestId('capture-notice');
    await notice.waitFor();
    assert.equal(await notice.getAttribute('data-rows'), '10');
    assert.equal(await notice.getAttribute('data-days'), '2');
    assert.equal(await notice.getAttribute('data-rejected'), '0');
    assert.match(await notice.textContent(), /InboundMessagesReport\.csv/);
    assert.match(await notice.textContent(), /10 rows · 2 days/);

    // The service worker stored it and wrote the popup's copy through its offscreen document, which
    // it then closed: the popup paints the new numbers from the copy.
    const { copy, stored } = await readWidgetCopy(control);
    assert.equal(copy.snapshot.generation, stored.generation);
    assert.equal(copy.snapshot.directions.inbound.messages, 41754);
    assert.deepEqual(await offscreenDocuments(), []);
    const popup = await openPage(extension, 'popup.html', { width: 440, height: 600 });
    const widget = await readWidget(popup);
    assert.equal(widget.inbound.messages, 41754);
    assert.equal(widget.outbound.messages, 24733);
    await popup.close();

    await page.bringToFront();
    await page.getByTestId('capture-notice-undo').click();
    await page.locator('[data-testid="capture-notice"][data-state="undone"]').waitFor();
    assert.match(await notice.textContent(), /Undone: the 10 records were removed/);
    const undone = await readWidgetCopy(control);
    assert.equal(undone.stored, null);
    assert.equal(undone.copy.snapshot, null);
    await popupIsEmpty();
    await page.close();
  });

  it('an Export that downloads from a URL is re-fetched on the same origin and captured', async () => {
    const page = await openPortal();
    const bytes = await exportAndDownload(page, '#export-url');
    assert.deepEqual(bytes, server.csv);
    const notice = page.getByTestId('capture-notice');
    await notice.waitFor();
    assert.equal(await notice.getAttribute('data-rows'), '10');
    assert.match(await notice.textContent(), /InboundMessagesReport\.csv/);
    const popup = await openPage(extension, 'popup.html', { width: 440, height: 600 });
    const widget = await readWidget(popup);
    assert.equal(widget.inbound.messages, 41754);
    assert.equal(widget.outbound.messages, 24733);
    await popup.close();
    await page.bringToFront();
    await page.getByTestId('capture-notice-undo').click();
    await page.locator('[data-testid="capture-notice"][data-state="undone"]').waitFor();
    assert.deepEqual(await importsStored(), []);
    await page.close();
  });

  it('the panel appears on the report page with the stored history, and not on other portal pages', async () => {
    const other = await openPortal(`${PORTAL}/#/homepage`);
    await other.waitForTimeout(QUIET_MS);
    assert.equal(await other.getByTestId('portal-panel').count(), 0);
    await other.close();

    const page = await openPortal();
    const panel = page.getByTestId('portal-panel');
    await panel.waitFor();
    assert.equal(await panel.getAttribute('data-expanded'), 'false', 'collapsed to a tab by default');
    await page.getByTestId('portal-panel-toggle').click();
    const frame = page.frameLocator('[data-testid="portal-panel-frame"]');
    await frame.getByTestId('empty-state').waitFor();

    await exportAndDownload(page, '#export-blob');
    await page.getByTestId('capture-notice').waitFor();
    // The panel reads the store again after a capture.
    await frame.getByTestId('widget').waitFor();
    assert.equal(await frame.getByTestId('widget-inbound-messages').getAttribute('data-value'), '41754');
    assert.equal(await frame.getByTestId('panel-history').getAttribute('data-from'), '2025-03-03');
    // The same components as the popup, fed by the service worker: widget → flyout → connector report.
    await frame.getByTestId('view-details').click();
    await frame.getByTestId('flyout').waitFor();
    assert.equal(await frame.getByTestId('flyout-inbound-messages').getAttribute('data-value'), '41754');
    await frame.getByTestId('open-connector-report').click();
    await frame.getByTestId('connector-report').waitFor();
    assert.equal(
      await frame.getByTestId('report-selection-messages').getAttribute('data-value'),
      String(41754 + 24733),
    );
    await frame.getByTestId('flyout-close').click();

    // Its state is remembered: a new visit opens it expanded.
    const again = await openPortal();
    await again.locator('[data-testid="portal-panel"][data-expanded="true"]').waitFor();
    await again.getByTestId('portal-panel-collapse').click();
    await again.close();

    await page.getByTestId('capture-notice-undo').click();
    await page.locator('[data-testid="capture-notice"][data-state="undone"]').waitFor();
    await frame.getByTestId('empty-state').waitFor();
    await page.close();
  });

  it('a host that is not in the list gets no panel and no capture, and its download still happens', async () => {
    const page = await openPortal(UNLISTED_REPORT_PAGE);
    const bytes = await exportAndDownload(page, '#export-blob');
    assert.deepEqual(bytes, server.csv);
    await page.waitForTimeout(QUIET_MS);
    assert.equal(await page.getByTestId('portal-panel').count(), 0);
    assert.equal(await page.getByTestId('capture-notice').count(), 0);
    await page.close();
    assert.deepEqual(await importsStored(), []);
  });

  it('a message forged by the page without a user click changes nothing in the store', async () => {
    const page = await openPortal();
    await page.getByTestId('portal-panel').waitFor();
    await page.evaluate(async () => {
      const csv = await (await fetch('/api/connector-report')).text();
      const blob = new Blob([csv], { type: 'text/csv' });
      const relay = { channel: 'mailflow-lens/capture-relay/v1', kind: 'blob', fileName: 'forged.csv', blob };
      window.postMessage(relay, location.origin);
      // A script-made click is not a trusted click either.
      document.body.click();
      window.postMessage(relay, location.origin);
      window.postMessage(
        { ...relay, kind: 'url', url: '/export/inbound.csv', blob: undefined },
        location.origin,
      );
      // The relay's own path, driven by script alone.
      const link = document.createElement('a');
      link.href = URL.createObjectURL(blob);
      link.download = 'forged.csv';
      link.click();
    });
    await page.waitForTimeout(QUIET_MS);
    assert.equal(await page.getByTestId('capture-notice').count(), 0);
    assert.deepEqual(await importsStored(), []);

    // The content script was listening all along: the person's own click is captured, once, and
    // none of the forged messages is replayed by it.
    await exportAndDownload(page, '#export-blob');
    await page.getByTestId('capture-notice').waitFor();
    await page.waitForTimeout(QUIET_MS);
    assert.deepEqual(
      (await importsStored()).map((entry) => entry.fileName),
      ['InboundMessagesReport.csv'],
    );
    await page.close();
  });

  it('with capture switched off in the options, an Export is not captured but still downloads', async () => {
    const options = control;
    const checkbox = options.getByTestId('auto-capture');
    await checkbox.waitFor();
    assert.equal(await checkbox.isChecked(), true, 'capture is on by default');
    await checkbox.uncheck();
    await options.waitForTimeout(300);

    const page = await openPortal();
    assert.deepEqual(await exportAndDownload(page, '#export-blob'), server.csv);
    assert.deepEqual(await exportAndDownload(page, '#export-url'), server.csv);
    await page.waitForTimeout(QUIET_MS);
    assert.equal(await page.getByTestId('capture-notice').count(), 0);
    assert.deepEqual(await importsStored(), []);
    await page.close();

    await options.getByTestId('auto-capture').check();
    await options.waitForTimeout(300);
  });
});
