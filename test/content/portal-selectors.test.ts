// @vitest-environment happy-dom
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import { DOWNLOAD_LINK, dockTop, downloadLinkAt, SUITE_HEADER } from '../../src/content/portal-selectors.js';

const fixture = readFileSync(
  resolve(import.meta.dirname, '../fixtures/portal/eac-inbound-messages-report.html'),
  'utf8',
);

describe('portal selectors on the saved Inbound messages report page', () => {
  beforeEach(() => {
    document.documentElement.innerHTML = new DOMParser().parseFromString(
      fixture,
      'text/html',
    ).documentElement.innerHTML;
  });

  it('find the suite header the panel docks below', () => {
    expect(document.querySelector(SUITE_HEADER)?.id).toBe('O365_NavHeader');
  });

  it('dock below the suite header, or at the top when there is none', () => {
    const header = document.querySelector(SUITE_HEADER) as HTMLElement;
    header.getBoundingClientRect = () => ({ bottom: 48 }) as DOMRect;
    expect(dockTop(document)).toBe(48);
    header.remove();
    expect(dockTop(document)).toBe(0);
  });

  it('find the download link a click lands on, also from the icon inside it', () => {
    const icon = document.querySelector('#export-url .ms-Button-icon');
    expect(downloadLinkAt(icon)?.id).toBe('export-url');
    expect(downloadLinkAt(document.getElementById('export-url'))?.getAttribute('href')).toBe(
      '/export/inbound.csv',
    );
  });

  it('do not take the Export button, navigation links or table cells for download links', () => {
    expect(downloadLinkAt(document.getElementById('export-blob'))).toBeNull();
    expect(downloadLinkAt(document.querySelector('nav a'))).toBeNull();
    expect(downloadLinkAt(document.querySelector('td'))).toBeNull();
    expect(downloadLinkAt(null)).toBeNull();
    expect(document.querySelectorAll(DOWNLOAD_LINK)).toHaveLength(1);
  });

  it('recognise <a download> and blob: links the page adds', () => {
    const link = document.createElement('a');
    link.href = 'blob:https://admin.exchange.microsoft.com/0b7c';
    document.body.append(link);
    expect(downloadLinkAt(link)).toBe(link);
    const named = document.createElement('a');
    named.href = '/api/report?id=1';
    named.setAttribute('download', 'report.csv');
    document.body.append(named);
    expect(downloadLinkAt(named)).toBe(named);
  });
});
