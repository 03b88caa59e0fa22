import { parseDay } from './figures';

const LOCALE = 'en-GB';
const shortDay = new Intl.DateTimeFormat(LOCALE, {
  day: 'numeric',
  month: 'short',
  timeZone: 'UTC',
});
const longDay = new Intl.DateTimeFormat(LOCALE, {
  day: 'numeric',
  month: 'short',
  year: 'numeric',
  timeZone: 'UTC',
});
const percent = new Intl.NumberFormat(LOCALE, { style: 'percent', maximumFractionDigits: 1 });
const count = new Intl.NumberFormat(LOCALE);

/** A week's Monday on a chart's axis, e.g. 8 Mar. */
export function formatShortDay(iso: string): string {
  return shortDay.format(parseDay(iso));
}

/** A day in full, e.g. 8 Mar 2027. */
export function formatDay(iso: string): string {
  return longDay.format(parseDay(iso));
}

/** A share as a percentage, e.g. 36.8%. */
export function formatPercent(rate: number): string {
  return percent.format(rate);
}

export function formatCount(value: number): string {
  return count.format(value);
}
