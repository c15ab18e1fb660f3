/**
 * Everything that finds portal DOM, in one place, because the portal will change under us. Each
 * selector is tested against the saved pages in test/fixtures/portal/.
 */

/** The Microsoft 365 suite header (the blue/black bar at the top); the panel docks below it. */
export const SUITE_HEADER = '#O365_NavHeader, #HeaderButtonRegion, [data-automation-id="SuiteHeader"]';

/**
 * A link whose click downloads a file the portal serves: an `<a download>`, or a link to a .csv.
 * `blob:` links are included because a link the person clicks may point at a page-built file.
 */
export const DOWNLOAD_LINK = 'a[download], a[href$=".csv" i], a[href*=".csv?" i], a[href^="blob:"]';

/** The download link a click landed on (the click may land on an icon or span inside it). */
export function downloadLinkAt(target: EventTarget | null): HTMLAnchorElement | null {
  if (typeof Element === 'undefined' || !(target instanceof Element)) return null;
  const link = target.closest(DOWNLOAD_LINK);
  return link instanceof HTMLAnchorElement && link.href !== '' ? link : null;
}

/** Where the panel's top edge goes so it never covers the suite header: its bottom, or 0. */
export function dockTop(document: Document): number {
  const header = document.querySelector(SUITE_HEADER);
  if (header === null) return 0;
  const bottom = header.getBoundingClientRect().bottom;
  return Number.isFinite(bottom) && bottom > 0 && bottom < 200 ? Math.round(bottom) : 0;
}

/** The suite header's background, to fill the corner above the docked panel; null when there is none. */
export function suiteHeaderBackground(document: Document): string | null {
  const header = document.querySelector(SUITE_HEADER);
  const view = document.defaultView;
  if (header === null || view === null) return null;
  const color = view.getComputedStyle(header).backgroundColor;
  return color === '' || color === 'transparent' || color === 'rgba(0, 0, 0, 0)' ? null : color;
}
