import type { Locale } from '../../lib/config/schema';

/** `YYYY-MM-DD` (a local day) as a short date in the interface language. */
export function formatDay(day: string, locale: Locale): string {
  const [year, month, date] = day.split('-').map(Number);
  return new Intl.DateTimeFormat(locale, { month: 'short', day: 'numeric', weekday: 'short' }).format(
    new Date(year ?? 1970, (month ?? 1) - 1, date ?? 1),
  );
}

/** Epoch milliseconds as a date in the interface language. */
export function formatDate(time: number, locale: Locale): string {
  return new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short' }).format(new Date(time));
}
