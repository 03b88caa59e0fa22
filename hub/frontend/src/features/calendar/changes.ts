import { dayOfWeek, endMinutesOf, minutesOf, shortTime } from './dates';
import { DEFAULT_HORIZON_WEEKS } from './availabilityForm';
import type { Availability, AvailabilityLocation, Day, Leave } from './types';

type Period = [number, number];

const hasHours = (location: AvailabilityLocation | undefined) =>
  !!location && ((location.weekly ?? []).length > 0 || (location.extra ?? []).length > 0);

function period(start: string | undefined, end: string | undefined): Period | null {
  const from = minutesOf(shortTime(start));
  const to = endMinutesOf(shortTime(end));
  return from === null || to === null || to <= from ? null : [from, to];
}

/** Whether `wanted` lies within the union of `periods`. */
function covered(wanted: Period, periods: Period[]): boolean {
  let reached = wanted[0];
  for (const [from, to] of [...periods].sort((a, b) => a[0] - b[0])) {
    if (from > reached) break;
    reached = Math.max(reached, to);
    if (reached >= wanted[1]) return true;
  }
  return reached >= wanted[1];
}

function weeklyPeriods(location: AvailabilityLocation | undefined, day: Day, service: string) {
  return (location?.weekly ?? [])
    .filter((h) => h.service === service && h.days?.includes(day))
    .map((h) => period(h.start, h.end))
    .filter((p): p is Period => p !== null);
}

function extraPeriods(location: AvailabilityLocation | undefined, date: string, service: string) {
  return (location?.extra ?? [])
    .filter((e) => e.service === service && e.date === date)
    .map((e) => period(e.start, e.end))
    .filter((p): p is Period => p !== null);
}

/** Whether every hour of `before`'s location is still offered, for the same service, in `after`. */
function hoursKept(before: AvailabilityLocation, after: AvailabilityLocation | undefined): boolean {
  if (!hasHours(before)) return true;
  if (!after || after.timeZone !== before.timeZone) return false;
  for (const hours of before.weekly ?? []) {
    const wanted = period(hours.start, hours.end);
    if (!wanted || !hours.service) continue;
    for (const day of hours.days ?? []) {
      if (!covered(wanted, weeklyPeriods(after, day, hours.service))) return false;
    }
  }
  for (const extra of before.extra ?? []) {
    const wanted = period(extra.start, extra.end);
    if (!wanted || !extra.service || !extra.date) continue;
    const offered = [
      ...extraPeriods(after, extra.date, extra.service),
      ...weeklyPeriods(after, dayOfWeek(extra.date), extra.service),
    ];
    if (!covered(wanted, offered)) return false;
  }
  return true;
}

const sameLeave = (a: Leave, b: Leave) =>
  a.start === b.start &&
  a.end === b.end &&
  (a.locationId ?? null) === (b.locationId ?? null) &&
  (a.reason ?? null) === (b.reason ?? null);

/**
 * Whether a change may leave booked appointments outside the doctor's hours, so that the hub is
 * asked which ones first: new or changed leave, hours taken away or moved, a location's time zone
 * changed, a service's slot length changed or the service removed, or a shorter horizon. Adding
 * hours, extra hours or services cannot.
 */
export function mayDisplaceAppointments(before: Availability, after: Availability): boolean {
  const horizon = (a: Availability) => a.horizonWeeks ?? DEFAULT_HORIZON_WEEKS;
  if (horizon(after) < horizon(before)) return true;
  if ((after.leave ?? []).some((leave) => !(before.leave ?? []).some((l) => sameLeave(l, leave)))) {
    return true;
  }
  for (const service of before.services ?? []) {
    const now = (after.services ?? []).find((s) => s.id === service.id);
    if (
      !now ||
      now.slotMinutes !== service.slotMinutes ||
      (now.bufferMinutes ?? 0) !== (service.bufferMinutes ?? 0)
    ) {
      return true;
    }
  }
  return (before.locations ?? []).some(
    (location) =>
      !hoursKept(
        location,
        (after.locations ?? []).find((l) => l.locationId === location.locationId),
      ),
  );
}

export type Section = 'horizon' | 'services' | 'leave' | `location:${string}`;

const json = (value: unknown) => JSON.stringify(value ?? null);

/** The parts of the availability that differ between two versions (e.g. someone else's save). */
export function changedSections(mine: Availability, theirs: Availability): Section[] {
  const sections: Section[] = [];
  if (
    (mine.horizonWeeks ?? DEFAULT_HORIZON_WEEKS) !== (theirs.horizonWeeks ?? DEFAULT_HORIZON_WEEKS)
  )
    sections.push('horizon');
  if (json(mine.services ?? []) !== json(theirs.services ?? [])) sections.push('services');
  const ids = new Set(
    [...(mine.locations ?? []), ...(theirs.locations ?? [])].map((l) => l.locationId ?? ''),
  );
  for (const id of ids) {
    const find = (a: Availability) => (a.locations ?? []).find((l) => l.locationId === id);
    const a = find(mine);
    const b = find(theirs);
    // A location without hours is the same as none, whatever its time zone.
    const hours = (l: AvailabilityLocation | undefined) =>
      hasHours(l) ? json([l?.timeZone, l?.weekly, l?.extra]) : 'none';
    if (hours(a) !== hours(b)) sections.push(`location:${id}`);
  }
  if (json(mine.leave ?? []) !== json(theirs.leave ?? [])) sections.push('leave');
  return sections;
}
