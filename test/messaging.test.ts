import { describe, expect, it, vi } from 'vitest';

vi.mock('../src/browser-api.js', () => ({
  extensionId: () => 'ourextensionid',
  extensionUrl: (path: string) => `chrome-extension://ourextensionid/${path}`,
  onRuntimeMessage: () => {},
  sendRuntimeMessage: async () => undefined,
}));

const { isAllowedSender, isPortalContentScript, requestValidators } = await import('../src/messaging.js');
const { mirrorOf } = await import('../src/store/snapshot-mirror.js');
const { DEFAULT_THRESHOLDS } = await import('../src/core/insights.js');

type Sender = Parameters<typeof isPortalContentScript>[0];
const portalTab = {
  id: 7,
  url: 'https://admin.exchange.microsoft.com/#/reports/mailflowreportsmain',
} as Sender['tab'];
const contentScript: Sender = {
  id: 'ourextensionid',
  url: 'https://admin.exchange.microsoft.com/#/reports/mailflowreportsmain',
  tab: portalTab,
  frameId: 0,
};
const ownPage: Sender = { id: 'ourextensionid', url: 'chrome-extension://ourextensionid/import.html' };
const framedPanel: Sender = {
  id: 'ourextensionid',
  url: 'chrome-extension://ourextensionid/panel.html',
  tab: portalTab,
  frameId: 3,
};

describe('who may send which message', () => {
  it('accepts our content script on a listed portal host, in the top frame', () => {
    expect(isPortalContentScript(contentScript)).toBe(true);
  });

  it('refuses other extensions, other sites, look-alike hosts, frames and senders without a tab', () => {
    expect(isPortalContentScript({ ...contentScript, id: 'otherextension' })).toBe(false);
    expect(isPortalContentScript({ ...contentScript, url: 'https://portal.example.test/' })).toBe(false);
    expect(
      isPortalContentScript({ ...contentScript, url: 'https://admin.exchange.microsoft.com.evil.test/' }),
    ).toBe(false);
    expect(isPortalContentScript({ ...contentScript, frameId: 2 })).toBe(false);
    expect(isPortalContentScript({ ...contentScript, tab: undefined })).toBe(false);
    expect(
      isPortalContentScript({
        ...contentScript,
        tab: { ...portalTab, url: 'https://evil.test/' } as Sender['tab'],
      }),
    ).toBe(false);
    expect(isPortalContentScript(ownPage)).toBe(false);
  });

  it('lets the portal capture, undo and open the report, and nothing else', () => {
    expect(isAllowedSender('capture-export', contentScript)).toBe(true);
    expect(isAllowedSender('undo-import', contentScript)).toBe(true);
    expect(isAllowedSender('open-report', contentScript)).toBe(true);
    for (const name of [
      'create-dataset',
      'delete-all-data',
      'delete-dataset',
      'list-imports',
      'query',
    ] as const)
      expect(isAllowedSender(name, contentScript)).toBe(false);
  });

  it("takes the widget copy for localStorage from our service worker only (its offscreen document's one message)", () => {
    const serviceWorker: Sender = {
      id: 'ourextensionid',
      url: 'chrome-extension://ourextensionid/background.js',
    };
    expect(isAllowedSender('write-widget-mirror', serviceWorker)).toBe(true);
    expect(isAllowedSender('write-widget-mirror', ownPage)).toBe(false);
    expect(isAllowedSender('write-widget-mirror', framedPanel)).toBe(false);
    expect(isAllowedSender('write-widget-mirror', contentScript)).toBe(false);
    expect(isAllowedSender('write-widget-mirror', { ...serviceWorker, id: 'otherextension' })).toBe(false);
    expect(isAllowedSender('write-widget-mirror', { ...serviceWorker, tab: portalTab })).toBe(false);
  });

  it('keeps capture-export for the portal content script: our own pages import through their worker', () => {
    expect(isAllowedSender('capture-export', ownPage)).toBe(false);
    expect(isAllowedSender('create-dataset', ownPage)).toBe(true);
    expect(isAllowedSender('query', framedPanel)).toBe(true);
  });
});

describe('request shapes', () => {
  it('write-widget-mirror carries one copy that checks out, nothing else', () => {
    const valid = requestValidators['write-widget-mirror'];
    const mirror = mirrorOf('default', undefined, DEFAULT_THRESHOLDS);
    expect(valid({ mirror })).toBe(true);
    expect(valid({ mirror: { ...mirror, version: 0 } })).toBe(false);
    expect(valid({ mirror: { ...mirror, thresholds: { noTls: 2 } } })).toBe(false);
    expect(valid({ mirror, extra: 1 })).toBe(false);
    expect(valid({})).toBe(false);
  });

  it('open-report takes a range of ISO dates or null, nothing else', () => {
    const valid = requestValidators['open-report'];
    expect(valid({ range: null })).toBe(true);
    expect(valid({ range: { from: '2025-03-03', to: '2025-03-04' } })).toBe(true);
    expect(valid({ range: { from: '2025-03-03', to: 'javascript:alert(1)' } })).toBe(false);
    expect(valid({ range: { from: '2025-03-03', to: '2025-03-04', path: 'options.html' } })).toBe(false);
    expect(valid({})).toBe(false);
  });

  it('query names one of the store queries and a request with a dataset id', () => {
    const valid = requestValidators.query;
    expect(valid({ name: 'snapshot', request: { dataset: 'default' } })).toBe(true);
    expect(
      valid({ name: 'report', request: { dataset: 'default', range: null, selection: { kind: 'all' } } }),
    ).toBe(true);
    expect(valid({ name: 'read-file', request: { dataset: 'default' } })).toBe(false);
    expect(valid({ name: 'snapshot', request: { dataset: '' } })).toBe(false);
    expect(valid({ name: 'snapshot', request: { dataset: 'default' }, extra: 1 })).toBe(false);
    expect(valid({ name: 'snapshot', request: [] })).toBe(false);
  });
});
