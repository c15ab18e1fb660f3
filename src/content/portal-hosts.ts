/**
 * The admin portal hosts Mailflow Lens works on: the one list. manifest.json's content script
 * matches are generated from it at build time, so the two cannot drift apart.
 */
export const PORTAL_HOSTS = [
  'admin.exchange.microsoft.com',
  'security.microsoft.com',
  'admin.cloud.microsoft',
  // Government clouds (GCC High, DoD) and Microsoft 365 operated by 21Vianet.
  'admin.exchange.office365.us',
  'security.microsoft.us',
  'admin.exchange.apps.mil',
  'security.apps.mil',
  'admin.exchange.partner.microsoftonline.cn',
] as const;

export function isPortalHost(hostname: string): boolean {
  return (PORTAL_HOSTS as readonly string[]).includes(hostname);
}

export function portalMatchPatterns(): string[] {
  return PORTAL_HOSTS.map((host) => `https://${host}/*`);
}
