// Drives the built extension (dist/chromium) in Debian's Chromium through playwright-core.
// Shared by the browser tests (test/e2e) and by `npm start`, so the demo walks the path the tests check.
import { execFile } from 'node:child_process';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { chromium } from 'playwright-core';

export const ROOT = resolve(import.meta.dirname, '..');
export const DIST = resolve(ROOT, 'dist/chromium');
export const CLI = resolve(ROOT, 'dist/cli/mailflow-lens.mjs');
export const SHARED_FIXTURES = resolve(ROOT, 'test/fixtures/shared');
export const FIXTURES = resolve(ROOT, 'test/fixtures');
export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

/** Flags that keep Chromium off the (closed) network and quiet. */
const QUIET_FLAGS = [
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--disable-default-apps',
  '--no-first-run',
  '--disable-quic',
  '--disable-gpu',
];

/** Starts Chromium with the built extension loaded in a throw-away profile. */
export async function launchExtension({ headless = true, extraArgs = [], dist = DIST } = {}) {
  const profile = await mkdtemp(join(tmpdir(), 'mailflow-lens-profile-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    headless,
    args: [`--disable-extensions-except=${dist}`, `--load-extension=${dist}`, ...QUIET_FLAGS, ...extraArgs],
    viewport: { width: 1200, height: 900 },
  });
  let [worker] = context.serviceWorkers();
  worker ??= await context.waitForEvent('serviceworker', { timeout: 20_000 });
  const extensionId = new URL(worker.url()).host;
  return {
    context,
    extensionId,
    url: (path) => `chrome-extension://${extensionId}/${path}`,
    async close() {
      await context.close();
      await rm(profile, { recursive: true, force: true });
    },
  };
}

/**
 * Opens an extension page in a new tab and waits for its app to render. `beforeScripts`: a function
 * run in the page before any of its own scripts (to watch what it does from the start).
 */
export async function openPage(
  extension,
  path,
  { width = 1200, height = 900, colorScheme = 'light', beforeScripts } = {},
) {
  const page = await extension.context.newPage();
  if (beforeScripts !== undefined) await page.addInitScript(beforeScripts);
  await page.setViewportSize({ width, height });
  await page.emulateMedia({ colorScheme });
  const errors = [];
  page.on('pageerror', (error) => errors.push(error));
  page.on('console', (message) => {
    if (message.type() === 'error') errors.push(new Error(message.text()));
  });
  await page.goto(extension.url(path));
  await page.waitForSelector('#app > *');
  page.errors = errors;
  return page;
}

/** Imports files through import.html's file input; resolves with each file's result attributes. */
export async function importFiles(extension, files) {
  const page = await openPage(extension, 'import.html');
  await page.getByTestId('import-input').setInputFiles(files);
  await page.waitForFunction(
    (count) => {
      const results = [...document.querySelectorAll('[data-testid="import-result"]')];
      return (
        results.length === count &&
        results.every((el) =>
          ['imported', 'review', 'question', 'error', 'discarded'].includes(el.dataset.phase),
        )
      );
    },
    files.length,
    { timeout: 30_000 },
  );
  const results = await page.getByTestId('import-result').evaluateAll((elements) =>
    elements.map((el) => ({
      status: el.dataset.status,
      phase: el.dataset.phase,
      rows: Number(el.dataset.rows),
      rejected: Number(el.dataset.rejected),
      text: el.textContent,
    })),
  );
  return { page, results };
}

/**
 * From an open extension page: the popup's copy of the widget snapshot in localStorage (null when
 * there is none) and the dataset's stored snapshot in IndexedDB (null when it holds nothing).
 */
export function readWidgetCopy(page, dataset = 'default') {
  return page.evaluate(async (dataset) => {
    const copy = JSON.parse(localStorage.getItem('mailflow-lens:widget-snapshot') ?? 'null');
    const stored = await new Promise((resolve, reject) => {
      const request = indexedDB.open('mailflow-lens');
      request.onerror = () => reject(request.error);
      request.onsuccess = () => {
        const get = request.result.transaction('snapshots').objectStore('snapshots').get(dataset);
        get.onsuccess = () => {
          request.result.close();
          resolve(get.result ?? null);
        };
        get.onerror = () => reject(get.error);
      };
    });
    return { copy, stored };
  }, dataset);
}

/** The widget's numbers, read from the data-value hooks. */
export async function readWidget(page) {
  await page.getByTestId('widget').waitFor({ timeout: 15_000 });
  return page.evaluate(() => {
    const byId = (id) => document.querySelector(`[data-testid="${id}"]`);
    const value = (id) => byId(id)?.getAttribute('data-value');
    const range = byId('widget-range');
    const widget = {
      range: { from: range.dataset.from, to: range.dataset.to },
      insights: Number(value('widget-insights')),
    };
    for (const direction of ['inbound', 'outbound']) {
      const shares = {};
      for (const bucket of ['none', 'tls1.0', 'tls1.1', 'tls1.2', 'tls1.3']) {
        shares[bucket] = value(`widget-${direction}-share-${bucket}`);
      }
      widget[direction] = { messages: Number(value(`widget-${direction}-messages`)), shares };
    }
    return widget;
  });
}

const run = promisify(execFile);

/** Runs the built CLI; resolves with its exit code, stdout and stderr (never throws on exit 1/2). */
export async function runCli(args) {
  try {
    const { stdout, stderr } = await run(process.execPath, [CLI, ...args]);
    return { code: 0, stdout, stderr };
  } catch (error) {
    if (typeof error.code !== 'number') throw error;
    return { code: error.code, stdout: error.stdout, stderr: error.stderr };
  }
}

/**
 * Everything the connector report shows, read from its data-* hooks: the range, view and
 * selection, the selection's total, the chart's hidden table, the details rows and the insights.
 */
export async function readReport(page) {
  await page.getByTestId('connector-report').waitFor({ timeout: 15_000 });
  return page.evaluate(() => {
    const byId = (id, root = document) => root.querySelector(`[data-testid="${id}"]`);
    const range = byId('report-range');
    const chart = byId('chart-table');
    const rowsOf = (selector) => [...document.querySelectorAll(selector)];
    const cellsOf = (row) =>
      Object.fromEntries(
        [...row.querySelectorAll('td[data-column]')].map((td) => [td.dataset.column, td.dataset]),
      );
    return {
      range: { from: range.dataset.from, to: range.dataset.to },
      view: byId('report-view').dataset.value,
      show: byId('report-show').value,
      selectionMessages: Number(byId('report-selection-messages').dataset.value),
      summary: {
        inbound: Number(byId('report-inbound-messages')?.dataset.value ?? Number.NaN),
        outbound: Number(byId('report-outbound-messages')?.dataset.value ?? Number.NaN),
      },
      chartKind: byId('chart')?.dataset.kind ?? null,
      chart:
        chart === null
          ? []
          : rowsOf('[data-testid="chart-row"]').map((row) => ({
              date: row.dataset.date,
              messages: Number(row.dataset.messages),
              cells: Object.fromEntries(
                Object.entries(cellsOf(row)).map(([column, data]) => [
                  column,
                  { value: data.value, ...(data.count === undefined ? {} : { count: Number(data.count) }) },
                ]),
              ),
            })),
      columns: rowsOf('[data-testid="details-table"] thead th').map((th) => th.dataset.column),
      details: rowsOf('[data-testid="details-row"]').map((row) => ({
        date: row.dataset.date,
        direction: row.dataset.direction,
        connector: row.dataset.connector,
        cells: Object.fromEntries(Object.entries(cellsOf(row)).map(([column, data]) => [column, data.value])),
      })),
      insights: rowsOf('[data-testid="insight"]').map((el) => ({
        direction: el.dataset.direction,
        connector: el.dataset.connector,
        kind: el.dataset.kind,
        text: el.textContent,
      })),
    };
  });
}

/** Waits until the report shows the given range (and, when given, view and selection). */
export async function waitForReport(page, { from, to, view, show }) {
  await page.waitForFunction(
    (expected) => {
      const range = document.querySelector('[data-testid="report-range"]');
      const viewSwitch = document.querySelector('[data-testid="report-view"]');
      const select = document.querySelector('[data-testid="report-show"]');
      return (
        range?.dataset.from === expected.from &&
        range?.dataset.to === expected.to &&
        (expected.view === undefined || viewSwitch?.dataset.value === expected.view) &&
        (expected.show === undefined || select?.value === expected.show)
      );
    },
    { from, to, view, show },
    { timeout: 15_000 },
  );
}

/** Clicks a download button and resolves with the file's suggested name and text. */
export async function captureDownload(page, testId) {
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId(testId).click()]);
  const path = await download.path();
  return { fileName: download.suggestedFilename(), text: await readFile(path, 'utf8'), path };
}
