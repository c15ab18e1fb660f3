/**
 * What the content script sends the service worker for a captured export, and the checks the
 * service worker runs on it before reading a byte. Bytes travel as base64 because Chromium passes
 * runtime messages as JSON (a Uint8Array would arrive as an object of numbered keys).
 */
import type { DateRange } from '../core/model.js';
import { isAcceptableFileName, MAX_CAPTURE_BYTES } from './relay-message.js';

export interface CaptureRequest {
  fileName: string;
  /** How the page produced the file: a page-built Blob, or a same-origin URL re-fetched. */
  source: 'blob' | 'url';
  /** The file's bytes, base64. */
  bytes: string;
}

export type CaptureOutcome =
  | {
      status: 'imported';
      importId: number;
      fileName: string;
      dataset: string;
      datasetName: string;
      rows: number;
      days: number;
      records: number;
      replaced: number;
      rejected: number;
      range: DateRange;
    }
  | { status: 'ignored'; reason: 'capture-off' | 'not-a-mail-flow-export' };

export const MAX_CAPTURE_BASE64 = Math.ceil(MAX_CAPTURE_BYTES / 3) * 4;
const BASE64 = /^[A-Za-z0-9+/]*={0,2}$/;

export function isCaptureRequest(request: unknown): request is CaptureRequest {
  if (typeof request !== 'object' || request === null || Array.isArray(request)) return false;
  const keys = Object.keys(request);
  if (keys.length !== 3 || !['fileName', 'source', 'bytes'].every((key) => keys.includes(key))) return false;
  const r = request as Record<string, unknown>;
  return (
    isAcceptableFileName(r.fileName) &&
    (r.fileName as string).trim() !== '' &&
    (r.source === 'blob' || r.source === 'url') &&
    typeof r.bytes === 'string' &&
    r.bytes.length > 0 &&
    r.bytes.length <= MAX_CAPTURE_BASE64 &&
    r.bytes.length % 4 === 0 &&
    BASE64.test(r.bytes)
  );
}

const CHUNK = 0x8000;

export function toBase64(bytes: Uint8Array): string {
  let binary = '';
  for (let start = 0; start < bytes.length; start += CHUNK)
    binary += String.fromCharCode(...bytes.subarray(start, start + CHUNK));
  return btoa(binary);
}

export function fromBase64(text: string): Uint8Array {
  const binary = atob(text);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return bytes;
}
