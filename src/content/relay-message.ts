/**
 * The one message the MAIN-world relay (capture-relay.ts) posts to the isolated content script:
 * "the page is downloading this file". Anything in the page can post the same message, so it is
 * only a hint: the isolated script checks its exact shape here, accepts it only right after a
 * trusted click (click-gate.ts), and the service worker checks again.
 */
export const RELAY_CHANNEL = 'mailflow-lens/capture-relay/v1';

/** The largest export we read: the portal's 90-day exports are far smaller (a few hundred KB). */
export const MAX_CAPTURE_BYTES = 16 * 1024 * 1024;
export const MAX_FILE_NAME_LENGTH = 255;
const MAX_URL_LENGTH = 8192;

export type RelayMessage =
  | { channel: typeof RELAY_CHANNEL; kind: 'blob'; fileName: string; blob: Blob }
  | { channel: typeof RELAY_CHANNEL; kind: 'url'; fileName: string; url: string };

function hasExactly(value: unknown, keys: readonly string[]): value is Record<string, unknown> {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return false;
  const own = Object.keys(value);
  return own.length === keys.length && keys.every((key) => own.includes(key));
}

export function isAcceptableFileName(value: unknown): value is string {
  // biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are what is refused.
  return typeof value === 'string' && value.length <= MAX_FILE_NAME_LENGTH && !/[\u0000-\u001f]/.test(value);
}

/** The relay message, or null for anything else (other extensions, the page's own messages, forgeries of the wrong shape). */
export function parseRelayMessage(data: unknown): RelayMessage | null {
  if (hasExactly(data, ['channel', 'kind', 'fileName', 'blob'])) {
    if (data.channel !== RELAY_CHANNEL || data.kind !== 'blob' || !isAcceptableFileName(data.fileName))
      return null;
    const blob = data.blob;
    if (typeof Blob === 'undefined' || !(blob instanceof Blob) || blob.size === 0) return null;
    if (blob.size > MAX_CAPTURE_BYTES) return null;
    return { channel: RELAY_CHANNEL, kind: 'blob', fileName: data.fileName, blob };
  }
  if (hasExactly(data, ['channel', 'kind', 'fileName', 'url'])) {
    if (data.channel !== RELAY_CHANNEL || data.kind !== 'url' || !isAcceptableFileName(data.fileName))
      return null;
    if (typeof data.url !== 'string' || data.url.length === 0 || data.url.length > MAX_URL_LENGTH)
      return null;
    return { channel: RELAY_CHANNEL, kind: 'url', fileName: data.fileName, url: data.url };
  }
  return null;
}

/** File names and types that can hold a CSV export; other downloads (PDF, images) are never read. */
export function mayBeCsvExport(fileName: string, mimeType: string): boolean {
  if (/\.(csv|tsv|txt)$/i.test(fileName.trim())) return true;
  return /(^|[/+.-])(csv|tab-separated-values|plain|vnd\.ms-excel)($|[;\s])/i.test(mimeType);
}
