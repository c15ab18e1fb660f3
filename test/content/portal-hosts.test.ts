import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  isPortalHost,
  isPortalUrl,
  PORTAL_HOSTS,
  portalMatchPatterns,
} from '../../src/content/portal-hosts.js';

describe('the portal host list', () => {
  it('names the Exchange admin center, Defender and the unified admin host, and their government clouds', () => {
    for (const host of ['admin.exchange.microsoft.com', 'security.microsoft.com', 'admin.cloud.microsoft'])
      expect(PORTAL_HOSTS).toContain(host);
    expect(PORTAL_HOSTS).toContain('admin.exchange.office365.us');
    expect(new Set(PORTAL_HOSTS).size).toBe(PORTAL_HOSTS.length);
  });

  it('matches exact host names only, never a look-alike or a subdomain', () => {
    expect(isPortalHost('admin.exchange.microsoft.com')).toBe(true);
    expect(isPortalHost('admin.exchange.microsoft.com.evil.test')).toBe(false);
    expect(isPortalHost('evil.admin.exchange.microsoft.com')).toBe(false);
    expect(isPortalHost('ADMIN.exchange.microsoft.com.')).toBe(false);
    expect(isPortalHost('portal.example.test')).toBe(false);
  });

  it('accepts https URLs on a listed host and refuses other schemes, ports and embedded credentials', () => {
    expect(isPortalUrl('https://admin.exchange.microsoft.com/#/reports/mailflowreportsmain')).toBe(true);
    expect(isPortalUrl('https://security.microsoft.com/')).toBe(true);
    expect(isPortalUrl('http://admin.exchange.microsoft.com/')).toBe(false);
    expect(isPortalUrl('https://admin.exchange.microsoft.com:8443/')).toBe(false);
    expect(isPortalUrl('https://user:pw@admin.exchange.microsoft.com/')).toBe(false);
    expect(isPortalUrl('https://admin.exchange.microsoft.com.evil.test/')).toBe(false);
    expect(isPortalUrl('chrome-extension://abc/panel.html')).toBe(false);
    expect(isPortalUrl('not a url')).toBe(false);
    expect(isPortalUrl(undefined)).toBe(false);
  });

  it('gives one https match pattern per host, which the build writes into both manifests', async () => {
    expect(portalMatchPatterns()).toEqual(PORTAL_HOSTS.map((host) => `https://${host}/*`));
    const manifest = JSON.parse(await readFile(resolve(import.meta.dirname, '../../manifest.json'), 'utf8'));
    for (const script of manifest.content_scripts) expect(script.matches).toEqual(['$PORTAL_HOSTS']);
    for (const resource of manifest.web_accessible_resources)
      expect(resource.matches).toEqual(['$PORTAL_HOSTS']);
  });
});
