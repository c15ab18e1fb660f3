#!/usr/bin/env node
// Screenshots of the portal panel and the capture notice on the stand-in portal page (the one the
// browser tests serve), light and dark, into docs/screenshots/. Run after `npm run build`.
import { mkdir } from 'node:fs/promises';
import { resolve } from 'node:path';
import { startPortalServer } from '../test/e2e/portal-server.mjs';
import { launchExtension, ROOT } from './chromium-extension.mjs';

const out = resolve(ROOT, 'docs/screenshots');
await mkdir(out, { recursive: true });
const server = await startPortalServer(['admin.exchange.microsoft.com']);
const extension = await launchExtension({ extraArgs: [server.hostRules, '--ignore-certificate-errors'] });
try {
  for (const colorScheme of ['light', 'dark']) {
    const page = await extension.context.newPage();
    await page.setViewportSize({ width: 1280, height: 800 });
    await page.emulateMedia({ colorScheme });
    await page.goto('https://admin.exchange.microsoft.com/#/reports/inboundmessagesreport');
    const panel = page.getByTestId('portal-panel');
    await panel.waitFor();
    if ((await panel.getAttribute('data-expanded')) !== 'true')
      await page.getByTestId('portal-panel-toggle').click();
    await Promise.all([page.waitForEvent('download'), page.click('#export-blob')]);
    await page.getByTestId('capture-notice').waitFor();
    await page.frameLocator('[data-testid="portal-panel-frame"]').getByTestId('widget').waitFor();
    await page.mouse.move(0, 0);
    await page.waitForTimeout(300);
    await page.screenshot({ path: resolve(out, `portal-panel-${colorScheme}.png`) });
    await page.getByTestId('portal-panel-collapse').click();
    await page.waitForTimeout(300);
    await page.screenshot({ path: resolve(out, `portal-notice-${colorScheme}.png`) });
    await page.getByTestId('capture-notice-undo').click();
    await page.locator('[data-testid="capture-notice"][data-state="undone"]').waitFor();
    await page.close();
  }
  console.log(`Wrote portal screenshots to ${out}`);
} finally {
  await extension.close();
  await server.close();
}
