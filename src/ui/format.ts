/** How numbers and dates read on screen; the unformatted values go in data-value for tests. */
const counts = new Intl.NumberFormat('en-US');
const shortDate = new Intl.DateTimeFormat('en-US', {
  month: 'short',
  day: 'numeric',
  year: 'numeric',
  timeZone: 'UTC',
});

export function formatCount(value: number): string {
  return counts.format(value);
}

export function formatDate(isoDate: string): string {
  return shortDate.format(new Date(`${isoDate}T00:00:00Z`));
}

export function formatRange(from: string, to: string): string {
  return from === to ? formatDate(from) : `${formatDate(from)} – ${formatDate(to)}`;
}

/** "1 import", "2 imports", with the count formatted. */
export function plural(count: number, singular: string, pluralForm = `${singular}s`): string {
  return `${formatCount(count)} ${count === 1 ? singular : pluralForm}`;
}

const dayOfMonth = new Intl.DateTimeFormat('en-US', { month: 'short', day: 'numeric', timeZone: 'UTC' });
const monthOfYear = new Intl.DateTimeFormat('en-US', { month: 'short', year: 'numeric', timeZone: 'UTC' });

/** A chart tick at a UTC midnight (seconds): "Mar 4", or "Mar 2025" when ticks are months apart. */
export function formatTick(seconds: number, monthly: boolean): string {
  return (monthly ? monthOfYear : dayOfMonth).format(new Date(seconds * 1000));
}
