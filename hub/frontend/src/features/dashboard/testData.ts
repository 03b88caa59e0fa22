import { addWeeks, type PracticeFigures, type PracticeWeek } from './figures';

/** The tests' today: Wednesday 10 March 2027, noon where the tests run. */
export const TODAY = new Date(2027, 2, 10, 12, 0);
export const THIS_MONDAY = '2027-03-08';

const past = [
  [10, 1, 1],
  [12, 2, 0],
  [9, 0, 1],
  [11, 1, 0],
  [10, 1, 1],
  [8, 0, 1],
  [12, 2, 0],
  [10, 1, 0],
] as const;

/**
 * The default range (8 weeks back, this week, 3 ahead) as the hub answers it: 112 appointments,
 * 11 cancelled, 5 no-shows; slots only from this week on, the last week without any.
 */
export function practiceFigures(): PracticeFigures {
  const from = addWeeks(THIS_MONDAY, -8);
  const weeks: PracticeWeek[] = past.map(([appointments, cancelled, noShows], i) => ({
    weekStart: addWeeks(from, i),
    appointments,
    fulfilled: appointments - cancelled - noShows,
    cancelled,
    noShows,
  }));
  weeks.push(
    {
      weekStart: THIS_MONDAY,
      appointments: 14,
      fulfilled: 6,
      cancelled: 2,
      noShows: 1,
      offeredSlots: 20,
      takenSlots: 12,
    },
    {
      weekStart: addWeeks(THIS_MONDAY, 1),
      appointments: 9,
      fulfilled: 0,
      cancelled: 1,
      noShows: 0,
      offeredSlots: 24,
      takenSlots: 8,
    },
    {
      weekStart: addWeeks(THIS_MONDAY, 2),
      appointments: 5,
      fulfilled: 0,
      cancelled: 0,
      noShows: 0,
      offeredSlots: 24,
      takenSlots: 5,
    },
    {
      weekStart: addWeeks(THIS_MONDAY, 3),
      appointments: 2,
      fulfilled: 0,
      cancelled: 0,
      noShows: 0,
      offeredSlots: 0,
      takenSlots: 0,
    },
  );
  return {
    from,
    to: addWeeks(THIS_MONDAY, 4),
    timeZone: 'Europe/Berlin',
    weeks,
    insurers: [
      {
        insurerId: 'ins-allianz',
        name: 'Allianz Care',
        appointments: 70,
        cancelled: 7,
        noShows: 3,
      },
      { insurerId: 'ins-star', name: 'Star Health', appointments: 42, cancelled: 4, noShows: 2 },
    ],
  };
}

/** A range without a single appointment; slots on offer only if asked. */
export function emptyFigures(offeredSlots = 0): PracticeFigures {
  const from = addWeeks(THIS_MONDAY, -8);
  return {
    from,
    to: addWeeks(THIS_MONDAY, 4),
    timeZone: 'Europe/Berlin',
    weeks: Array.from({ length: 12 }, (_, i) => {
      const week: PracticeWeek = {
        weekStart: addWeeks(from, i),
        appointments: 0,
        fulfilled: 0,
        cancelled: 0,
        noShows: 0,
      };
      return i < 8 ? week : { ...week, offeredSlots, takenSlots: 0 };
    }),
    insurers: [],
  };
}
