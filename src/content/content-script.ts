/**
 * The content script for the admin portal hosts (PORTAL_HOSTS). It is built as one classic IIFE
 * file because content scripts cannot be ES modules. It refuses to run anywhere else, so a
 * mistaken match pattern can never make it act on another site.
 */
import { isPortalHost } from './portal-hosts.js';

export function startPortalIntegration(location: Pick<Location, 'hostname'>): boolean {
  return isPortalHost(location.hostname);
}

startPortalIntegration(window.location);
