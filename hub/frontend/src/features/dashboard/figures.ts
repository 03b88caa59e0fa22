import type { ResponseBody } from '../../api/client';

export type PracticeFigures = ResponseBody<'/api/doctors/{doctorId}/practice-stats', 'get', 200>;
export type PracticeWeek = PracticeFigures['weeks'][number];
export type PracticeByInsurer = PracticeFigures['insurers'][number];

/** The ranges the doctor can switch between: weeks before this one, and weeks after it. */
export const RANGES = {
  recent: { back: 8, ahead: 3 },
  quarter: { back: 12, ahead: 4 },
  half: { back: 26, ahead: 0 },
} as const;
export type RangeId = keyof typeof RANGES;
export const RANGE_IDS = Object.keys(RANGES) as RangeId[];
export const DEFAULT_RANGE: RangeId = 'recent';

export function isRangeId(value: string | null): value is RangeId {
  return value !== null && Object.hasOwn(RANGES, value);
}

/** How many weeks, this one first, the summary's utilisation looks ahead. */
export const UPCOMING_WEEKS = 4;

const DAY_MS = 86_400_000;

/** A date's calendar day where it is read (the browser's time zone), as the API writes it. */
export function isoDate(date: Date): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
}

/** The Monday of the week that `today` falls in, in the browser's time zone. */
export function mondayOf(today: Date): string {
  const day = new Date(today.getFullYear(), today.getMonth(), today.getDate());
  day.setDate(day.getDate() - ((day.getDay() + 6) % 7));
  return isoDate(day);
}

/** A calendar day (YYYY-MM-DD) as midnight UTC, so that adding days never meets a DST change. */
export function parseDay(iso: string): Date {
  const [year, month, day] = iso.split('-').map(Number);
  return new Date(Date.UTC(year ?? 1970, (month ?? 1) - 1, day ?? 1));
}

export function addWeeks(iso: string, weeks: number): string {
  return new Date(parseDay(iso).getTime() + weeks * 7 * DAY_MS).toISOString().slice(0, 10);
}

/** The query for a range: from its first Monday, this week included. */
export function rangeQuery(range: RangeId, thisMonday: string): { from: string; weeks: number } {
  const { back, ahead } = RANGES[range];
  return { from: addWeeks(thisMonday, -back), weeks: back + 1 + ahead };
}

export type WeekWhen = 'past' | 'current' | 'future';

/** One week as the dashboard shows it. */
export interface WeekRow {
  weekStart: string;
  when: WeekWhen;
  attended: number;
  /** Booked and not (yet) attended, cancelled or missed. */
  booked: number;
  cancelled: number;
  noShows: number;
  total: number;
  /** Slots from now on in the week; only for this week and later ones (past slots are not kept). */
  offeredSlots?: number;
  takenSlots?: number;
  /** takenSlots / offeredSlots, when the week has slots on offer. */
  utilisation?: number;
}

export function weekRows(weeks: readonly PracticeWeek[], thisMonday: string): WeekRow[] {
  return weeks.map((week) => {
    const when: WeekWhen =
      week.weekStart < thisMonday ? 'past' : week.weekStart === thisMonday ? 'current' : 'future';
    const row: WeekRow = {
      weekStart: week.weekStart,
      when,
      attended: week.fulfilled,
      booked: Math.max(0, week.appointments - week.fulfilled - week.cancelled - week.noShows),
      cancelled: week.cancelled,
      noShows: week.noShows,
      total: week.appointments,
    };
    if (when !== 'past' && week.offeredSlots !== undefined) {
      row.offeredSlots = week.offeredSlots;
      row.takenSlots = week.takenSlots ?? 0;
      if (week.offeredSlots > 0) row.utilisation = row.takenSlots / week.offeredSlots;
    }
    return row;
  });
}

/** This week and the weeks after it whose slots are known: the utilisation chart's weeks. */
export function upcomingRows(rows: readonly WeekRow[]): WeekRow[] {
  return rows.filter((row) => row.when !== 'past' && row.offeredSlots !== undefined);
}

export interface Share {
  part: number;
  whole: number;
  /** part / whole; absent when whole is 0. */
  rate?: number;
}

function share(part: number, whole: number): Share {
  return whole > 0 ? { part, whole, rate: part / whole } : { part, whole };
}

export interface Summary {
  thisWeek?: WeekRow;
  appointments: number;
  cancellations: Share;
  noShows: Share;
  /** Slots booked over this week and the next ones, up to {@link UPCOMING_WEEKS}. */
  utilisation: Share & { weeks: number };
}

/** The figures above the charts. Rates are over every appointment in the range. */
export function summarise(rows: readonly WeekRow[]): Summary {
  const sum = (pick: (row: WeekRow) => number, of = rows) =>
    of.reduce((total, row) => total + pick(row), 0);
  const appointments = sum((row) => row.total);
  const upcoming = upcomingRows(rows).slice(0, UPCOMING_WEEKS);
  return {
    thisWeek: rows.find((row) => row.when === 'current'),
    appointments,
    cancellations: share(
      sum((row) => row.cancelled),
      appointments,
    ),
    noShows: share(
      sum((row) => row.noShows),
      appointments,
    ),
    utilisation: {
      ...share(
        sum((row) => row.takenSlots ?? 0, upcoming),
        sum((row) => row.offeredSlots ?? 0, upcoming),
      ),
      weeks: upcoming.length,
    },
  };
}

/** One insurer as the dashboard shows it. */
export interface InsurerRow {
  insurerId: string;
  name: string;
  /** Neither cancelled nor missed: attended, or still to come. */
  keptOrBooked: number;
  cancelled: number;
  noShows: number;
  total: number;
}

export function insurerRows(insurers: readonly PracticeByInsurer[]): InsurerRow[] {
  return insurers.map((insurer) => ({
    insurerId: insurer.insurerId,
    name: insurer.name,
    keptOrBooked: Math.max(0, insurer.appointments - insurer.cancelled - insurer.noShows),
    cancelled: insurer.cancelled,
    noShows: insurer.noShows,
    total: insurer.appointments,
  }));
}

/** Whether the range has no appointment at all. */
export function hasNoAppointments(rows: readonly WeekRow[]): boolean {
  return rows.every((row) => row.total === 0);
}

/** Whether any week from now on has slots that patients can book. */
export function hasSlotsOnOffer(rows: readonly WeekRow[]): boolean {
  return rows.some((row) => (row.offeredSlots ?? 0) > 0);
}

/** The day before a date: the last day of a range whose end the API gives as exclusive. */
export function dayBefore(iso: string): string {
  return new Date(parseDay(iso).getTime() - DAY_MS).toISOString().slice(0, 10);
}
