/**
 * The MAIN-world half of export capture (manifest: `"world": "MAIN"`, at document_start). A
 * single-page app builds its CSV as a Blob and clicks a detached `<a download>`: no event reaches
 * the document, and the isolated content script cannot see the page's object URLs. So this script
 * watches the two calls such a download goes through, and tells the isolated script about it with
 * one `postMessage` (relay-message.ts).
 *
 * It runs with the page's rights and anything here can be forged by the page, so it only relays:
 * it reads nothing, stores nothing and talks to no extension API. Every wrapper calls the page's
 * original first or last, unchanged, and swallows its own errors: the page's download always
 * happens exactly as it would without the extension.
 */
import { MAX_CAPTURE_BYTES, RELAY_CHANNEL, type RelayMessage } from './relay-message.js';

/** Object URLs of small Blobs the page made lately, newest last (a page-built export is one of them). */
const recentBlobs = new Map<string, Blob>();
const MAX_REMEMBERED = 16;

function remember(url: string, blob: Blob): void {
  recentBlobs.set(url, blob);
  while (recentBlobs.size > MAX_REMEMBERED) {
    const oldest = recentBlobs.keys().next().value;
    if (oldest === undefined) break;
    recentBlobs.delete(oldest);
  }
}

function post(message: RelayMessage): void {
  window.postMessage(message, window.location.origin);
}

/** Called when the page activates an anchor from script: relays it if it downloads a file. */
function relayDownload(anchor: HTMLAnchorElement): void {
  if (!anchor.hasAttribute('download')) return;
  const fileName = anchor.getAttribute('download') ?? '';
  const href = anchor.href;
  if (href.startsWith('blob:')) {
    const blob = recentBlobs.get(href);
    if (blob !== undefined) post({ channel: RELAY_CHANNEL, kind: 'blob', fileName, blob });
  } else if (href !== '') {
    // The isolated script decides whether it may fetch this URL (same origin or data: only).
    post({ channel: RELAY_CHANNEL, kind: 'url', fileName, url: href });
  }
}

const createObjectURL = URL.createObjectURL;
URL.createObjectURL = function createObjectURLWatched(object: Blob | MediaSource): string {
  const url = createObjectURL.call(URL, object);
  try {
    if (object instanceof Blob && object.size > 0 && object.size <= MAX_CAPTURE_BYTES) remember(url, object);
  } catch {
    // Never let the relay break the page.
  }
  return url;
};

const anchorClick = HTMLAnchorElement.prototype.click;
HTMLAnchorElement.prototype.click = function clickWatched(this: HTMLAnchorElement): void {
  try {
    relayDownload(this);
  } catch {
    // Never let the relay break the page.
  }
  anchorClick.call(this);
};

// FileSaver.js and similar libraries dispatch a synthetic MouseEvent instead of calling click().
const dispatchEvent = EventTarget.prototype.dispatchEvent;
EventTarget.prototype.dispatchEvent = function dispatchEventWatched(
  this: EventTarget,
  event: Event,
): boolean {
  try {
    if (event.type === 'click' && this instanceof HTMLAnchorElement) relayDownload(this);
  } catch {
    // Never let the relay break the page.
  }
  return dispatchEvent.call(this, event);
};
