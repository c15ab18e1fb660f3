/**
 * The thin door to `browser.*`: everything else imports from here, so core and UI code can be
 * tested without a browser and a Firefox or Edge difference is handled in one place.
 */
import browser from 'webextension-polyfill';

export type MessageSender = browser.Runtime.MessageSender;

export const extensionId = (): string => browser.runtime.id;

export const extensionUrl = (path: string): string => browser.runtime.getURL(path);

export function sendRuntimeMessage(message: unknown): Promise<unknown> {
  return browser.runtime.sendMessage(message);
}

export function onRuntimeMessage(
  listener: (message: unknown, sender: MessageSender) => Promise<unknown> | undefined,
): void {
  browser.runtime.onMessage.addListener(
    listener as Parameters<typeof browser.runtime.onMessage.addListener>[0],
  );
}

export async function openExtensionPage(path: string): Promise<void> {
  await browser.tabs.create({ url: extensionUrl(path) });
}

export async function requestPersistentStorage(): Promise<boolean> {
  return navigator.storage?.persist ? navigator.storage.persist() : false;
}

export async function readLocalStorage(key: string): Promise<unknown> {
  const stored = await browser.storage.local.get(key);
  return stored[key];
}

export async function writeLocalStorage(key: string, value: unknown): Promise<void> {
  await browser.storage.local.set({ [key]: value });
}

/** Chromium's offscreen documents (Manifest V3); webextension-polyfill and Firefox have none. */
interface OffscreenApi {
  createDocument(parameters: { url: string; reasons: string[]; justification: string }): Promise<void>;
  closeDocument(): Promise<void>;
}
type ChromeGlobals = {
  chrome?: {
    offscreen?: OffscreenApi;
    runtime?: {
      getContexts?(filter: { contextTypes: string[]; documentUrls?: string[] }): Promise<unknown[]>;
    };
  };
};

function offscreenApi(): OffscreenApi {
  const api = (globalThis as ChromeGlobals).chrome?.offscreen;
  if (api === undefined) throw new Error('This browser has no offscreen documents.');
  return api;
}

/**
 * Opens the extension's one offscreen document at `path` unless it is open already (a service
 * worker stopped while it was open leaves it so). `reason` is one of Chromium's offscreen reasons.
 */
export async function openOffscreenDocument(
  path: string,
  reason: string,
  justification: string,
): Promise<void> {
  const api = offscreenApi();
  const open = await (globalThis as ChromeGlobals).chrome?.runtime?.getContexts?.({
    contextTypes: ['OFFSCREEN_DOCUMENT'],
    documentUrls: [extensionUrl(path)],
  });
  if (open !== undefined && open.length > 0) return;
  await api.createDocument({ url: path, reasons: [reason], justification });
}

export async function closeOffscreenDocument(): Promise<void> {
  await offscreenApi().closeDocument();
}
