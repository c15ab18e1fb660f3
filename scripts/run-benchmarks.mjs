#!/usr/bin/env node
// Runs every test/bench/*.bench.mjs, one after another, each in its own `node` process, so the
// figures one prints (peak RSS above all) are its own. Benchmarks print; they do not assert.
import { spawnSync } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { resolve } from 'node:path';

const benchDir = resolve(import.meta.dirname, '../test/bench');
const benches = readdirSync(benchDir)
  .filter((name) => name.endsWith('.bench.mjs'))
  .sort();
let failed = 0;
for (const name of benches) {
  console.log(`\n# ${name}`);
  const run = spawnSync(process.execPath, [resolve(benchDir, name)], { stdio: 'inherit' });
  if (run.status !== 0) {
    failed++;
    console.error(`${name} failed (exit ${run.status ?? run.signal})`);
  }
}
process.exitCode = failed === 0 ? 0 : 1;
