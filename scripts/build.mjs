#!/usr/bin/env node
// Builds everything `npm run build` promises: dist/chromium, dist/firefox and the CLI.
// 1. the pages and the module service worker, then the popup on its own (vite.config.ts);
// 2. the content scripts (isolated and MAIN-world relay), each one classic IIFE file (content scripts cannot be modules);
// 3. the CLI for Node, as one ES module file with a shebang;
// 4. each browser's manifest from the one source manifest.json, and a copy for Firefox.
import { chmod, cp, readFile, rm, writeFile } from 'node:fs/promises';
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
await preloadPopupUi();

await build({
  ...quiet,
  configFile: false,
  publicDir: false,
  // Lib mode leaves process.env.NODE_ENV alone; a content script has no `process`.
  define: { 'process.env.NODE_ENV': JSON.stringify('production') },
  oxc: { jsx: { runtime: 'automatic', importSource: 'preact' } },
  build: {
    outDir: chromiumDir,
    emptyOutDir: false,
    target: 'chrome120',
    lib: {
      entry: resolve(root, 'src/content/content-script.ts'),
      formats: ['iife'],
      name: 'mailflowLensContent',
      fileName: () => 'content.js',
    },
  },
});

// The MAIN-world capture relay: a second classic content script, with no extension API at all.
await build({
  ...quiet,
  configFile: false,
  publicDir: false,
  build: {
    outDir: chromiumDir,
    emptyOutDir: false,
    target: 'chrome120',
    lib: {
      entry: resolve(root, 'src/content/capture-relay.ts'),
      formats: ['iife'],
      name: 'mailflowLensCaptureRelay',
      fileName: () => 'capture-relay.js',
    },
  },
});

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
      gecko: { id: 'mailflow-lens@mailflow-lens.invalid', strict_min_version: '128.0' },
    };
    delete manifest.minimum_chrome_version;
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
 * popup.html's entry reads the settings and the snapshot and then imports the UI chunk. Vite hints
 * only an entry's static imports, so the UI chunk would start loading when the entry has run: its
 * scripts and styles are hinted here too, and load beside the entry's.
 */
async function preloadPopupUi() {
  const manifestFile = resolve(chromiumDir, '.vite/manifest.json');
  const manifest = JSON.parse(await readFile(manifestFile, 'utf8'));
  const entry = manifest['popup.html'];
  const scripts = new Set();
  const styles = new Set();
  const visit = (key) => {
    const chunk = manifest[key];
    if (chunk === undefined || scripts.has(chunk.file)) return;
    scripts.add(chunk.file);
    for (const css of chunk.css ?? []) styles.add(css);
    for (const imported of chunk.imports ?? []) visit(imported);
  };
  for (const key of entry.dynamicImports ?? []) if (manifest[key]?.name === 'popup-mount') visit(key);
  if (scripts.size === 0) throw new Error('The popup build has no popup-mount chunk to preload.');
  const htmlFile = resolve(chromiumDir, 'popup.html');
  const html = await readFile(htmlFile, 'utf8');
  const missing = (file) => !html.includes(`"./${file}"`);
  const hints = [
    ...[...styles].filter(missing).map((file) => `<link rel="stylesheet" crossorigin href="./${file}">`),
    ...[...scripts].filter(missing).map((file) => `<link rel="modulepreload" crossorigin href="./${file}">`),
  ];
  const lines = hints.map((hint) => `    ${hint}\n`).join('');
  await writeFile(htmlFile, html.replace('  </head>', `${lines}  </head>`));
  await rm(resolve(chromiumDir, '.vite'), { recursive: true, force: true });
}
