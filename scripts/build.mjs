#!/usr/bin/env node
// Builds everything `npm run build` promises: dist/chromium, dist/firefox and the CLI.
// 1. the pages and the module service worker, then the popup on its own (vite.config.ts), its
//    style sheet inlined;
// 2. the content scripts (isolated and MAIN-world relay), each one classic IIFE file (content scripts cannot be modules);
// 3. the CLI for Node, as one ES module file with a shebang;
// 4. each browser's manifest from the one source manifest.json, and a copy for Firefox.
import { chmod, cp, readFile, rm, unlink, writeFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { build } from 'vite';

const root = resolve(import.meta.dirname, '..');
const dist = resolve(root, 'dist');
const chromiumDir = resolve(dist, 'chromium');
const firefoxDir = resolve(dist, 'firefox');
const quiet = { logLevel: 'warn' };

await rm(dist, { recursive: true, force: true });

await build({ ...quiet, configFile: resolve(root, 'vite.config.ts') });
await build({ ...quiet, configFile: resolve(root, 'vite.config.ts'), mode: 'popup' });
await inlinePopupStyles();

/** One classic script (IIFE) into dist/chromium: content scripts cannot be modules. */
function buildClassicScript(entry, name, fileName, options = {}) {
  return build({
    ...quiet,
    configFile: false,
    publicDir: false,
    ...options,
    build: {
      outDir: chromiumDir,
      emptyOutDir: false,
      target: 'chrome120',
      lib: { entry: resolve(root, entry), formats: ['iife'], name, fileName: () => fileName },
    },
  });
}

await buildClassicScript('src/content/content-script.ts', 'mailflowLensContent', 'content.js', {
  // Lib mode leaves process.env.NODE_ENV alone; a content script has no `process`.
  define: { 'process.env.NODE_ENV': JSON.stringify('production') },
  oxc: { jsx: { runtime: 'automatic', importSource: 'preact' } },
});
// The MAIN-world capture relay: a second classic content script, with no extension API at all.
await buildClassicScript('src/content/capture-relay.ts', 'mailflowLensCaptureRelay', 'capture-relay.js');

await build({
  ...quiet,
  configFile: false,
  publicDir: false,
  build: {
    outDir: resolve(dist, 'cli'),
    emptyOutDir: true,
    target: 'node20',
    ssr: resolve(root, 'src/cli/mailflow-lens.ts'),
    rollupOptions: { output: { entryFileNames: 'mailflow-lens.mjs', banner: '#!/usr/bin/env node' } },
  },
  ssr: { noExternal: true },
});
await chmod(resolve(dist, 'cli/mailflow-lens.mjs'), 0o755);

const pkg = JSON.parse(await readFile(resolve(root, 'package.json'), 'utf8'));
const source = JSON.parse(await readFile(resolve(root, 'manifest.json'), 'utf8'));
// "$PORTAL_HOSTS" in a matches list stands for the one host list (src/content/portal-hosts.json).
const { hosts: portalHosts } = JSON.parse(
  await readFile(resolve(root, 'src/content/portal-hosts.json'), 'utf8'),
);
const expandHosts = (matches) =>
  matches.flatMap((m) => (m === '$PORTAL_HOSTS' ? portalHosts.map((h) => `https://${h}/*`) : [m]));
for (const entry of [...(source.content_scripts ?? []), ...(source.web_accessible_resources ?? [])])
  entry.matches = expandHosts(entry.matches);

function manifestFor(browser) {
  const manifest = structuredClone(source);
  manifest.version = pkg.version;
  if (browser === 'firefox') {
    manifest.background = { scripts: ['background.js'], type: 'module' };
    manifest.browser_specific_settings = {
      gecko: {
        id: 'mailflow-lens@mailflow-lens.invalid',
        strict_min_version: '140.0',
        // Firefox's built-in data consent: Mailflow Lens collects and transmits nothing.
        data_collection_permissions: { required: ['none'] },
      },
    };
    delete manifest.minimum_chrome_version;
    // Chromium's offscreen documents: Firefox's background page has the localStorage they stand in for.
    manifest.permissions = manifest.permissions.filter((permission) => permission !== 'offscreen');
    // Firefox gives every install its own moz-extension UUID already, and does not know this key.
    for (const entry of manifest.web_accessible_resources ?? []) delete entry.use_dynamic_url;
  }
  return `${JSON.stringify(manifest, null, 2)}\n`;
}

await cp(chromiumDir, firefoxDir, { recursive: true });
await writeFile(resolve(chromiumDir, 'manifest.json'), manifestFor('chromium'));
await writeFile(resolve(firefoxDir, 'manifest.json'), manifestFor('firefox'));
console.log(`Built ${chromiumDir}, ${firefoxDir} and ${resolve(dist, 'cli/mailflow-lens.mjs')}`);

/**
 * The popup's style sheet goes into popup.html as a <style> element. Linked, it held the popup's
 * entry module, which Chromium runs only once the page's style sheets have loaded: 121-128 ms
 * after navigation start inlined or without styles against 142 ms linked, and the widget painted
 * ~20 ms later (scratch runs of 40 openings in turns). The extension's content security policy
 * restricts scripts, not styles, and the sheet is the build's own.
 */
async function inlinePopupStyles() {
  const htmlFile = resolve(chromiumDir, 'popup.html');
  const html = await readFile(htmlFile, 'utf8');
  const links = [...html.matchAll(/<link rel="stylesheet"[^>]* href="\.\/(assets\/popup-[\w-]+\.css)">/g)];
  if (links.length !== 1) throw new Error(`popup.html should link one style sheet, not ${links.length}.`);
  const [[link, path]] = links;
  const css = await readFile(resolve(chromiumDir, path), 'utf8');
  if (/url\(|<\/style/i.test(css))
    throw new Error(`${path} has a url() or </style>: it cannot be inlined as it is.`);
  await writeFile(htmlFile, html.replace(link, `<style>${css.trim()}</style>`));
  await unlink(resolve(chromiumDir, path));
}
