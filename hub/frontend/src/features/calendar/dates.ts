import { DAYS, type Day } from './types';

/**
 * Calendar maths on plain dates (`YYYY-MM-DD`) and wall-clock times (`HH:mm`), free of the
 * browser's time zone: a date is a day number, never a `Date` at local midnight, so that a week
 * has seven days even across a change to summer time.
 */

const DAY_MS = 86_400_000;

function dayNumber(date: string): number {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date);
  if (!match) throw new RangeError(`Not a date: ${date}`);
  return Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3])) / DAY_MS;
}

function fromDayNumber(day: number): string {
  return new Date(day * DAY_MS).toISOString().slice(0, 10);
}

export function isDate(value: string | null | undefined): value is string {
  if (!value || !/^\d{4}-\d{2}-\d{2}$/.test(value)) return false;
  return fromDayNumber(dayNumber(value)) === value;
}

export function addDays(date: string, days: number): string {
  return fromDayNumber(dayNumber(date) + days);
}

/** Days from `from` to `to` (negative when `to` is earlier). */
export function daysBetween(from: string, to: string): number {
  return dayNumber(to) - dayNumber(from);
}

/** The weekday of a date, as the hub names it. */
export function dayOfWeek(date: string): Day {
  // Day 0 (1970-01-01) was a Thursday.
  const index = (((dayNumber(date) + 3) % 7) + 7) % 7;
  return DAYS[index]!;
}

/** The Monday of the week a date is in. */
export function startOfWeek(date: string): string {
  return addDays(date, -DAYS.indexOf(dayOfWeek(date)));
}

/** `count` consecutive dates from `from`. */
export function dateRange(from: string, count: number): string[] {
  return Array.from({ length: count }, (_, i) => addDays(from, i));
}

/** The date and wall-clock time of an instant in a time zone. */
export function zonedParts(
  instant: string | Date,
  timeZone: string,
): { date: string; time: string } {
  const when = typeof instant === 'string' ? new Date(instant) : instant;
  const parts = new Intl.DateTimeFormat('en-US', {
    timeZone,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  }).formatToParts(when);
  const part = (type: Intl.DateTimeFormatPartTypes) =>
    parts.find((p) => p.type === type)?.value ?? '';
  return {
    date: `${part('year')}-${part('month')}-${part('day')}`,
    time: `${part('hour')}:${part('minute')}`,
  };
}

/** The date an instant falls on in a time zone. */
export function zonedDate(instant: string | Date, timeZone: string): string {
  return zonedParts(instant, timeZone).date;
}

/** Today's date in a time zone (the browser's by default). */
export function today(timeZone: string = browserTimeZone(), now: Date = new Date()): string {
  return zonedDate(now, timeZone);
}

/**
 * Zones ICU still calls by their old names (browsers say Asia/Calcutta), with the names IANA uses
 * now, which doctors look for; the hub knows both.
 */
const RENAMED: Record<string, string> = {
  'Asia/Calcutta': 'Asia/Kolkata',
  'Asia/Katmandu': 'Asia/Kathmandu',
  'Asia/Rangoon': 'Asia/Yangon',
  'Asia/Saigon': 'Asia/Ho_Chi_Minh',
  'Europe/Kiev': 'Europe/Kyiv',
  'America/Godthab': 'America/Nuuk',
  'Atlantic/Faeroe': 'Atlantic/Faroe',
};

export function currentZoneName(zone: string): string {
  return RENAMED[zone] ?? zone;
}

export function browserTimeZone(): string {
  return currentZoneName(Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC');
}

/** Every IANA time zone the browser knows, with `extra` (a saved zone it may not list) kept. */
export function timeZones(...extra: string[]): string[] {
  const known =
    typeof Intl.supportedValuesOf === 'function' ? Intl.supportedValuesOf('timeZone') : [];
  return [...new Set([...known.map(currentZoneName), 'UTC', ...extra.filter(Boolean)])].sort();
}

let known: Set<string> | undefined;

/**
 * Whether the hub will take this as an IANA zone: one the browser lists (by its old or current
 * name), or one it accepts spelled as IANA does (the hub's check is case-sensitive).
 */
export function isTimeZone(zone: string): boolean {
  known ??= new Set([
    ...(typeof Intl.supportedValuesOf === 'function' ? Intl.supportedValuesOf('timeZone') : []),
    ...timeZones(),
  ]);
  if (known.has(zone)) return true;
  if (!/^[A-Z][A-Za-z0-9_+-]*(\/[A-Z][A-Za-z0-9_+-]*)*$/.test(zone)) return false;
  try {
    new Intl.DateTimeFormat('en', { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}

/** Minutes since midnight of `HH:mm` (or `HH:mm:ss`); null when unreadable. */
export function minutesOf(time: string): number | null {
  const match = /^(\d{2}):(\d{2})(:\d{2}(\.\d+)?)?$/.exec(time);
  if (!match) return null;
  const hours = Number(match[1]);
  const minutes = Number(match[2]);
  return hours < 24 && minutes < 60 ? hours * 60 + minutes : null;
}

/** An end time in minutes, where 00:00 is the midnight that ends the day. */
export function endMinutesOf(time: string): number | null {
  const minutes = minutesOf(time);
  return minutes === 0 ? 24 * 60 : minutes;
}

/** `HH:mm` of a time the hub sent (`09:00` or `09:00:00`). */
export function shortTime(time: string | undefined): string {
  return time ? time.slice(0, 5) : '';
}

/** Whether two periods of a day (start inclusive, end exclusive, in minutes) overlap. */
export function overlaps(a: [number, number], b: [number, number]): boolean {
  return a[0] < b[1] && b[0] < a[1];
}
