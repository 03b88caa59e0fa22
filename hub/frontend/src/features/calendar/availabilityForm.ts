import { addDays, browserTimeZone, shortTime } from './dates';
import {
  DAYS,
  type Availability,
  type AvailabilityInput,
  type Day,
  type Leave,
  type PracticeLocation,
  type Service,
  type ServiceMode,
} from './types';

/**
 * The availability form's values: every input a string (empty when not given), lists as rows.
 * What the form does not show (a service's type code, the allotments) rides along or is taken
 * from the version the form was loaded from.
 */
export interface ServiceValues {
  id: string;
  name: string;
  mode: ServiceMode;
  slotMinutes: string;
  bufferMinutes: string;
  meetingLink: string;
  /** Whether the service was saved before: its id then names booked appointments, and stays. */
  saved: boolean;
  type?: Service['type'];
}

export interface HoursValues {
  days: Day[];
  start: string;
  end: string;
  service: string;
}

export interface ExtraValues {
  date: string;
  start: string;
  end: string;
  service: string;
}

export interface LocationValues {
  locationId: string;
  timeZone: string;
  weekly: HoursValues[];
  extra: ExtraValues[];
}

/** Leave by days (the last one included), with optional times for part of a day. */
export interface LeaveValues {
  startDate: string;
  startTime: string;
  endDate: string;
  endTime: string;
  /** Empty for every location. */
  locationId: string;
  reason: string;
}

export interface AvailabilityValues {
  horizonWeeks: string;
  services: ServiceValues[];
  locations: LocationValues[];
  leave: LeaveValues[];
}

export const DEFAULT_HORIZON_WEEKS = 8;

const s = (value: string | number | null | undefined) => (value == null ? '' : String(value));

export function emptyService(): ServiceValues {
  return {
    id: '',
    name: '',
    mode: 'IN_PERSON',
    slotMinutes: '15',
    bufferMinutes: '0',
    meetingLink: '',
    saved: false,
  };
}

export function emptyHours(service = ''): HoursValues {
  return {
    days: ['MONDAY', 'TUESDAY', 'WEDNESDAY', 'THURSDAY', 'FRIDAY'],
    start: '09:00',
    end: '13:00',
    service,
  };
}

export function emptyExtra(date: string, service = ''): ExtraValues {
  return { date, start: '09:00', end: '13:00', service };
}

export function emptyLeave(date: string): LeaveValues {
  return { startDate: date, startTime: '', endDate: date, endTime: '', locationId: '', reason: '' };
}

export function emptyLocation(locationId: string, timeZone = browserTimeZone()): LocationValues {
  return { locationId, timeZone, weekly: [], extra: [] };
}

function leaveValues(leave: Leave): LeaveValues {
  const start = s(leave.start).slice(0, 16);
  const end = s(leave.end).slice(0, 16);
  const [startDate = '', startTime = ''] = start.split('T');
  const [endDay = '', endClock = ''] = end.split('T');
  // An end at midnight ends the day before: leave until 2027-01-12T00:00 is "to 11 January".
  const endsAtMidnight = endClock === '00:00' && /^\d{4}-\d{2}-\d{2}$/.test(endDay);
  return {
    startDate,
    startTime: startTime === '00:00' ? '' : startTime,
    endDate: endsAtMidnight ? addDays(endDay, -1) : endDay,
    endTime: endsAtMidnight ? '' : endClock,
    locationId: s(leave.locationId),
    reason: s(leave.reason),
  };
}

/**
 * The form's values for an availability: its locations first, in its order (so the hub's error
 * paths name the same rows), then the profile's other practice locations, without hours yet.
 */
export function toFormValues(
  availability: Availability,
  practices: PracticeLocation[],
  timeZone = browserTimeZone(),
): AvailabilityValues {
  const locations: LocationValues[] = (availability.locations ?? []).map((l) => ({
    locationId: s(l.locationId),
    timeZone: s(l.timeZone),
    weekly: (l.weekly ?? []).map((h) => ({
      days: DAYS.filter((day) => h.days?.includes(day)),
      start: shortTime(h.start),
      end: shortTime(h.end),
      service: s(h.service),
    })),
    extra: (l.extra ?? []).map((e) => ({
      date: s(e.date),
      start: shortTime(e.start),
      end: shortTime(e.end),
      service: s(e.service),
    })),
  }));
  for (const practice of practices) {
    if (practice.id && !locations.some((l) => l.locationId === practice.id)) {
      locations.push(emptyLocation(practice.id, timeZone));
    }
  }
  return {
    horizonWeeks: s(availability.horizonWeeks ?? DEFAULT_HORIZON_WEEKS),
    services: (availability.services ?? []).map((service) => ({
      id: s(service.id),
      name: s(service.name),
      mode: service.mode ?? 'IN_PERSON',
      slotMinutes: s(service.slotMinutes),
      bufferMinutes: s(service.bufferMinutes ?? 0),
      meetingLink: s(service.meetingLink),
      saved: true,
      ...(service.type ? { type: service.type } : {}),
    })),
    locations,
    leave: (availability.leave ?? []).map(leaveValues),
  };
}

/** A service id made from its name: `General consultation` → `general-consultation`. */
export function serviceIdFrom(name: string, taken: readonly string[] = []): string {
  const base =
    name
      .normalize('NFKD')
      .replace(/[\u0300-\u036f]/g, '')
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-+|-+$/g, '')
      .slice(0, 56)
      .replace(/-+$/, '') || 'service';
  let id = base;
  for (let n = 2; taken.includes(id); n++) id = `${base}-${n}`;
  return id;
}

const number = (value: string) => (value.trim() === '' ? undefined : Number(value.trim()));
const text = (value: string) => (value.trim() === '' ? undefined : value.trim());

function leaveOf(values: LeaveValues): Leave {
  const start = `${values.startDate}T${values.startTime || '00:00'}`;
  const end = values.endTime
    ? `${values.endDate}T${values.endTime}`
    : /^\d{4}-\d{2}-\d{2}$/.test(values.endDate)
      ? `${addDays(values.endDate, 1)}T00:00`
      : values.endDate;
  return { start, end, locationId: text(values.locationId), reason: text(values.reason) };
}

/**
 * The availability to send: the form's values over `base`, so that what the form does not show
 * (the insurers' allotments) is sent back unchanged.
 */
export function toAvailability(values: AvailabilityValues, base: Availability): AvailabilityInput {
  const ids = values.services.map((service) => service.id.trim()).filter(Boolean);
  return {
    ...base,
    horizonWeeks: number(values.horizonWeeks),
    services: values.services.map((service): Service => {
      let id = service.id.trim();
      if (!id) {
        id = serviceIdFrom(service.name, ids);
        ids.push(id);
      }
      return {
        id,
        name: service.name.trim(),
        slotMinutes: number(service.slotMinutes),
        bufferMinutes: number(service.bufferMinutes) ?? 0,
        mode: service.mode,
        meetingLink: service.mode === 'TELEMEDICINE' ? text(service.meetingLink) : undefined,
        ...(service.type ? { type: service.type } : {}),
      };
    }),
    locations: values.locations.map((location) => ({
      locationId: location.locationId,
      timeZone: location.timeZone,
      weekly: location.weekly.map((hours) => ({
        days: DAYS.filter((day) => hours.days.includes(day)),
        start: hours.start,
        end: hours.end,
        service: hours.service,
      })),
      extra: location.extra.map((extra) => ({ ...extra })),
    })),
    leave: values.leave.map(leaveOf),
  };
}
