import { describe, expect, it } from 'vitest';
import {
  fromBase64,
  isCaptureRequest,
  MAX_CAPTURE_BASE64,
  toBase64,
} from '../../src/content/capture-payload.js';

describe('the capture-export request the service worker accepts', () => {
  const good = {
    fileName: 'InboundMessagesReport.csv',
    source: 'blob',
    bytes: toBase64(new Uint8Array([68, 97])),
  };

  it('is exactly a file name, a source and base64 bytes', () => {
    expect(isCaptureRequest(good)).toBe(true);
    expect(isCaptureRequest({ ...good, source: 'url' })).toBe(true);
  });

  it('is refused with extra or missing keys, odd sources, bad base64 or oversize bytes', () => {
    expect(isCaptureRequest({ ...good, dataset: 'other-tenant' })).toBe(false);
    expect(isCaptureRequest({ fileName: good.fileName, source: 'blob' })).toBe(false);
    expect(isCaptureRequest({ ...good, source: 'file' })).toBe(false);
    expect(isCaptureRequest({ ...good, fileName: '' })).toBe(false);
    expect(isCaptureRequest({ ...good, fileName: 'a\nb.csv' })).toBe(false);
    expect(isCaptureRequest({ ...good, bytes: '' })).toBe(false);
    expect(isCaptureRequest({ ...good, bytes: 'not base64!' })).toBe(false);
    expect(isCaptureRequest({ ...good, bytes: 'abc' })).toBe(false);
    expect(isCaptureRequest({ ...good, bytes: [1, 2] })).toBe(false);
    expect(isCaptureRequest({ ...good, bytes: 'A'.repeat(MAX_CAPTURE_BASE64 + 4) })).toBe(false);
    expect(isCaptureRequest(null)).toBe(false);
    expect(isCaptureRequest([good])).toBe(false);
  });

  it('carries any bytes through base64 unchanged, large files included', () => {
    const bytes = Uint8Array.from({ length: 100_000 }, (_, i) => (i * 31) % 256);
    expect(fromBase64(toBase64(bytes))).toEqual(bytes);
    expect(fromBase64(toBase64(new Uint8Array()))).toEqual(new Uint8Array());
  });
});
