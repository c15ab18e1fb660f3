import { describe, expect, it } from 'vitest';
import { presetOf, presetRange } from '../../src/ui/stores/report-store.js';
import { queryFromSearch, searchFromQuery } from '../../src/ui/stores/report-url.js';

describe("report.html's URL", () => {
  it('reads the range, view and selection product.md names', () => {
    expect(
      queryFromSearch('?from=2025-03-03&to=2025-03-04&view=tls&show=inbound:Fabrikam%20Partner%20In'),
    ).toEqual({
      range: { from: '2025-03-03', to: '2025-03-04' },
      view: 'tls',
      selection: { kind: 'connector', direction: 'inbound', connector: 'Fabrikam Partner In' },
    });
    expect(queryFromSearch('?show=outbound-none').selection).toEqual({
      kind: 'no-connector',
      direction: 'outbound',
    });
  });

  it('ignores what does not parse: an impossible date, half a range, an unknown view or selection', () => {
    const defaults = { range: null, view: 'mailflow', selection: { kind: 'all' } };
    expect(queryFromSearch('?from=2025-02-30&to=2025-03-04&view=pie&show=sideways:x')).toEqual(defaults);
    expect(queryFromSearch('?from=2025-03-01')).toEqual(defaults);
    expect(queryFromSearch('')).toEqual(defaults);
  });

  it('writes only what differs from the defaults, URL-encoded, and reads back the same', () => {
    expect(searchFromQuery({ range: null, view: 'mailflow', selection: { kind: 'all' } })).toBe('');
    const query = {
      range: { from: '2025-03-01', to: '2025-03-07' },
      view: 'tls' as const,
      selection: {
        kind: 'connector' as const,
        direction: 'outbound' as const,
        connector: '=HYPERLINK("x") & co',
      },
    };
    const search = searchFromQuery(query);
    expect(search).toBe(
      '?from=2025-03-01&to=2025-03-07&view=tls&show=outbound%3A%3DHYPERLINK(%22x%22)%20%26%20co',
    );
    expect(queryFromSearch(search)).toEqual(query);
  });
});

describe('date range presets', () => {
  const extent = { from: '2024-01-15', to: '2025-03-07' };
  it('end at the latest stored date; all is the whole history', () => {
    expect(presetRange(7, extent)).toEqual({ from: '2025-03-01', to: '2025-03-07' });
    expect(presetRange(30, extent)).toEqual({ from: '2025-02-06', to: '2025-03-07' });
    expect(presetRange(365, extent)).toEqual({ from: '2024-03-08', to: '2025-03-07' });
    expect(presetRange('all', extent)).toEqual(extent);
  });
  it('a range is recognised as the preset it equals, else as custom', () => {
    expect(presetOf({ from: '2024-12-08', to: '2025-03-07' }, extent)).toBe(90);
    expect(presetOf({ from: '2024-12-09', to: '2025-03-07' }, extent)).toBeNull();
  });
});
