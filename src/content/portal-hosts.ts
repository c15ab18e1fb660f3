/**
 * The admin portal hosts Mailflow Lens works on: the one list, kept in portal-hosts.json so that
 * scripts/build.mjs generates the manifest's content script and web-accessible-resource matches
 * from the same file. The two cannot drift apart.
 */
import hostList from './portal-hosts.json';

export const PORTAL_HOSTS: readonly string[] = Object.freeze([...hostList.hosts]);

export function isPortalHost(hostname: string): boolean {
  return PORTAL_HOSTS.includes(hostname);
}

/** An https: URL on a listed host (no port other than the default, no credentials in the URL). */
export function isPortalUrl(url: string | undefined): boolean {
  if (typeof url !== 'string') return false;
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return false;
  }
  return (
    parsed.protocol === 'https:' &&
    parsed.port === '' &&
    parsed.username === '' &&
    parsed.password === '' &&
    isPortalHost(parsed.hostname)
  );
}

export function portalMatchPatterns(): string[] {
  return PORTAL_HOSTS.map((host) => `https://${host}/*`);
}
