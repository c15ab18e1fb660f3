import { describe, expect, it } from 'vitest';
import {
  connectorLabel,
  formatSelection,
  parseSelection,
  selectionMatches,
} from '../../src/core/selection.js';

describe('the show= value of report.html', () => {
  it('reads every kind of selection the URL contract names', () => {
    expect(parseSelection('all')).toEqual({ kind: 'all' });
    expect(parseSelection('inbound-none')).toEqual({ kind: 'no-connector', direction: 'inbound' });
    expect(parseSelection('outbound-none')).toEqual({ kind: 'no-connector', direction: 'outbound' });
    expect(parseSelection('inbound:Fabrikam Partner In')).toEqual({
      kind: 'connector',
      direction: 'inbound',
      connector: 'Fabrikam Partner In',
    });
    // Only the first colon separates: a connector name may contain more.
    expect(parseSelection('outbound:Relay: EU')).toEqual({
      kind: 'connector',
      direction: 'outbound',
      connector: 'Relay: EU',
    });
  });

  it('ignores values that are not a selection instead of trusting them', () => {
    for (const value of [
      null,
      undefined,
      '',
      'ALL',
      'sideways-none',
      'inbound',
      'inbound:',
      'inbound:  ',
      'x:y',
    ]) {
      expect(parseSelection(value), String(value)).toBeNull();
    }
    expect(parseSelection(`inbound:${'a'.repeat(513)}`)).toBeNull();
  });

  it('writes what it reads, so a bookmarked view comes back the same', () => {
    for (const value of [
      'all',
      'inbound-none',
      'outbound-none',
      'inbound:<img src=x>',
      'outbound:=HYPERLINK("x")',
    ]) {
      const parsed = parseSelection(value);
      expect(parsed).not.toBeNull();
      if (parsed !== null) expect(formatSelection(parsed)).toBe(value);
    }
  });

  it('matches records by direction and connector, the no-connector path by null', () => {
    const none = { direction: 'inbound', connector: null } as const;
    const named = { direction: 'inbound', connector: 'Fabrikam' } as const;
    const out = { direction: 'outbound', connector: null } as const;
    expect([none, named, out].map((r) => selectionMatches({ kind: 'all' }, r))).toEqual([true, true, true]);
    expect(
      [none, named, out].map((r) => selectionMatches({ kind: 'no-connector', direction: 'inbound' }, r)),
    ).toEqual([true, false, false]);
    expect(
      [none, named, out].map((r) =>
        selectionMatches({ kind: 'connector', direction: 'inbound', connector: 'Fabrikam' }, r),
      ),
    ).toEqual([false, true, false]);
  });

  it('names the no-connector paths as the portal does', () => {
    expect(connectorLabel('inbound', null)).toBe('From the internet without a connector');
    expect(connectorLabel('outbound', null)).toBe('To the internet without a connector');
    expect(connectorLabel('outbound', 'Woodgrove')).toBe('Woodgrove');
  });
});
