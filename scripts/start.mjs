#!/usr/bin/env node
// `npm start`: build, open Chromium with the extension, import the bundled sample tenant through
// the import page, and show the popup. With no display (a server, CI) or with --headless, it runs
// headless, writes screenshots to demo/ and prints their paths and the widget's numbers.
import { spawnSync } from 'node:child_process';
import { mkdir, readdir } from 'node:fs/promises';
import { resolve } from 'node:path';
import {
  importFiles,
  launchExtension,
  openPage,
  ROOT,
  readWidget,
  waitForReport,
} from './chromium-extension.mjs';

const SAMPLE_DIR = resolve(ROOT, 'test/fixtures/sample');
const DEMO_DIR = resolve(ROOT, 'demo');
const headless = process.argv.includes('--headless') || !process.env.DISPLAY;
const POPUP = { width: 560, height: 600 };

if (!process.argv.includes('--no-build')) {
  const built = spawnSync(process.execPath, [resolve(ROOT, 'scripts/build.mjs')], { stdio: 'inherit' });
  if (built.status !== 0) process.exit(built.status ?? 1);
}

const samples = (await readdir(SAMPLE_DIR))
  .filter((name) => name.endsWith('.csv'))
  .map((name) => resolve(SAMPLE_DIR, name));
const extension = await launchExtension({ headless });
try {
  const { page: importPage, results } = await importFiles(extension, samples);
  samples.forEach((file, index) => {
    const result = results[index];
    console.log(`Imported ${file}: ${result?.status}, ${result?.rows} rows, ${result?.rejected} rejected`);
  });
  if (results.some((result) => result.status !== 'ok'))
    throw new Error('The sample data did not import cleanly.');

  const popup = await openPage(extension, 'popup.html', POPUP);
  const widget = await readWidget(popup);
  console.log(`\nOutbound and inbound mail flow, ${widget.range.from} to ${widget.range.to}:`);
  for (const direction of ['outbound', 'inbound']) {
    const shares = Object.entries(widget[direction].shares)
      .map(
        ([bucket, share]) =>
          `${bucket === 'none' ? 'No TLS' : bucket.replace('tls', 'TLS ')} ${share === '' ? '—' : `${share} %`}`,
      )
      .join(', ');
    console.log(
      `  ${direction.padEnd(8)} ${String(widget[direction].messages).padStart(7)} messages: ${shares}`,
    );
  }
  console.log(`  active insights: ${widget.insights}`);

  const reportPath = `report.html?from=${widget.range.from}&to=${widget.range.to}`;
  if (headless) {
    await mkdir(DEMO_DIR, { recursive: true });
    const shots = [];
    // The sample tenant's whole history, for the "All" preset shot.
    const extent = { from: '2025-02-08', to: widget.range.to };
    const shoot = async (page, name) => {
      const path = resolve(DEMO_DIR, `${name}.png`);
      await page.screenshot({ path, fullPage: true });
      shots.push(path);
    };
    for (const colorScheme of ['light', 'dark']) {
      const popupShot = await openPage(extension, 'popup.html', { ...POPUP, colorScheme });
      await popupShot.getByTestId('widget').waitFor();
      await shoot(popupShot, `popup-${colorScheme}`);
      // The flyout covers the popup: a popup is at most 600px tall, so no full-page shot here.
      await popupShot.getByTestId('view-details').click();
      await popupShot.getByTestId('flyout').getByTestId('chart').waitFor();
      await popupShot.screenshot({ path: resolve(DEMO_DIR, `popup-flyout-${colorScheme}.png`) });
      shots.push(resolve(DEMO_DIR, `popup-flyout-${colorScheme}.png`));
      await popupShot.getByTestId('open-connector-report').click();
      await popupShot.getByTestId('connector-report').getByTestId('chart').waitFor();
      await popupShot.screenshot({ path: resolve(DEMO_DIR, `popup-report-${colorScheme}.png`) });
      shots.push(resolve(DEMO_DIR, `popup-report-${colorScheme}.png`));
      await popupShot.close();

      const report = await openPage(extension, reportPath, { width: 1280, height: 900, colorScheme });
      await waitForReport(report, widget.range);
      await report.getByTestId('chart').waitFor();
      await shoot(report, `report-${colorScheme}`);
      await report.locator('[data-testid="report-view"] [data-value="tls"]').click();
      await report.getByTestId('report-show').selectOption('outbound:Woodgrove Bank Out');
      await report.getByTestId('report-preset-all').click();
      await waitForReport(report, {
        from: extent.from,
        to: extent.to,
        view: 'tls',
        show: 'outbound:Woodgrove Bank Out',
      });
      await report.screenshot({ path: resolve(DEMO_DIR, `report-tls-${colorScheme}.png`) });
      shots.push(resolve(DEMO_DIR, `report-tls-${colorScheme}.png`));
      await report.close();

      // The import page as the imports left it: a result per file, and the dataset's import log.
      await importPage.emulateMedia({ colorScheme });
      await importPage.getByTestId('import-history-row').first().waitFor();
      await shoot(importPage, `import-${colorScheme}`);
    }
    console.log(`\nScreenshots:\n${shots.map((path) => `  ${path}`).join('\n')}`);
    await importPage.close();
  } else {
    await openPage(extension, reportPath);
    await importPage.bringToFront();
    await popup.bringToFront();
    console.log('\nChromium is open with Mailflow Lens and the sample tenant. Close the window to finish.');
    await new Promise((resolveClose) => extension.context.on('close', resolveClose));
  }
} finally {
  await extension.close().catch(() => {});
}
