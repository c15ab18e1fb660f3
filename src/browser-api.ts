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
