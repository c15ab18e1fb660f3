#!/usr/bin/env node
// Writes the demo tenant that `npm start` imports: four weeks of Inbound and Outbound messages
// report exports (format A, English, shares with one decimal like the portal, plus TLS 1.3),
// deterministic so the numbers `npm start` prints are the same on every machine.
// Usage: node scripts/make-sample.mjs  (rewrites test/fixtures/sample/*.csv)
import { mkdir, writeFile } from 'node:fs/promises';
import { resolve } from 'node:path';

const outDir = resolve(import.meta.dirname, '../test/fixtures/sample');
const LAST_DAY = Date.UTC(2025, 2, 7);
const DAYS = 28;

let seed = 20250307;
function random() {
  seed = (seed * 1103515245 + 12345) % 2147483648;
  return seed / 2147483648;
}

// name, type, forced, base volume, shares [none, tls1.0, tls1.1, tls1.2, tls1.3]
const CONNECTORS = {
  Inbound: [
    ['From the internet without a connector', '', 'False', 18000, [0.022, 0, 0, 0.62, 0.358]],
    ['Fabrikam Partner In', 'Partner', 'True', 520, [0, 0.6, 0, 0.4, 0]],
    ['Hybrid On-Prem In', 'OnPremises', 'True', 2400, [0, 0, 0, 1, 0]],
  ],
  Outbound: [
    ['To the internet without a connector', '', 'False', 10000, [0.034, 0, 0, 0.45, 0.516]],
    ['Hybrid On-Prem Out', 'OnPremises', 'True', 2300, [0, 0, 0, 1, 0]],
    ['Woodgrove Bank Out', 'Partner', 'False', 310, [0.31, 0, 0.04, 0.65, 0]],
  ],
};

function percent(value) {
  return `${(Math.round(value * 1000) / 10).toString()}%`;
}

const header =
  'Date,Connector direction and name,Connector type,Forced TLS?,No TLS,TLS 1.0,TLS 1.1,TLS 1.2,TLS 1.3,Volume';
await mkdir(outDir, { recursive: true });
for (const [direction, connectors] of Object.entries(CONNECTORS)) {
  const lines = [header];
  for (let day = DAYS - 1; day >= 0; day--) {
    const date = new Date(LAST_DAY - day * 86_400_000);
    const weekend = date.getUTCDay() === 0 || date.getUTCDay() === 6;
    const isoDate = date.toISOString().slice(0, 10);
    for (const [name, type, forced, base, shares] of connectors) {
      const volume = Math.round(base * (weekend ? 0.35 : 1) * (0.9 + random() * 0.2));
      const jitter = shares.map((share) =>
        share > 0 && share < 1 ? Math.max(0, share + (random() - 0.5) * 0.01) : share,
      );
      const sum = jitter.reduce((a, b) => a + b, 0);
      const cells = jitter.map((share) => percent(share / sum));
      lines.push([isoDate, `${direction} - ${name}`, type, forced, ...cells, volume].join(','));
    }
  }
  const file = resolve(outDir, `${direction.toLowerCase()}-messages-report.csv`);
  await writeFile(file, `${lines.join('\r\n')}\r\n`);
  console.log(`wrote ${file} (${lines.length - 1} rows)`);
}
