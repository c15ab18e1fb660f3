// A local HTTPS server standing in for the Exchange admin center, for the capture tests: a
// throw-away self-signed certificate made with openssl in a temp dir, and node:https. Chromium
// reaches it under the real host names through --host-resolver-rules.
import { execFile } from 'node:child_process';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { createServer } from 'node:https';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { FIXTURES } from '../../scripts/chromium-extension.mjs';

const run = promisify(execFile);

export const PORTAL_PAGE = resolve(FIXTURES, 'portal/eac-inbound-messages-report.html');
export const EXPORT_CSV = resolve(FIXTURES, 'shared/eac-inbound-outbound-en.csv');

/** Starts the stand-in portal; `hostRules` is the Chromium flag that maps `hosts` to it. */
export async function startPortalServer(hosts) {
  const dir = await mkdtemp(join(tmpdir(), 'mailflow-lens-cert-'));
  const key = join(dir, 'key.pem');
  const cert = join(dir, 'cert.pem');
  await run('openssl', [
    'req',
    '-x509',
    '-newkey',
    'rsa:2048',
    '-nodes',
    '-subj',
    '/CN=admin.exchange.microsoft.com',
    '-days',
    '1',
    '-keyout',
    key,
    '-out',
    cert,
  ]);
  const page = await readFile(PORTAL_PAGE);
  const csv = await readFile(EXPORT_CSV);
  const server = createServer(
    { key: await readFile(key), cert: await readFile(cert) },
    (request, response) => {
      const path = new URL(request.url, 'https://localhost').pathname;
      if (path === '/api/connector-report') {
        response.writeHead(200, { 'content-type': 'text/plain; charset=utf-8' }).end(csv);
      } else if (path === '/export/inbound.csv') {
        response
          .writeHead(200, {
            'content-type': 'text/csv; charset=utf-8',
            'content-disposition': 'attachment; filename="InboundMessagesReport.csv"',
          })
          .end(csv);
      } else if (path === '/') {
        response.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(page);
      } else {
        response.writeHead(404).end();
      }
    },
  );
  await new Promise((done) => server.listen(0, '127.0.0.1', done));
  const { port } = server.address();
  return {
    port,
    csv,
    hostRules: `--host-resolver-rules=${hosts.map((host) => `MAP ${host} 127.0.0.1:${port}`).join(', ')}`,
    async close() {
      await new Promise((done) => server.close(done));
      await rm(dir, { recursive: true, force: true });
    },
  };
}
