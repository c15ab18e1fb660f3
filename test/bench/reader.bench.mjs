// How fast the reader turns a large per-message export (format B) into daily records, next to a
// plain PapaParse streaming pass over the same file, and how much memory it needs doing it; and
// how much CPU it takes to read a 90-day connector report (format A, 36,000 rows).
//
// The format B file (1,000,000 rows, over 200 MB) is generated into a temp dir and deleted
// afterwards. Each measurement runs in a child process of its own, so its peak RSS (VmHWM) is its
// own and not the generator's or the bundler's. Figures are printed, not asserted (goals: ratio ≥
// 0.8, RSS < 300 MB; format A: the import of such a file must finish in ≤ 1 s end to end, so the
// read should stay well under it). BENCH_FORMAT=A or BENCH_FORMAT=B runs one section only.
import { spawnSync } from 'node:child_process';
import { createReadStream, createWriteStream, readFileSync, statSync } from 'node:fs';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { CONNECTORS_PER_DIRECTION, connectorReport } from './synthetic-history.mjs';

const ROWS = Number(process.env.BENCH_ROWS ?? 1_000_000);
const CHUNK_BYTES = 1 << 20;
const ONLY = process.env.BENCH_FORMAT;
/** Format A: reads per child process (the first includes compiling the reader), and processes. */
const CONNECTOR_REPORT_READS = 11;
const CONNECTOR_REPORT_PROCESSES = 3;
/** As a browser's File.stream() hands a file to the import page's worker. */
const BROWSER_CHUNK_BYTES = 64 * 1024;
const ROOT = resolve(import.meta.dirname, '../..');

/** Peak resident set of this process so far, in bytes (Linux); else the current RSS. */
function peakRss() {
  try {
    const match = /VmHWM:\s+(\d+) kB/.exec(readFileSync('/proc/self/status', 'utf8'));
    if (match) return Number(match[1]) * 1024;
  } catch {}
  return process.memoryUsage().rss;
}

/** CPU seconds (user + system) of this process since `start`: steadier than wall time on a busy machine. */
function cpuSince(start) {
  const { user, system } = process.cpuUsage(start);
  return (user + system) / 1e6;
}

/** Our reader: bytes → rows → normalised values → daily records, chunk by chunk from a read stream. */
async function measureReader(bundle, file) {
  const { createMailflowReader } = await import(pathToFileURL(bundle).href);
  const cpu = process.cpuUsage();
  const started = performance.now();
  const reader = createMailflowReader('bench.csv', {});
  for await (const chunk of createReadStream(file, { highWaterMark: CHUNK_BYTES })) reader.push(chunk);
  const result = reader.finish();
  const seconds = (performance.now() - started) / 1000;
  const cpuSeconds = cpuSince(cpu);
  if (result.error !== null) throw new Error(result.error);
  return { rows: result.rows, seconds, cpuSeconds, records: result.records.length };
}

/** The baseline: Papa.parse over a read stream, counting rows per day in a Map. */
async function measurePapa(file) {
  const { default: Papa } = await import('papaparse');
  const cpu = process.cpuUsage();
  const started = performance.now();
  const perDay = new Map();
  let rows = -1;
  await new Promise((resolvePass, reject) => {
    Papa.parse(createReadStream(file, { highWaterMark: CHUNK_BYTES, encoding: 'utf8' }), {
      skipEmptyLines: true,
      step(row) {
        rows++;
        if (rows === 0) return;
        const day = row.data[0].slice(0, 10);
        perDay.set(day, (perDay.get(day) ?? 0) + 1);
      },
      complete: resolvePass,
      error: reject,
    });
  });
  const seconds = (performance.now() - started) / 1000;
  return { rows, seconds, cpuSeconds: cpuSince(cpu), records: perDay.size };
}

/**
 * Format A read from memory again and again: CPU ms of each whole read, chunk by chunk as the
 * worker gets it. The first read also pays for compiling the reader, as an import page's does.
 */
async function measureConnectorReport(bundle, file) {
  const { createMailflowReader } = await import(pathToFileURL(bundle).href);
  const bytes = readFileSync(file);
  const cpuMs = [];
  for (let read = 0; read < CONNECTOR_REPORT_READS; read++) {
    const cpu = process.cpuUsage();
    const reader = createMailflowReader('connector-report.csv', {});
    for (let at = 0; at < bytes.length; at += BROWSER_CHUNK_BYTES) {
      reader.push(bytes.subarray(at, at + BROWSER_CHUNK_BYTES));
    }
    const result = reader.finish();
    cpuMs.push(cpuSince(cpu) * 1000);
    if (result.error !== null) throw new Error(result.error);
    if (result.rejected.length > 0) throw new Error(`rejected: ${JSON.stringify(result.rejected[0])}`);
    if (result.records.length !== result.rows) {
      throw new Error(`${result.rows} rows gave ${result.records.length} records, expected one each`);
    }
  }
  return { cpuMs };
}

async function child(kind, bundle, file) {
  if (kind === 'connector-report') {
    process.stdout.write(JSON.stringify(await measureConnectorReport(bundle, file)));
    return;
  }
  const measured = kind === 'reader' ? await measureReader(bundle, file) : await measurePapa(file);
  process.stdout.write(JSON.stringify({ ...measured, peakRss: peakRss() }));
}

const CONNECTORS = [
  ['Received', 'NoConnector', ''],
  ['Received', 'Partner', 'Fabrikam Partner In'],
  ['Received', 'OnPremises', 'Hybrid On-Prem In'],
  ['Sent', 'NoConnector', ''],
  ['Sent', 'OnPremises', 'Hybrid On-Prem Out'],
  ['Sent', 'Partner', '"Tailspin, Toys ""EU"""'],
];
const TLS = ['TLS1.2', 'TLS1.2', 'TLS1.2', 'TLS1.3', 'TLS1.3', 'No Tls', 'TLS1.0', 'TLS1.2'];

/** A historical search export: ISO timestamps over 90 days, UTC; sender, recipient and message id per row. */
async function generate(file) {
  const out = createWriteStream(file);
  const write = (text) => (out.write(text) ? Promise.resolve() : new Promise((go) => out.once('drain', go)));
  await write(
    'origin_timestamp_utc,Direction,ConnectorType,ConnectorName,TLSVersion,SenderAddress,RecipientAddress,MessageId,Subject,MessageSize\r\n',
  );
  const start = Date.UTC(2025, 0, 1);
  let batch = '';
  for (let index = 0; index < ROWS; index++) {
    const time = new Date(start + Math.floor((index / ROWS) * 90 * 86_400_000)).toISOString();
    const [direction, type, name] = CONNECTORS[(index * 7) % CONNECTORS.length];
    const tls = TLS[(index * 13) % TLS.length];
    batch += `${time},${direction},${type},${name},${tls},user${index % 5000}@fabrikam.example,mailbox${index % 800}@contoso.example,<${index.toString(36)}.${(index * 2654435761) % 4294967296}@mail.fabrikam.example>,Quarterly report ${index % 97} follow-up for the regional sales team,${20000 + (index % 90000)}\r\n`;
    if (batch.length > 1 << 20) {
      await write(batch);
      batch = '';
    }
  }
  await write(batch);
  await new Promise((done, fail) => out.end((error) => (error ? fail(error) : done())));
}

/** src/core/formats as one ES module for Node, built with Vite's API (the extension build does not emit it). */
async function bundleCore(outDir) {
  const { build } = await import('vite');
  await build({
    logLevel: 'warn',
    configFile: false,
    publicDir: false,
    build: {
      outDir,
      emptyOutDir: true,
      target: 'node20',
      minify: false,
      ssr: resolve(ROOT, 'src/core/formats/index.ts'),
      rollupOptions: { output: { entryFileNames: 'formats.mjs' } },
    },
  });
  return join(outDir, 'formats.mjs');
}

function run(kind, bundle, file) {
  const measured = spawnSync(process.execPath, [import.meta.filename, '--measure', kind, bundle, file], {
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  if (measured.status !== 0) throw new Error(`${kind} measurement failed (exit ${measured.status})`);
  return JSON.parse(measured.stdout);
}

const mb = (bytes) => `${(bytes / 1024 / 1024).toFixed(0)} MB`;
const median = (values) => {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
};
const perSecond = (result) => result.rows / result.seconds;
const perCpuSecond = (result) => result.rows / result.cpuSeconds;
const rate = (value) => Math.round(value).toLocaleString('en-US');

/** Format B: the reader against PapaParse on a million-row per-message export. */
async function messageTraceSection(scratch, bundle) {
  const file = join(scratch, 'historical-search.csv');
  await generate(file);
  const size = statSync(file).size;
  console.log(`file: ${ROWS.toLocaleString('en-US')} per-message rows (format B), ${mb(size)}`);
  // Alternating, three runs each, the best of each kept: against disk-cache and neighbour noise.
  const papa = [];
  const ours = [];
  for (let round = 0; round < 3; round++) {
    papa.push(run('papa', bundle, file));
    ours.push(run('reader', bundle, file));
  }
  const best = (runs) => runs.reduce((a, b) => (perCpuSecond(b) > perCpuSecond(a) ? b : a));
  const [p, r] = [best(papa), best(ours)];
  if (r.rows !== p.rows) console.log(`warning: rows differ (reader ${r.rows}, papa ${p.rows})`);
  const line = (label, result, what) =>
    `${label} ${rate(perCpuSecond(result))} rows/s of CPU time, ${rate(perSecond(result))} rows/s wall (${result.cpuSeconds.toFixed(2)} s CPU, ${result.seconds.toFixed(2)} s wall, ${what}, peak RSS ${mb(result.peakRss)})`;
  console.log(line('reader (parse + normalise + group):', r, `${r.records} daily records`));
  console.log(line('PapaParse stream + Map per day:    ', p, `${p.records} days`));
  console.log(
    `ratio reader / Papa: ${(perCpuSecond(r) / perCpuSecond(p)).toFixed(2)} by CPU time, ${(perSecond(r) / perSecond(p)).toFixed(2)} by wall time (goal ≥ 0.80)`,
  );
  console.log(`reader peak RSS: ${mb(r.peakRss)} for a ${mb(size)} file (goal < 300 MB)`);
}

/** Format A: CPU of reading the store bench's 90-day connector report, cold and warm. */
async function connectorReportSection(scratch, bundle) {
  const file = join(scratch, 'connector-report.csv');
  await writeFile(file, connectorReport(90, 0));
  const rows = 90 * CONNECTORS_PER_DIRECTION * 2;
  console.log(
    `\nfile: 90 days × ${CONNECTORS_PER_DIRECTION} connectors × 2 directions (${rows.toLocaleString('en-US')} rows, format A, % shares), ${mb(statSync(file).size)}`,
  );
  const first = [];
  const again = [];
  for (let round = 0; round < CONNECTOR_REPORT_PROCESSES; round++) {
    const { cpuMs } = run('connector-report', bundle, file);
    first.push(cpuMs[0]);
    again.push(...cpuMs.slice(1));
  }
  const ms = (values) => `${median(values).toFixed(0)} ms`;
  console.log(
    `reader CPU per read, median: ${ms(first)} for the first read in a fresh process (compiling the reader included, as in an import page), ${ms(again)} for later reads (${CONNECTOR_REPORT_PROCESSES} processes × ${CONNECTOR_REPORT_READS} reads, ${BROWSER_CHUNK_BYTES / 1024} KiB chunks)`,
  );
}

async function main() {
  const scratch = await mkdtemp(join(tmpdir(), 'mailflow-lens-bench-'));
  try {
    const bundle = await bundleCore(join(scratch, 'core'));
    if (ONLY !== 'A') await messageTraceSection(scratch, bundle);
    if (ONLY !== 'B') await connectorReportSection(scratch, bundle);
  } finally {
    await rm(scratch, { recursive: true, force: true });
  }
}

const [flag, kind, bundle, file] = process.argv.slice(2);
if (flag === '--measure') await child(kind, bundle, file);
else await main();
