import { describe, expect, it } from 'vitest';
import { connectorReport } from '../../src/core/report.js';
import { packReport, unpackReport } from '../../src/core/report-wire.js';
import { record, TENANT } from './records-helper.js';

const request = { range: { from: '2025-03-01', to: '2025-03-03' }, selection: { kind: 'all' } } as const;

describe('the report on the wire', () => {
  it('is rebuilt exactly: rows, types, forced TLS (true, false, unknown), counts and shares', () => {
    const records = [
      ...TENANT,
      record({
        date: '2025-03-02',
        connector: 'Contoso In',
        connectorType: 'OnPremises',
        counts: { unknown: 7 },
      }),
    ];
    const report = connectorReport(records, request);
    expect(report.details.map((row) => row.forcedTls)).toContain(null);
    const message = packReport(report, 'default\u0000g1');
    expect(message.details.dates).toHaveLength(report.details.length);
    expect(message.details.counts).toHaveLength(report.details.length * 6);
    expect(JSON.parse(JSON.stringify(unpackReport(message, null)))).toEqual(
      JSON.parse(JSON.stringify(report)),
    );
    // The panel's answers cross as JSON: the same report comes out of it.
    expect(unpackReport(JSON.parse(JSON.stringify(message)), null)).toEqual(report);
  });

  it('leaves the choices out only for the page that holds them under the same token', () => {
    const report = connectorReport(TENANT, request);
    expect(packReport(report, 'default\u0000g1').connectors).toEqual(report.connectors);
    expect(packReport(report, 'default\u0000g1', 'default\u0000g0').connectors).toEqual(report.connectors);
    const spared = packReport(report, 'default\u0000g1', 'default\u0000g1');
    expect(spared.connectors).toBeNull();
    expect(unpackReport(spared, report.connectors)).toEqual(report);
    expect(() => unpackReport(spared, null)).toThrow('without its connector choices');
    // An empty token (a dataset never written) never spares them.
    expect(packReport(report, '', '').connectors).toEqual(report.connectors);
  });

  it('refuses details whose connector is not among the choices', () => {
    const report = connectorReport(TENANT, request);
    const lacking = {
      ...report,
      connectors: report.connectors.filter((choice) => choice.connector === null),
    };
    expect(() => packReport(lacking, 't')).toThrow('Fabrikam In');
  });
});
