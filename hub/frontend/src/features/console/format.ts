/**
 * Dates, times and durations for the operator console, in the reader's locale (the browser's
 * unless given) with the time zone named, since operators compare times across systems.
 */
export interface FormatOptions {
  locale?: string;
  timeZone?: string;
}

/** A moment with its time zone, e.g. "Mar 2, 2026, 10:15 AM UTC" (en-US). */
export function formatMoment(value: string, options: FormatOptions = {}): string {
  const parsed = new Date(value);
  if (Number.isNaN(parsed.getTime())) return value;
  return new Intl.DateTimeFormat(options.locale, {
    year: 'numeric',
    month: 'short',
    day: 'numeric',
    hour: 'numeric',
    minute: '2-digit',
    timeZoneName: 'short',
    timeZone: options.timeZone,
  }).format(parsed);
}

/** A calendar date (YYYY-MM-DD), e.g. "Mar 2, 2026" (en-US); no time zone, it is a day. */
export function formatDay(date: string, options: FormatOptions = {}): string {
  const parsed = new Date(`${date}T00:00:00Z`);
  if (Number.isNaN(parsed.getTime())) return date;
  return new Intl.DateTimeFormat(options.locale, { dateStyle: 'medium', timeZone: 'UTC' }).format(
    parsed,
  );
}

/** A time of day with seconds and time zone, for "updated at". */
export function formatClock(time: number, options: FormatOptions = {}): string {
  return new Intl.DateTimeFormat(options.locale, {
    hour: 'numeric',
    minute: '2-digit',
    second: '2-digit',
    timeZoneName: 'short',
    timeZone: options.timeZone,
  }).format(new Date(time));
}

const UNITS = [
  ['day', 86_400],
  ['hour', 3_600],
  ['minute', 60],
  ['second', 1],
] as const;

/**
 * A duration in words, e.g. "45 sec", "3 min", "1 hr, 20 min", "2 days, 4 hr" (en-US): days and
 * hours with the next unit, so that it is precise enough to act on and short enough to scan.
 */
export function formatDuration(seconds: number, options: FormatOptions = {}): string {
  const total = Math.max(0, Math.floor(seconds));
  const unit = (name: (typeof UNITS)[number][0], count: number) =>
    new Intl.NumberFormat(options.locale, {
      style: 'unit',
      unit: name,
      unitDisplay: 'short',
    }).format(count);
  const index = UNITS.findIndex(([, size]) => total >= size);
  if (index < 0) return unit('second', 0);
  const [name, size] = UNITS[index]!;
  const parts = [unit(name, Math.floor(total / size))];
  const next = UNITS[index + 1];
  if (next && size >= 3_600) {
    const remainder = Math.floor((total % size) / next[1]);
    if (remainder > 0) parts.push(unit(next[0], remainder));
  }
  return new Intl.ListFormat(options.locale, { type: 'unit', style: 'short' }).format(parts);
}

/** How long ago a moment was, in words: "3 days ago", "yesterday", "5 minutes ago". */
export function formatAgo(value: string, now: number = Date.now(), options: FormatOptions = {}) {
  const then = new Date(value).getTime();
  if (Number.isNaN(then)) return '';
  const seconds = Math.round((then - now) / 1000);
  const format = new Intl.RelativeTimeFormat(options.locale, { numeric: 'auto' });
  for (const [unit, size] of UNITS) {
    if (Math.abs(seconds) >= size || unit === 'second') {
      return format.format(Math.trunc(seconds / size), unit);
    }
  }
  return '';
}
