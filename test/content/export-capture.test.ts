import { describe, expect, it, vi } from 'vitest';
import {
  decodeDataUrl,
  fetchOwnOrigin,
  fileNameFromContentDisposition,
} from '../../src/content/export-capture.js';

const ORIGIN = 'https://admin.exchange.microsoft.com';
const csvResponse = (headers: Record<string, string> = {}) =>
  new Response('Date,Volume\n2025-03-03,1\n', {
    status: 200,
    headers: { 'content-type': 'text/csv', ...headers },
  });

describe('re-fetching a URL download', () => {
  it('fetches a same-origin URL with the page’s credentials and names the file from the response', async () => {
    const fetchFile = vi.fn(async () =>
      csvResponse({ 'content-disposition': 'attachment; filename="InboundMessagesReport.csv"' }),
    );
    const file = await fetchOwnOrigin(`${ORIGIN}/export/inbound.csv`, '', ORIGIN, fetchFile);
    expect(file?.fileName).toBe('InboundMessagesReport.csv');
    expect(new TextDecoder().decode(file?.bytes)).toMatch(/^Date,Volume/);
    expect(fetchFile).toHaveBeenCalledWith(`${ORIGIN}/export/inbound.csv`, {
      credentials: 'same-origin',
      redirect: 'error',
    });
  });

  it('never follows a cross-origin, plain-http or non-web URL', async () => {
    const fetchFile = vi.fn(async () => csvResponse());
    for (const url of [
      'https://reports.example.test/export.csv',
      'https://admin.exchange.microsoft.com.evil.test/export.csv',
      'http://admin.exchange.microsoft.com/export.csv',
      'blob:https://other.example.test/0b7c',
      'file:///etc/passwd',
      'javascript:alert(1)',
      'not a url',
    ])
      expect(await fetchOwnOrigin(url, 'a.csv', ORIGIN, fetchFile)).toBeNull();
    expect(fetchFile).not.toHaveBeenCalled();
  });

  it('gives up on an error status or a file over the size limit', async () => {
    expect(
      await fetchOwnOrigin(`${ORIGIN}/x.csv`, '', ORIGIN, async () => new Response('', { status: 403 })),
    ).toBeNull();
    const huge = async () => csvResponse({ 'content-length': String(64 * 1024 * 1024) });
    expect(await fetchOwnOrigin(`${ORIGIN}/x.csv`, '', ORIGIN, huge)).toBeNull();
  });

  it('reads the file name from either form of Content-Disposition', () => {
    expect(fileNameFromContentDisposition('attachment; filename="Inbound report.csv"')).toBe(
      'Inbound report.csv',
    );
    expect(fileNameFromContentDisposition("attachment; filename*=UTF-8''Rapport%20entrant.csv")).toBe(
      'Rapport entrant.csv',
    );
    expect(fileNameFromContentDisposition('attachment; filename=plain.csv; size=3')).toBe('plain.csv');
    expect(fileNameFromContentDisposition(null)).toBe('');
  });

  it('decodes data: URLs, base64 or percent-encoded', () => {
    const plain = decodeDataUrl('data:text/csv;charset=utf-8,Date%2CVolume%0A', 'a.csv');
    expect(new TextDecoder().decode(plain?.bytes)).toBe('Date,Volume\n');
    expect(plain?.mimeType).toBe('text/csv');
    const base64 = decodeDataUrl(`data:text/csv;base64,${btoa('Date,Volume\n')}`, '');
    expect(new TextDecoder().decode(base64?.bytes)).toBe('Date,Volume\n');
    expect(base64?.fileName).toBe('export.csv');
    expect(decodeDataUrl('data:text/csv,', 'a.csv')).toBeNull();
  });
});
