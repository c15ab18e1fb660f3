// What `npm run build` promises (product.md, "Build outputs"), checked on the real dist/ folder.
import assert from 'node:assert/strict';
import { access, constants, readFile, stat } from 'node:fs/promises';
import { resolve } from 'node:path';
import { describe, it } from 'node:test';
import { ROOT, runCli, SHARED_FIXTURES } from '../../scripts/chromium-extension.mjs';

const dist = resolve(ROOT, 'dist');
const readJson = async (path) => JSON.parse(await readFile(path, 'utf8'));

describe('npm run build', () => {
  for (const browser of ['chromium', 'firefox']) {
    it(`writes the four pages and the icons at the root of dist/${browser}`, async () => {
      for (const page of ['popup.html', 'report.html', 'import.html', 'options.html', 'icons/icon-128.png']) {
        assert.ok((await stat(resolve(dist, browser, page))).isFile(), `${browser}/${page}`);
      }
    });
  }

  it('gives Chromium a module service worker and Firefox background scripts with a gecko id', async () => {
    const chromium = await readJson(resolve(dist, 'chromium/manifest.json'));
    const firefox = await readJson(resolve(dist, 'firefox/manifest.json'));
    const pkg = await readJson(resolve(ROOT, 'package.json'));
    assert.deepEqual(chromium.background, { service_worker: 'background.js', type: 'module' });
    assert.deepEqual(firefox.background, { scripts: ['background.js'], type: 'module' });
    assert.match(firefox.browser_specific_settings.gecko.id, /@/);
    // Firefox's built-in data consent (required of new add-ons; Firefox 140+): nothing is collected.
    assert.deepEqual(firefox.browser_specific_settings.gecko.data_collection_permissions, {
      required: ['none'],
    });
    assert.equal(firefox.browser_specific_settings.gecko.strict_min_version, '140.0');
    assert.equal(chromium.version, pkg.version);
    assert.equal(chromium.manifest_version, 3);
    // Minimal permissions: no host access, no tabs, no downloads. Chromium's offscreen document
    // (no install warning) lets the service worker write the popup's copy into localStorage;
    // Firefox's background page has localStorage itself.
    assert.deepEqual(chromium.permissions, ['storage', 'unlimitedStorage', 'offscreen']);
    assert.deepEqual(firefox.permissions, ['storage', 'unlimitedStorage']);
    assert.equal(chromium.host_permissions, undefined);
  });

  it('gives the popup one module script and its styles inline, so nothing holds its first paint', async () => {
    const html = await readFile(resolve(dist, 'chromium/popup.html'), 'utf8');
    assert.equal([...html.matchAll(/<script\b/g)].length, 1);
    assert.match(html, /<script type="module" crossorigin src="\.\/assets\/popup-[\w-]+\.js"><\/script>/);
    assert.doesNotMatch(html, /<link rel="stylesheet"/);
    assert.match(html, /<style>[^<]*\.popup-body[^<]*<\/style>/);
  });

  it('builds the content scripts as classic scripts with no module syntax', async () => {
    for (const file of ['content.js', 'capture-relay.js']) {
      const source = await readFile(resolve(dist, 'chromium', file), 'utf8');
      assert.doesNotMatch(source, /^\s*(import|export)\s/m, file);
      assert.doesNotMatch(source, /import\(/, file);
    }
  });

  it('matches content scripts and the panel to the one portal host list, and nothing else', async () => {
    const { hosts } = await readJson(resolve(ROOT, 'src/content/portal-hosts.json'));
    const patterns = hosts.map((host) => `https://${host}/*`);
    for (const browser of ['chromium', 'firefox']) {
      const manifest = await readJson(resolve(dist, browser, 'manifest.json'));
      assert.deepEqual(
        manifest.content_scripts.map((script) => [script.js, script.world ?? 'ISOLATED', script.matches]),
        [
          [['capture-relay.js'], 'MAIN', patterns],
          [['content.js'], 'ISOLATED', patterns],
        ],
      );
      assert.deepEqual(
        manifest.web_accessible_resources.map((entry) => [entry.resources, entry.matches]),
        [[['panel.html'], patterns]],
      );
      // No web page may message the extension.
      assert.equal(manifest.externally_connectable, undefined);
      assert.ok((await stat(resolve(dist, browser, 'panel.html'))).isFile());
    }
    const chromium = await readJson(resolve(dist, 'chromium/manifest.json'));
    assert.equal(chromium.web_accessible_resources[0].use_dynamic_url, true);
  });

  it('ships no eval and no remote code in the extension', async () => {
    const { readdir } = await import('node:fs/promises');
    const files = (await readdir(resolve(dist, 'chromium'), { recursive: true })).filter((file) =>
      /\.(js|html)$/.test(file),
    );
    assert.ok(files.length > 0);
    for (const file of files) {
      const source = await readFile(resolve(dist, 'chromium', file), 'utf8');
      assert.doesNotMatch(source, /\beval\(|new Function\(/, file);
      assert.doesNotMatch(source, /<script[^>]+src="https?:/, file);
    }
  });

  it('makes the bin.mailflow-lens file executable and it summarises a fixture', async () => {
    const pkg = await readJson(resolve(ROOT, 'package.json'));
    const bin = resolve(ROOT, pkg.bin['mailflow-lens']);
    await access(bin, constants.X_OK);
    const { code, stdout, stderr } = await runCli([
      'summarize',
      '--json',
      resolve(SHARED_FIXTURES, 'mailflow-lens-counts.csv'),
    ]);
    assert.equal(code, 0, stderr);
    const summary = JSON.parse(stdout);
    assert.deepEqual(summary.range, { from: '2025-03-03', to: '2025-03-03' });
    // 17829 + 382 + 204 + 330 inbound; 6120 + 3445 + 337 outbound.
    assert.equal(summary.directions.inbound.messages, 18745);
    assert.equal(summary.directions.outbound.messages, 9902);
    assert.equal(summary.connectors[1].connector, 'Fabrikam, Partner "In"');
  });
});
