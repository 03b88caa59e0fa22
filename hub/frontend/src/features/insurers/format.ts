import { useEffect, useState } from 'react';

/**
 * The app speaks English, but dates follow the reader's region: a browser set to de-DE gets
 * English month names in German order ("3 Mar 2027"), one set to en-US gets "Mar 3, 2027".
 */
function displayLocale(): string {
  try {
    const region = new Intl.Locale(navigator.language || 'en').maximize().region;
    const candidate = region ? `en-${region}` : 'en';
    return Intl.DateTimeFormat.supportedLocalesOf([candidate])[0] ?? 'en';
  } catch {
    return 'en';
  }
}

const locale = displayLocale();

function parse(value: string | undefined): Date | null {
  if (!value) return null;
  const parsed = new Date(value);
  return Number.isNaN(parsed.getTime()) ? null : parsed;
}

/** A day, e.g. 3 Mar 2027. */
export function formatDate(value: string | undefined): string {
  const date = parse(value);
  return date ? new Intl.DateTimeFormat(locale, { dateStyle: 'medium' }).format(date) : '';
}

/** A moment, e.g. 3 Mar 2027, 14:05. */
export function formatDateTime(value: string | undefined): string {
  const date = parse(value);
  return date
    ? new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short' }).format(date)
    : '';
}

/** A time of day, e.g. 14:05. */
export function formatTime(value: string | undefined): string {
  const date = parse(value);
  return date ? new Intl.DateTimeFormat(locale, { timeStyle: 'short' }).format(date) : '';
}

/** A day as a heading, e.g. Wednesday 3 March 2027. */
export function formatDay(date: Date): string {
  return new Intl.DateTimeFormat(locale, { dateStyle: 'full' }).format(date);
}

const UNITS: [Intl.RelativeTimeFormatUnit, number][] = [
  ['second', 60],
  ['minute', 60],
  ['hour', 24],
  ['day', 7],
  ['week', 4.35],
  ['month', 12],
  ['year', Infinity],
];

/** How long ago (or how soon), e.g. "5 minutes ago", "yesterday". */
export function formatRelative(value: string | undefined, now: number = Date.now()): string {
  const date = parse(value);
  if (!date) return '';
  const format = new Intl.RelativeTimeFormat(locale, { numeric: 'auto' });
  let amount = (date.getTime() - now) / 1000;
  for (const [unit, size] of UNITS) {
    if (Math.abs(amount) < size) return format.format(Math.round(amount), unit);
    amount /= size;
  }
  return formatDate(value);
}

/** The current time, renewed every `everyMs`, so that "5 minutes ago" does not go stale. */
export function useNow(everyMs = 60_000): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), everyMs);
    return () => clearInterval(timer);
  }, [everyMs]);
  return now;
}
