import * as z from 'zod/mini';
import { t } from '../../i18n';
import type { AvailabilityValues } from './availabilityForm';
import type { Day, Service } from './types';
import { dayOfWeek, endMinutesOf, isDate, minutesOf, isTimeZone, overlaps } from './dates';

/**
 * The availability form's checks: the hub's (AvailabilityValidation), so that most mistakes show
 * beside their field before sending. The hub remains the authority; its errors show the same way.
 */
const DAY_NAMES = [
  'MONDAY',
  'TUESDAY',
  'WEDNESDAY',
  'THURSDAY',
  'FRIDAY',
  'SATURDAY',
  'SUNDAY',
] as const satisfies readonly Day[];
const ID = /^[A-Za-z0-9.-]{1,64}$/;
const TIME = /^\d{2}:\d{2}$/;

function isHttps(link: string): boolean {
  try {
    const url = new URL(link.trim());
    return url.protocol === 'https:' && !!url.hostname;
  } catch {
    return false;
  }
}

const required = (message: string, max = 200) =>
  z.string().check(
    z.refine((value) => value.trim().length > 0, message),
    z.maxLength(max, t('avail.v.tooLong', { max })),
  );

const wholeNumber = (min: number, max: number, optional: boolean) =>
  z
    .string()
    .check(
      z.refine(
        (value) =>
          (optional && !value.trim()) ||
          (/^\d+$/.test(value.trim()) && Number(value) >= min && Number(value) <= max),
        t('avail.v.minutes', { min, max }),
      ),
    );

const time = (message: string) =>
  z.string().check(z.refine((value) => TIME.test(value) && minutesOf(value) !== null, message));

/** A start and an end on one day; 00:00 ends the day at midnight. */
const endAfterStart = <T extends { start: string; end: string }>() =>
  z.refine<T>(
    (hours) => {
      const start = minutesOf(hours.start);
      const end = endMinutesOf(hours.end);
      return start === null || end === null || end > start;
    },
    { path: ['end'], message: t('avail.v.endAfterStart') },
  );

const service = z
  .object({
    id: z
      .string()
      .check(z.refine((value) => !value.trim() || ID.test(value.trim()), t('avail.v.serviceId'))),
    name: required(t('avail.v.serviceName')),
    mode: z.enum(['IN_PERSON', 'TELEMEDICINE']),
    slotMinutes: wholeNumber(5, 480, false),
    bufferMinutes: wholeNumber(0, 240, true),
    meetingLink: z.string(),
    saved: z.boolean(),
    type: z.optional(z.custom<Service['type']>()),
  })
  .check(
    z.refine((s) => s.mode !== 'TELEMEDICINE' || isHttps(s.meetingLink), {
      path: ['meetingLink'],
      message: t('avail.v.meetingLink'),
    }),
  );

const hours = z
  .object({
    days: z.array(z.enum(DAY_NAMES)).check(z.minLength(1, t('avail.v.days'))),
    start: time(t('avail.v.start')),
    end: time(t('avail.v.end')),
    service: required(t('avail.v.service')),
  })
  .check(endAfterStart());

const extra = z
  .object({
    date: z.string().check(z.refine(isDate, t('avail.v.date'))),
    start: time(t('avail.v.start')),
    end: time(t('avail.v.end')),
    service: required(t('avail.v.service')),
  })
  .check(endAfterStart());

const location = z.object({
  locationId: z.string(),
  timeZone: z.string().check(z.refine(isTimeZone, t('avail.v.timeZone'))),
  weekly: z.array(hours).check(z.maxLength(50, t('avail.v.tooMany', { max: 50 }))),
  extra: z.array(extra).check(z.maxLength(50, t('avail.v.tooMany', { max: 50 }))),
});

const leave = z
  .object({
    startDate: z.string().check(z.refine(isDate, t('avail.v.date'))),
    startTime: z.string(),
    endDate: z.string().check(z.refine(isDate, t('avail.v.date'))),
    endTime: z.string(),
    locationId: z.string(),
    reason: z.string().check(z.maxLength(200, t('avail.v.tooLong', { max: 200 }))),
  })
  .check(
    z.refine(
      (l) =>
        !isDate(l.startDate) ||
        !isDate(l.endDate) ||
        `${l.endDate}T${l.endTime || '24:00'}` > `${l.startDate}T${l.startTime || '00:00'}`,
      { path: ['endDate'], message: t('avail.v.leaveOrder') },
    ),
  );

type Issue = { path: (string | number)[]; message: string };

/** Rules across rows: hours of known services, no two hours at one place at once. */
export function crossIssues(values: AvailabilityValues): Issue[] {
  const issues: Issue[] = [];
  const seen = new Set<string>();
  values.services.forEach((s, i) => {
    const id = s.id.trim();
    if (!id) return;
    if (seen.has(id)) issues.push({ path: ['services', i, 'id'], message: t('avail.v.idTaken') });
    seen.add(id);
  });
  values.locations.forEach((location, l) => {
    const periods = location.weekly.map((h) => {
      const start = minutesOf(h.start);
      const end = endMinutesOf(h.end);
      return start === null || end === null || end <= start ? null : ([start, end] as const);
    });
    location.weekly.forEach((h, i) => {
      if (h.service && !seen.has(h.service)) {
        issues.push({
          path: ['locations', l, 'weekly', i, 'service'],
          message: t('avail.v.service'),
        });
      }
      const mine = periods[i];
      if (!mine) return;
      for (let j = 0; j < i; j++) {
        const other = periods[j];
        const day = h.days.find((d) => location.weekly[j]!.days.includes(d));
        if (other && day && overlaps([...mine], [...other])) {
          issues.push({
            path: ['locations', l, 'weekly', i, 'start'],
            message: t('avail.v.overlap', { n: j + 1 }),
          });
          return;
        }
      }
    });
    location.extra.forEach((e, i) => {
      if (e.service && !seen.has(e.service)) {
        issues.push({
          path: ['locations', l, 'extra', i, 'service'],
          message: t('avail.v.service'),
        });
      }
      const start = minutesOf(e.start);
      const end = endMinutesOf(e.end);
      if (!isDate(e.date) || start === null || end === null || end <= start) return;
      const day = dayOfWeek(e.date);
      const clash = location.weekly.findIndex((h, j) => {
        const other = periods[j];
        return !!other && h.days.includes(day) && overlaps([start, end], [...other]);
      });
      if (clash >= 0) {
        issues.push({
          path: ['locations', l, 'extra', i, 'start'],
          message: t('avail.v.extraOverlap', { n: clash + 1 }),
        });
      }
    });
  });
  return issues;
}

export const availabilitySchema = z
  .object({
    horizonWeeks: z
      .string()
      .check(
        z.refine(
          (value) => /^\d+$/.test(value.trim()) && Number(value) >= 1 && Number(value) <= 26,
          t('avail.v.horizon'),
        ),
      ),
    services: z.array(service).check(z.maxLength(20, t('avail.v.tooMany', { max: 20 }))),
    locations: z.array(location),
    leave: z.array(leave).check(z.maxLength(200, t('avail.v.tooMany', { max: 200 }))),
  })
  .check(
    z.superRefine((values, context) => {
      for (const issue of crossIssues(values as AvailabilityValues)) {
        context.issues.push({ code: 'custom', input: values, ...issue });
      }
    }),
  );
