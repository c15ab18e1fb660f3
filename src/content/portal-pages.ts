/**
 * The portal pages that show the mail flow reports Mailflow Lens keeps: the one place their URLs
 * are described. The panel appears on these pages only (capture works on every listed host,
 * because only a recognised export is ever imported).
 *
 * The new Exchange admin center is a single-page app with hash routes: Reports › Mail flow is
 * `#/reports/mailflowreportsmain` (also reached as `vipmailflowdetails`), the SMTP AUTH clients
 * report `#/reports/smtpauthmailflowdetails`, the connector reports `#/reports/…connector…`, and the
 * Inbound/Outbound messages reports `#/reports/inbound…` / `#/reports/outbound…`. In the unified
 * admin host (admin.cloud.microsoft) the same routes sit under `/exchange`. Route names are
 * compared case-insensitively and may carry a query or sub-path.
 */
import { isPortalUrl } from './portal-hosts.js';

const MAIL_FLOW_REPORT_ROUTE =
  /^#\/reports\/(?:mailflowreportsmain|vipmailflowdetails|smtpauth[a-z]*|[a-z]*connector[a-z]*|inbound[a-z]*|outbound[a-z]*)(?:[/?].*)?$/i;

/** Paths under which the Exchange admin center app is served, per host kind. */
const EAC_PATHS = new Set(['/', '', '/exchange', '/exchange/']);

export function isMailFlowReportPage(url: string): boolean {
  if (!isPortalUrl(url)) return false;
  const parsed = new URL(url);
  return EAC_PATHS.has(parsed.pathname) && MAIL_FLOW_REPORT_ROUTE.test(parsed.hash);
}
