// The benchmarks' synthetic tenant: a format A connector report (the portal's columns, % shares) of
// 200 connectors per direction, the no-connector path among them, counted back from 2026-10-31.
// Deterministic for a given day range, so the store and reader benchmarks read the same files.

export const CONNECTORS_PER_DIRECTION = 200;
const LAST_DAY = Date.UTC(2026, 9, 31);

/** The date `daysBeforeLast` days before the last generated day. */
export function isoDay(daysBeforeLast) {
  return new Date(LAST_DAY - daysBeforeLast * 86_400_000).toISOString().slice(0, 10);
}

/** Format A text for days [first, last) counted back from LAST_DAY, 200 connector rows per day. */
export function connectorReport(fromDaysBack, toDaysBack) {
  const lines = [
    'Date,Connector direction and name,Connector type,Forced TLS?,No TLS,TLS 1.0,TLS 1.1,TLS 1.2,TLS 1.3,Volume',
  ];
  let seed = fromDaysBack * 7919 + 17;
  const random = () => {
    seed = (seed * 1103515245 + 12345) % 2147483648;
    return seed / 2147483648;
  };
  for (let back = fromDaysBack; back > toDaysBack; back--) {
    const date = isoDay(back - 1);
    for (const direction of ['Inbound', 'Outbound']) {
      for (let c = 0; c < CONNECTORS_PER_DIRECTION; c++) {
        const name =
          c === 0
            ? direction === 'Inbound'
              ? 'From the internet without a connector'
              : 'To the internet without a connector'
            : `${direction} Partner ${String(c).padStart(3, '0')}`;
        const type = c === 0 ? '' : c % 5 === 0 ? 'OnPremises' : 'Partner';
        const none = Math.round(random() * 60) / 10;
        const tls10 = c % 17 === 0 ? 55 : Math.round(random() * 20) / 10;
        const tls13 = Math.round(random() * (c % 17 === 0 ? 300 : 400)) / 10;
        const tls12 = Math.round((100 - none - tls10 - tls13) * 10) / 10;
        const volume = Math.round((c === 0 ? 20000 : 300) * (0.5 + random()));
        lines.push(
          [
            date,
            `${direction} - ${name}`,
            type,
            c === 0 ? 'False' : 'True',
            `${none}%`,
            `${tls10}%`,
            '0%',
            `${tls12}%`,
            `${tls13}%`,
            volume,
          ].join(','),
        );
      }
    }
  }
  return `${lines.join('\r\n')}\r\n`;
}
