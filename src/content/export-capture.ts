/**
 * The isolated-world half of export capture: turns "the page is downloading a file" into a
 * `capture-export` message, and only when the person has just clicked. Two ways in:
 * - the relay's message (capture-relay.ts) for page-built Blobs and script-clicked links;
 * - a trusted click on a download link in the page (portal-selectors.ts), re-fetched here.
 * URLs are only ever fetched when they are on the page's own origin (with its cookies, as the
 * page's own download is) or are data: URLs; a cross-origin URL is never followed.
 */
import { type CaptureOutcome, type CaptureRequest, toBase64 } from './capture-payload.js';
import type { ClickGate } from './click-gate.js';
import { downloadLinkAt } from './portal-selectors.js';
import { MAX_CAPTURE_BYTES, mayBeCsvExport, parseRelayMessage } from './relay-message.js';

/**
 * A re-fetch waits this long, so the page's own download request always goes first: if the portal
 * ever serves single-use export URLs, our copy fails, never the person's download.
 */
export const REFETCH_DELAY_MS = 1000;

const later = (ms: number) => new Promise<void>((done) => setTimeout(done, ms));

export interface CapturedFile {
  fileName: string;
  mimeType: string;
  bytes: Uint8Array;
}

export interface ExportCaptureOptions {
  window: Window;
  gate: ClickGate;
  /** settings.autoCapture, read fresh for each capture (the person may switch it off at any time). */
  isEnabled: () => Promise<boolean>;
  send: (request: CaptureRequest) => Promise<CaptureOutcome>;
  onImported: (outcome: Extract<CaptureOutcome, { status: 'imported' }>) => void;
  fetch?: typeof fetch;
  now?: () => number;
}

export function startExportCapture(options: ExportCaptureOptions): void {
  const { window: win, gate } = options;
  const now = options.now ?? (() => Date.now());
  const pageFetch = options.fetch ?? win.fetch.bind(win);
  const fetchFile: typeof fetch = async (input, init) => {
    await later(REFETCH_DELAY_MS);
    return pageFetch(input, init);
  };

  async function capture(read: () => Promise<CapturedFile | null>, source: CaptureRequest['source']) {
    if (!(await options.isEnabled())) return;
    const file = await read();
    if (file === null || !mayBeCsvExport(file.fileName, file.mimeType)) return;
    const outcome = await options.send({ fileName: file.fileName, source, bytes: toBase64(file.bytes) });
    if (outcome.status === 'imported') options.onImported(outcome);
  }

  function quietly(promise: Promise<void>): void {
    // A capture that fails must never surface in the page: the page's own download is unaffected.
    promise.catch(() => {});
  }

  win.addEventListener(
    'click',
    (event) => {
      gate.onClick(event, now());
      if (!event.isTrusted) return;
      const link = downloadLinkAt(event.target);
      if (link === null || !gate.consume(now())) return;
      const url = link.href;
      const hint = link.getAttribute('download') ?? '';
      quietly(capture(() => fetchOwnOrigin(url, hint, win.location.origin, fetchFile), 'url'));
    },
    true,
  );

  win.addEventListener('message', (event: MessageEvent) => {
    if (event.source !== win || event.origin !== win.location.origin) return;
    const message = parseRelayMessage(event.data);
    if (message === null || !gate.consume(now())) return;
    if (message.kind === 'blob') {
      const { blob, fileName } = message;
      quietly(
        capture(
          async () => ({
            fileName: fileName.trim() === '' ? 'export.csv' : fileName,
            mimeType: blob.type,
            bytes: new Uint8Array(await blob.arrayBuffer()),
          }),
          'blob',
        ),
      );
    } else {
      quietly(
        capture(() => fetchOwnOrigin(message.url, message.fileName, win.location.origin, fetchFile), 'url'),
      );
    }
  });
}

/** The file behind a same-origin, blob: (same origin) or data: URL; null for anything else or too big. */
export async function fetchOwnOrigin(
  url: string,
  fileNameHint: string,
  pageOrigin: string,
  fetchFile: typeof fetch,
): Promise<CapturedFile | null> {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return null;
  }
  if (parsed.protocol === 'data:') return decodeDataUrl(url, fileNameHint);
  const sameOrigin =
    parsed.protocol === 'blob:'
      ? parsed.origin === pageOrigin
      : parsed.protocol === 'https:' && parsed.origin === pageOrigin;
  if (!sameOrigin) return null;
  const response = await fetchFile(parsed.href, { credentials: 'same-origin', redirect: 'error' });
  if (!response.ok) return null;
  const declared = Number(response.headers.get('content-length') ?? '0');
  if (declared > MAX_CAPTURE_BYTES) return null;
  const bytes = await readLimited(response, MAX_CAPTURE_BYTES);
  if (bytes === null || bytes.length === 0) return null;
  const fileName =
    fileNameHint.trim() ||
    fileNameFromContentDisposition(response.headers.get('content-disposition')) ||
    decodeURIComponent(parsed.pathname.split('/').pop() ?? '') ||
    'export.csv';
  return { fileName, mimeType: response.headers.get('content-type') ?? '', bytes };
}

async function readLimited(response: Response, limit: number): Promise<Uint8Array | null> {
  if (response.body === null) return new Uint8Array(await response.arrayBuffer());
  const reader = response.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.length;
    if (size > limit) {
      await reader.cancel();
      return null;
    }
    chunks.push(value);
  }
  const bytes = new Uint8Array(size);
  let offset = 0;
  for (const chunk of chunks) {
    bytes.set(chunk, offset);
    offset += chunk.length;
  }
  return bytes;
}

export function fileNameFromContentDisposition(header: string | null): string {
  if (header === null) return '';
  const extended = /filename\*\s*=\s*(?:UTF-8|utf-8)''([^;]+)/.exec(header);
  if (extended?.[1] !== undefined) {
    try {
      return decodeURIComponent(extended[1].trim());
    } catch {
      // Fall through to the plain parameter.
    }
  }
  const plain = /filename\s*=\s*(?:"([^"]*)"|([^;]+))/i.exec(header);
  return (plain?.[1] ?? plain?.[2] ?? '').trim();
}

/** `data:[<type>][;base64],<data>`, as some pages build their CSV downloads. */
export function decodeDataUrl(url: string, fileName: string): CapturedFile | null {
  const comma = url.indexOf(',');
  if (!url.startsWith('data:') || comma < 0) return null;
  const meta = url.slice(5, comma);
  const data = url.slice(comma + 1);
  const isBase64 = /;base64$/i.test(meta);
  const mimeType = (isBase64 ? meta.slice(0, -7) : meta).split(';')[0] ?? '';
  let bytes: Uint8Array;
  try {
    if (isBase64) {
      const binary = atob(decodeURIComponent(data));
      bytes = Uint8Array.from(binary, (char) => char.charCodeAt(0));
    } else {
      bytes = new TextEncoder().encode(decodeURIComponent(data));
    }
  } catch {
    return null;
  }
  if (bytes.length === 0 || bytes.length > MAX_CAPTURE_BYTES) return null;
  return { fileName: fileName.trim() === '' ? 'export.csv' : fileName, mimeType, bytes };
}
