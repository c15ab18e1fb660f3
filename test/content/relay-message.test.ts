import { describe, expect, it } from 'vitest';
import { createClickGate } from '../../src/content/click-gate.js';
import {
  MAX_CAPTURE_BYTES,
  mayBeCsvExport,
  parseRelayMessage,
  RELAY_CHANNEL,
} from '../../src/content/relay-message.js';

const blob = new Blob(['Date,Volume\n2025-03-03,1\n'], { type: 'text/csv' });

describe("the relay's message, as the isolated content script reads it", () => {
  it('is accepted with exactly the expected shape', () => {
    const message = { channel: RELAY_CHANNEL, kind: 'blob', fileName: 'Inbound.csv', blob };
    expect(parseRelayMessage(message)).toEqual(message);
    const url = { channel: RELAY_CHANNEL, kind: 'url', fileName: '', url: 'https://x.test/a.csv' };
    expect(parseRelayMessage(url)).toEqual(url);
  });

  it('is refused with an extra key, a missing key, a wrong channel or kind, or the wrong types', () => {
    const base = { channel: RELAY_CHANNEL, kind: 'blob', fileName: 'a.csv', blob };
    expect(parseRelayMessage({ ...base, extra: 1 })).toBeNull();
    expect(parseRelayMessage({ channel: RELAY_CHANNEL, kind: 'blob', blob })).toBeNull();
    expect(parseRelayMessage({ ...base, channel: 'other' })).toBeNull();
    expect(parseRelayMessage({ ...base, kind: 'url' })).toBeNull();
    expect(parseRelayMessage({ ...base, blob: 'text' })).toBeNull();
    expect(parseRelayMessage({ ...base, fileName: 42 })).toBeNull();
    expect(parseRelayMessage({ ...base, fileName: 'a\u0000.csv' })).toBeNull();
    expect(parseRelayMessage({ ...base, fileName: `${'a'.repeat(300)}.csv` })).toBeNull();
    expect(parseRelayMessage({ channel: RELAY_CHANNEL, kind: 'url', fileName: 'a', url: 7 })).toBeNull();
    expect(parseRelayMessage(null)).toBeNull();
    expect(parseRelayMessage('mailflow-lens/capture-relay/v1')).toBeNull();
    expect(parseRelayMessage([RELAY_CHANNEL])).toBeNull();
  });

  it('is refused when the file is empty or over the size limit', () => {
    const empty = { channel: RELAY_CHANNEL, kind: 'blob', fileName: 'a.csv', blob: new Blob([]) };
    expect(parseRelayMessage(empty)).toBeNull();
    const big = new Blob([new Uint8Array(MAX_CAPTURE_BYTES + 1)]);
    expect(parseRelayMessage({ ...empty, blob: big })).toBeNull();
  });

  it('lets CSV-like downloads through and never reads PDFs or images', () => {
    expect(mayBeCsvExport('InboundMessagesReport.csv', '')).toBe(true);
    expect(mayBeCsvExport('report.TSV', 'application/octet-stream')).toBe(true);
    expect(mayBeCsvExport('', 'text/csv;charset=utf-8;')).toBe(true);
    expect(mayBeCsvExport('download', 'application/vnd.ms-excel')).toBe(true);
    expect(mayBeCsvExport('report.pdf', 'application/pdf')).toBe(false);
    expect(mayBeCsvExport('chart.png', 'image/png')).toBe(false);
    expect(mayBeCsvExport('', '')).toBe(false);
  });
});

describe('the click gate', () => {
  it('opens for a trusted click only, for a few seconds, and for one capture', () => {
    const gate = createClickGate(10_000);
    expect(gate.consume(0)).toBe(false);
    gate.onClick({ isTrusted: false }, 100);
    expect(gate.consume(200)).toBe(false);
    gate.onClick({ isTrusted: true }, 1_000);
    expect(gate.consume(5_000)).toBe(true);
    expect(gate.consume(5_001)).toBe(false);
    gate.onClick({ isTrusted: true }, 20_000);
    expect(gate.consume(30_001)).toBe(false);
  });
});
