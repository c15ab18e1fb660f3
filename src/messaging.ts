/**
 * The one typed message protocol between extension contexts (pages, content scripts → service
 * worker). Replies carry errors as data and the caller re-throws them, so no call hangs or fails
 * silently. The receiving side checks the sender and the payload's shape before acting.
 */
import {
  extensionId,
  extensionUrl,
  type MessageSender,
  onRuntimeMessage,
  sendRuntimeMessage,
} from './browser-api.js';
import { isMailflowRecord } from './core/record-guards.js';
import type { ImportOutcome, ImportRequest } from './store/records.js';

export interface ProtocolMap {
  /** Store one file's records in one transaction (re-import replaces the same keys). */
  'import-records': { request: ImportRequest; response: ImportOutcome };
  /** Remove every dataset, record and import log entry. */
  'delete-all-data': { request: Record<string, never>; response: { deleted: true } };
}

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

const MAX_RECORDS_PER_IMPORT = 2_000_000;

/** Request shape checks, one per message: a message that fails its check is dropped unanswered. */
export const requestValidators: {
  [K in MessageName]: (request: unknown) => request is ProtocolMap[K]['request'];
} = {
  'import-records': (request): request is ImportRequest => {
    if (typeof request !== 'object' || request === null) return false;
    const r = request as Record<string, unknown>;
    return (
      typeof r.dataset === 'string' &&
      r.dataset.length > 0 &&
      r.dataset.length <= 128 &&
      typeof r.fileName === 'string' &&
      r.fileName.length <= 1024 &&
      (r.format === null || typeof r.format === 'string') &&
      typeof r.rows === 'number' &&
      Array.isArray(r.records) &&
      r.records.length <= MAX_RECORDS_PER_IMPORT &&
      r.records.every(isMailflowRecord)
    );
  },
  'delete-all-data': (request): request is Record<string, never> =>
    typeof request === 'object' && request !== null && Object.keys(request).length === 0,
};

/** Only our own extension pages may ask for these (content scripts will get their own, narrower messages). */
export function isOwnExtensionPage(sender: MessageSender): boolean {
  return (
    sender.id === extensionId() && typeof sender.url === 'string' && sender.url.startsWith(extensionUrl(''))
  );
}

export type MessageHandlers = {
  [K in MessageName]: (
    request: ProtocolMap[K]['request'],
    sender: MessageSender,
  ) => Promise<ProtocolMap[K]['response']>;
};

export function listenForMessages(handlers: MessageHandlers): void {
  onRuntimeMessage((message, sender) => {
    if (typeof message !== 'object' || message === null) return undefined;
    const { name, request } = message as { name?: unknown; request?: unknown };
    if (typeof name !== 'string' || !Object.hasOwn(handlers, name)) return undefined;
    const key = name as MessageName;
    if (!isOwnExtensionPage(sender) || !requestValidators[key](request)) return undefined;
    const handler = handlers[key] as (request: unknown, sender: MessageSender) => Promise<unknown>;
    return handler(request, sender).then(
      (response) => ({ ok: true, response }),
      (error: unknown) => ({ ok: false, error: error instanceof Error ? error.message : String(error) }),
    );
  });
}
