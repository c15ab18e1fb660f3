// Drives the built extension (dist/chromium) in Debian's Chromium through playwright-core.
// Shared by the browser tests (test/e2e) and by `npm start`, so the demo walks the path the tests check.
import { execFile } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
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

/** Opens an extension page in a new tab and waits for its app to render. */
export async function openPage(extension, path, { width = 1200, height = 900, colorScheme = 'light' } = {}) {
  const page = await extension.context.newPage();
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
        results.every((el) => ['imported', 'review', 'error', 'discarded'].includes(el.dataset.phase))
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
