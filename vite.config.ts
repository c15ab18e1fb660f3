/**
 * The pages and the module service worker, into dist/chromium. scripts/build.mjs runs it twice:
 * mode `popup` builds the toolbar popup alone, the default mode everything else, then the content
 * script (IIFE) and CLI builds, then each browser's manifest. Vite's root is src/pages so the HTML
 * files land at the extension root.
 *
 * The popup is built on its own so it loads as one module and one style sheet: built with the
 * other pages it shared eleven small chunks with them, and loading those cost about 50 ms of its
 * first paint in headless Chromium (docs/storage.md has the measurements).
 */
import { resolve } from 'node:path';
import { defineConfig } from 'vite';

const here = import.meta.dirname;

const pages = {
  report: resolve(here, 'src/pages/report.html'),
  import: resolve(here, 'src/pages/import.html'),
  options: resolve(here, 'src/pages/options.html'),
  panel: resolve(here, 'src/pages/panel.html'),
  offscreen: resolve(here, 'src/pages/offscreen.html'),
  background: resolve(here, 'src/background/service-worker.ts'),
};

export default defineConfig(({ mode }) => ({
  root: resolve(here, 'src/pages'),
  publicDir: resolve(here, 'public'),
  base: './',
  oxc: { jsx: { runtime: 'automatic', importSource: 'preact' } },
  build: {
    outDir: resolve(here, 'dist/chromium'),
    emptyOutDir: mode !== 'popup',
    target: 'chrome120',
    modulePreload: { polyfill: false },
    sourcemap: false,
    rollupOptions: {
      input: mode === 'popup' ? { popup: resolve(here, 'src/pages/popup.html') } : pages,
      output: {
        entryFileNames: (chunk) =>
          chunk.name === 'background' ? 'background.js' : 'assets/[name]-[hash].js',
        // The popup entry and everything it imports statically, as one chunk: left to itself the
        // bundler split out five small chunks shared with the lazily loaded parts (the flyout, the
        // schema code), and every extra file delays the first paint (docs/storage.md).
        ...(mode === 'popup'
          ? { codeSplitting: { groups: [{ name: 'popup', test: /src[\\/]pages[\\/]popup\.tsx$/ }] } }
          : {}),
      },
    },
  },
  worker: { format: 'es' },
}));
