import { addDays, dateRange, startOfWeek, zonedDate } from './dates';
import type { Appointment, Slot } from './types';

const time = (instant: string | undefined) => (instant ? Date.parse(instant) : 0);

export type CalendarView = 'day' | 'week' | 'list';
export const VIEWS: readonly CalendarView[] = ['day', 'week', 'list'];

/** How many days the list view shows from its date. */
export const LIST_DAYS = 14;

/** The dates a view shows around a date: `from` inclusive, `to` exclusive, as the hub asks. */
export function calendarRange(view: CalendarView, date: string) {
  const from = view === 'week' ? startOfWeek(date) : date;
  const length = view === 'day' ? 1 : view === 'week' ? 7 : LIST_DAYS;
  return { from, to: addDays(from, length), days: dateRange(from, length), length };
}

/** The date Previous or Next goes to. */
export function stepDate(view: CalendarView, date: string, direction: 1 | -1): string {
  const { from, length } = calendarRange(view, date);
  return addDays(from, direction * length);
}

function text(value: unknown): string | null {
  return typeof value === 'string' && value.trim() ? value.trim() : null;
}

function record(value: unknown): Record<string, unknown> | null {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
    ? (value as Record<string, unknown>)
    : null;
}

/** A FHIR HumanName as one line: its text, else given and family names. */
function humanName(name: unknown): string | null {
  const n = record(name);
  if (!n) return null;
  const given = Array.isArray(n.given) ? n.given.map(text).filter(Boolean) : [];
  return text(n.text) ?? (text([...given, text(n.family)].filter(Boolean).join(' ')) || null);
}

/**
 * The patient's name from what the insurer supplied (a FHIR Reference, or the Patient it
 * contained): the display, else the contained Patient's first name, else none.
 */
export function patientName(patient: unknown): string | null {
  const reference = record(patient);
  if (!reference) return null;
  const display = text(reference.display);
  if (display) return display;
  const resource = record(reference.resource);
  const names = Array.isArray(resource?.name) ? resource.name : [];
  const official = names.find((n) => record(n)?.use === 'official') ?? names[0];
  return humanName(official);
}

/** The patient's identifier at the insurer, to tell patients apart when no name was given. */
export function patientIdentifier(patient: unknown): string | null {
  const reference = record(patient);
  return text(record(reference?.identifier)?.value) ?? text(reference?.reference);
}

export type AppointmentAction = 'confirm' | 'arrived' | 'fulfilled' | 'noShow' | 'cancel';

const TWO_HOURS = 2 * 60 * 60 * 1000;

/**
 * What the doctor may do with an appointment now, as the hub allows it: confirm or release a
 * hold; for a booking, record the arrival (from two hours before), the visit or a no-show (from
 * the start), or cancel; the visit of a patient who arrived. Nothing once it is over.
 */
export function actionsFor(appointment: Appointment, now: Date = new Date()): AppointmentAction[] {
  const start = appointment.start ? Date.parse(appointment.start) : NaN;
  const started = !Number.isNaN(start) && now.getTime() >= start;
  const arrivable = !Number.isNaN(start) && now.getTime() >= start - TWO_HOURS;
  switch (appointment.status) {
    case 'HELD': {
      const holding = !appointment.holdUntil || Date.parse(appointment.holdUntil) > now.getTime();
      return holding ? ['confirm', 'cancel'] : [];
    }
    case 'BOOKED':
      return [
        ...(arrivable && !started ? (['arrived'] as const) : []),
        ...(started ? (['arrived', 'fulfilled', 'noShow'] as const) : []),
        'cancel',
      ];
    case 'ARRIVED':
      return started ? ['fulfilled'] : [];
    default:
      return [];
  }
}

/** Appointments by the date they fall on where they take place, each day's in order of start. */
export function groupByDay(
  appointments: readonly Appointment[],
  zoneOf: (locationId: string | undefined) => string,
): Map<string, Appointment[]> {
  const days = new Map<string, Appointment[]>();
  const sorted = [...appointments].sort((a, b) => time(a.start) - time(b.start));
  for (const appointment of sorted) {
    if (!appointment.start) continue;
    const date = zonedDate(appointment.start, zoneOf(appointment.locationId));
    days.set(date, [...(days.get(date) ?? []), appointment]);
  }
  return days;
}

/** A stretch of unavailable slots with one reason, at one location. */
export interface Unavailable {
  start: string;
  end: string;
  locationId?: string;
  comment?: string;
}

export interface DaySlots {
  free: number;
  unavailable: Unavailable[];
}

/**
 * Each date's free slots (counted) and unavailable ones (consecutive ones with the same reason
 * at the same location joined), dates as at each slot's location.
 */
export function slotsByDay(
  slots: readonly Slot[],
  zoneOf: (locationId: string | undefined) => string,
): Map<string, DaySlots> {
  const days = new Map<string, DaySlots>();
  const sorted = [...slots].sort((a, b) => time(a.start) - time(b.start));
  for (const slot of sorted) {
    if (!slot.start || !slot.end) continue;
    const date = zonedDate(slot.start, zoneOf(slot.locationId));
    const day = days.get(date) ?? { free: 0, unavailable: [] };
    days.set(date, day);
    if (slot.status === 'FREE') {
      day.free += 1;
      continue;
    }
    const joined = day.unavailable.find(
      (u) =>
        u.locationId === slot.locationId &&
        u.comment === slot.comment &&
        time(u.end) >= time(slot.start),
    );
    if (joined) {
      if (time(slot.end) > time(joined.end)) joined.end = slot.end;
    } else {
      day.unavailable.push({
        start: slot.start,
        end: slot.end,
        locationId: slot.locationId,
        comment: slot.comment,
      });
    }
  }
  return days;
}
