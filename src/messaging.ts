/**
 * The one typed message protocol between extension contexts (pages, content scripts → service
 * worker; the service worker → its offscreen document). Replies carry errors as data and the
 * caller re-throws them, so no call hangs or fails silently. The receiving side checks the sender
 * and the payload's shape before acting.
 */

import {
  extensionId,
  extensionUrl,
  type MessageSender,
  onRuntimeMessage,
  sendRuntimeMessage,
} from './browser-api.js';
import { type CaptureOutcome, type CaptureRequest, isCaptureRequest } from './content/capture-payload.js';
import { isPortalUrl } from './content/portal-hosts.js';
import { isIsoDate } from './core/dates.js';
import { isObject } from './core/is-object.js';
import type { DateRange } from './core/model.js';
import type { ImportSummary, UndoOutcome } from './store/imports.js';
import type { Dataset } from './store/schema.js';
import { checkMirror, type SnapshotMirror } from './store/snapshot-mirror.js';
import { QUERY_NAMES, type QueryName } from './worker/protocol.js';

type Empty = Record<string, never>;

/** One of the store queries, with its request (the query handlers check its fields again). */
export interface QueryRequest {
  name: QueryName;
  request: { dataset: string } & Record<string, unknown>;
}

export interface ProtocolMap {
  /** Delete what an import added and put back what it replaced (refused if a later import overlaps). */
  'undo-import': { request: { importId: number }; response: UndoOutcome };
  /** A dataset's imports, newest first, without their undo data. */
  'list-imports': { request: { dataset: string }; response: ImportSummary[] };
  /** Every dataset, the default first. */
  'list-datasets': { request: Empty; response: Dataset[] };
  /** A new, empty dataset (tenant) named by the person. */
  'create-dataset': { request: { name: string }; response: Dataset };
  /** A dataset with all its records and imports. */
  'delete-dataset': { request: { id: string }; response: { deleted: true } };
  /** Remove every dataset, record and import log entry. */
  'delete-all-data': { request: Empty; response: { deleted: true } };
  /** Portal content script only: an export the page produced; imported if it is a recognised mail flow export. */
  'capture-export': { request: CaptureRequest; response: CaptureOutcome };
  /**
   * A store query (the aggregation worker's snapshot, summary, extent or report), answered by the
   * service worker for the portal panel: a framed extension page cannot open IndexedDB itself.
   */
  query: { request: QueryRequest; response: unknown };
  /** The full-page report in a new tab (a web page cannot open extension pages itself). */
  'open-report': { request: { range: DateRange | null }; response: { opened: true } };
  /**
   * Service worker → its offscreen document (Chromium): put the popup's copy of the widget snapshot
   * in localStorage, which a service worker cannot reach (src/background/mirror-offscreen.ts).
   */
  'write-widget-mirror': { request: { mirror: SnapshotMirror }; response: { written: true } };
}

/** What the offscreen document answers; the service worker answers every other message. */
export type OffscreenMessageName = 'write-widget-mirror';
export type BackgroundMessageName = Exclude<keyof ProtocolMap, OffscreenMessageName>;

export type MessageName = keyof ProtocolMap;

type Reply<K extends MessageName> =
  | { ok: true; response: ProtocolMap[K]['response'] }
  | { ok: false; error: string };

export async function sendMessage<K extends MessageName>(
  name: K,
  request: ProtocolMap[K]['request'],
): Promise<ProtocolMap[K]['response']> {
  const reply = (await sendRuntimeMessage({ name, request })) as Reply<K> | undefined;
  if (reply === undefined || reply === null) throw new Error('The extension background did not answer.');
  if (!reply.ok) throw new Error(reply.error);
  return reply.response;
}

/** Request shape checks, one per message: a message that fails its check is dropped unanswered. */
export const requestValidators: {
  [K in MessageName]: (request: unknown) => request is ProtocolMap[K]['request'];
} = {
  'undo-import': (request): request is { importId: number } =>
    hasOnly(request, ['importId']) &&
    Number.isSafeInteger(request.importId) &&
    (request.importId as number) > 0,
  'list-imports': (request): request is { dataset: string } =>
    hasOnly(request, ['dataset']) && isDatasetId(request.dataset),
  'list-datasets': (request): request is Empty => hasOnly(request, []),
  'create-dataset': (request): request is { name: string } =>
    hasOnly(request, ['name']) &&
    typeof request.name === 'string' &&
    request.name.trim().length > 0 &&
    request.name.length <= 100,
  'delete-dataset': (request): request is { id: string } =>
    hasOnly(request, ['id']) && isDatasetId(request.id),
  'delete-all-data': (request): request is Empty => hasOnly(request, []),
  'capture-export': isCaptureRequest,
  query: (request): request is QueryRequest =>
    hasOnly(request, ['name', 'request']) &&
    (QUERY_NAMES as readonly unknown[]).includes(request.name) &&
    isObject(request.request) &&
    isDatasetId(request.request.dataset),
  'open-report': (request): request is { range: DateRange | null } =>
    hasOnly(request, ['range']) &&
    (request.range === null ||
      (hasOnly(request.range, ['from', 'to']) &&
        isDateText(request.range.from) &&
        isDateText(request.range.to))),
  'write-widget-mirror': (request): request is { mirror: SnapshotMirror } =>
    hasOnly(request, ['mirror']) && checkMirror(request.mirror) !== null,
};

/** A real calendar date as YYYY-MM-DD, checked by the core's one date rule. */
function isDateText(value: unknown): value is string {
  return typeof value === 'string' && isIsoDate(value);
}

/** An object with exactly these keys (so nothing unexpected rides along). */
function hasOnly(value: unknown, keys: readonly string[]): value is Record<string, unknown> {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return false;
  const own = Object.keys(value);
  return own.length === keys.length && keys.every((key) => own.includes(key));
}

function isDatasetId(value: unknown): value is string {
  return typeof value === 'string' && value.length > 0 && value.length <= 128;
}

/** Only our own extension pages may ask for these (content scripts will get their own, narrower messages). */
export function isOwnExtensionPage(sender: MessageSender): boolean {
  return (
    sender.id === extensionId() && typeof sender.url === 'string' && sender.url.startsWith(extensionUrl(''))
  );
}

/**
 * Our content script on a listed portal host, in that tab's top frame. The relay in the page's
 * MAIN world cannot send runtime messages at all; this check keeps any other site (and any other
 * extension) out even if a content script were ever matched too widely.
 */
export function isPortalContentScript(sender: MessageSender): boolean {
  return (
    sender.id === extensionId() &&
    sender.tab !== undefined &&
    sender.frameId === 0 &&
    isPortalUrl(sender.url) &&
    isPortalUrl(sender.tab.url ?? sender.url)
  );
}

/** What the portal content script may ask; everything else is for our own pages only. */
const PORTAL_MESSAGES: ReadonlySet<MessageName> = new Set(['capture-export', 'undo-import', 'open-report']);

/** Our own service worker (its offscreen document takes orders from nothing else). */
export function isOwnServiceWorker(sender: MessageSender): boolean {
  return (
    sender.id === extensionId() && sender.tab === undefined && sender.url === extensionUrl('background.js')
  );
}

export function isAllowedSender(name: MessageName, sender: MessageSender): boolean {
  if (name === 'capture-export') return isPortalContentScript(sender);
  if (name === 'write-widget-mirror') return isOwnServiceWorker(sender);
  return isOwnExtensionPage(sender) || (PORTAL_MESSAGES.has(name) && isPortalContentScript(sender));
}

export type MessageHandlers<Names extends MessageName = MessageName> = {
  [K in Names]: (
    request: ProtocolMap[K]['request'],
    sender: MessageSender,
  ) => Promise<ProtocolMap[K]['response']>;
};

/** Answers the messages `handlers` names, each from its allowed senders; the rest go unanswered. */
export function listenForMessages<Names extends MessageName>(handlers: MessageHandlers<Names>): void {
  onRuntimeMessage((message, sender) => {
    if (typeof message !== 'object' || message === null) return undefined;
    const { name, request } = message as { name?: unknown; request?: unknown };
    if (typeof name !== 'string' || !Object.hasOwn(handlers, name)) return undefined;
    const key = name as MessageName;
    if (!isAllowedSender(key, sender) || !requestValidators[key](request)) return undefined;
    const handler = (handlers as Record<string, unknown>)[key] as (
      request: unknown,
      sender: MessageSender,
    ) => Promise<unknown>;
    return handler(request, sender).then(
      (response) => ({ ok: true, response }),
      (error: unknown) => ({ ok: false, error: error instanceof Error ? error.message : String(error) }),
    );
  });
}
