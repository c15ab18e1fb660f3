// Unit tests only (test/**/*.test.ts, Node + fake-indexeddb). Browser tests are test/e2e/*.test.mjs,
// run by `node --test` against the built extension.
import { defineConfig } from 'vitest/config';

export default defineConfig({
  oxc: { jsx: { runtime: 'automatic', importSource: 'preact' } },
  test: {
    include: ['test/**/*.test.ts'],
    exclude: ['test/e2e/**', 'node_modules/**'],
    environment: 'node',
  },
});
