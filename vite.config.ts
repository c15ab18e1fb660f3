/**
 * The main build: the four extension pages and the module service worker, into dist/chromium.
 * scripts/build.mjs runs it, then the content script (IIFE) and CLI builds, then writes each
 * browser's manifest. Vite's root is src/pages so the HTML files land at the extension root.
 */
import { resolve } from 'node:path';
import { defineConfig } from 'vite';

const here = import.meta.dirname;

export default defineConfig({
  root: resolve(here, 'src/pages'),
  publicDir: resolve(here, 'public'),
  base: './',
  oxc: { jsx: { runtime: 'automatic', importSource: 'preact' } },
  build: {
    outDir: resolve(here, 'dist/chromium'),
    emptyOutDir: true,
    target: 'chrome120',
    modulePreload: { polyfill: false },
    sourcemap: false,
    rollupOptions: {
      input: {
        popup: resolve(here, 'src/pages/popup.html'),
        report: resolve(here, 'src/pages/report.html'),
        import: resolve(here, 'src/pages/import.html'),
        options: resolve(here, 'src/pages/options.html'),
        panel: resolve(here, 'src/pages/panel.html'),
        background: resolve(here, 'src/background/service-worker.ts'),
      },
      output: {
        entryFileNames: (chunk) =>
          chunk.name === 'background' ? 'background.js' : 'assets/[name]-[hash].js',
      },
    },
  },
  worker: { format: 'es' },
});
