/**
 * Dates and times as the doctor reads them: in the browser's language (`locale` undefined), each
 * time in the time zone it happens in. Plain dates (`YYYY-MM-DD`) are formatted at noon UTC with
 * `timeZone: 'UTC'`, so that no zone can move them to another day.
 */

type Locale = string | undefined;

function utcNoon(date: string): Date {
  return new Date(`${date}T12:00:00Z`);
}

/** e.g. Monday, 3 March 2027. */
export function formatLongDate(date: string, locale?: Locale): string {
  return new Intl.DateTimeFormat(locale, { dateStyle: 'full', timeZone: 'UTC' }).format(
    utcNoon(date),
  );
}

/** e.g. 3 Mar 2027. */
export function formatDate(date: string, locale?: Locale): string {
  return new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeZone: 'UTC' }).format(
    utcNoon(date),
  );
}

/** e.g. Mon 3 — short, for a day of the week grid. */
export function formatShortDay(date: string, locale?: Locale): string {
  return new Intl.DateTimeFormat(locale, {
    weekday: 'short',
    day: 'numeric',
    timeZone: 'UTC',
  }).format(utcNoon(date));
}

/** e.g. 3 – 9 Mar 2027: a range of dates, both inclusive. */
export function formatDateRange(first: string, last: string, locale?: Locale): string {
  const format = new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeZone: 'UTC' });
  return format.formatRange(utcNoon(first), utcNoon(last));
}

/** e.g. 09:30 (or 9:30 AM), the wall-clock time of an instant in a time zone. */
export function formatTime(instant: string, timeZone: string, locale?: Locale): string {
  return new Intl.DateTimeFormat(locale, { timeStyle: 'short', timeZone }).format(
    new Date(instant),
  );
}

/** e.g. 09:30–09:45, in one time zone. */
export function formatTimeRange(
  start: string,
  end: string,
  timeZone: string,
  locale?: Locale,
): string {
  return new Intl.DateTimeFormat(locale, { timeStyle: 'short', timeZone }).formatRange(
    new Date(start),
    new Date(end),
  );
}

/** e.g. 3 Mar 2027, 09:30, in a time zone. */
export function formatDateTime(instant: string, timeZone?: string, locale?: Locale): string {
  return new Intl.DateTimeFormat(locale, {
    dateStyle: 'medium',
    timeStyle: 'short',
    timeZone,
  }).format(new Date(instant));
}

/** A wall-clock time `HH:mm` in the doctor's style (09:30 or 9:30 AM). */
export function formatWallTime(time: string, locale?: Locale): string {
  const [hours, minutes] = time.split(':').map(Number);
  if (hours === undefined || minutes === undefined || Number.isNaN(hours + minutes)) return time;
  return new Intl.DateTimeFormat(locale, { timeStyle: 'short', timeZone: 'UTC' }).format(
    new Date(Date.UTC(2000, 0, 1, hours, minutes)),
  );
}

/** A weekday's name, e.g. Monday (long) or Mon (short); 0 is Monday. */
export function weekdayName(index: number, style: 'long' | 'short', locale?: Locale): string {
  // 2024-01-01 was a Monday.
  return new Intl.DateTimeFormat(locale, { weekday: style, timeZone: 'UTC' }).format(
    new Date(Date.UTC(2024, 0, 1 + index, 12)),
  );
}
