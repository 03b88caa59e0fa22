import { describe, expect, it } from 'vitest';
import {
  addWeeks,
  dayBefore,
  hasNoAppointments,
  hasSlotsOnOffer,
  insurerRows,
  mondayOf,
  rangeQuery,
  summarise,
  upcomingRows,
  weekRows,
  type PracticeWeek,
} from './figures';
import { formatDay, formatPercent, formatShortDay } from './format';
import { emptyFigures, practiceFigures, THIS_MONDAY, TODAY } from './testData';

const week = (weekStart: string, more: Partial<PracticeWeek> = {}): PracticeWeek => ({
  weekStart,
  appointments: 0,
  fulfilled: 0,
  cancelled: 0,
  noShows: 0,
  ...more,
});

describe('weeks and ranges', () => {
  it('finds the Monday of the week in the browser’s time zone, Sunday included', () => {
    expect(mondayOf(TODAY)).toBe(THIS_MONDAY);
    expect(mondayOf(new Date(2027, 2, 8, 0, 0))).toBe('2027-03-08');
    expect(mondayOf(new Date(2027, 2, 14, 23, 59))).toBe('2027-03-08');
    expect(mondayOf(new Date(2027, 2, 15, 0, 0))).toBe('2027-03-15');
    expect(mondayOf(new Date(2027, 0, 2, 9, 0))).toBe('2026-12-28');
  });

  it('counts weeks in calendar days, across a change to summer time', () => {
    expect(addWeeks('2027-03-22', 1)).toBe('2027-03-29');
    expect(addWeeks('2027-01-04', -1)).toBe('2026-12-28');
    expect(dayBefore('2027-04-05')).toBe('2027-04-04');
  });

  it('asks for each range from its first Monday, this week included', () => {
    expect(rangeQuery('recent', THIS_MONDAY)).toEqual({ from: '2027-01-11', weeks: 12 });
    expect(rangeQuery('quarter', THIS_MONDAY)).toEqual({ from: '2026-12-14', weeks: 17 });
    expect(rangeQuery('half', THIS_MONDAY)).toEqual({ from: '2026-09-07', weeks: 27 });
  });
});

describe('week rows', () => {
  it('splits a week’s appointments by what became of them', () => {
    const [row] = weekRows(
      [week('2027-03-08', { appointments: 14, fulfilled: 6, cancelled: 2, noShows: 1 })],
      THIS_MONDAY,
    );
    expect(row).toMatchObject({
      when: 'current',
      attended: 6,
      booked: 5,
      cancelled: 2,
      noShows: 1,
      total: 14,
    });
  });

  it('keeps slots and utilisation for this week and later ones only', () => {
    const rows = weekRows(
      [
        week('2027-03-01', { offeredSlots: 10, takenSlots: 5 }),
        week('2027-03-08', { offeredSlots: 20, takenSlots: 12 }),
        week('2027-03-15', { offeredSlots: 0, takenSlots: 0 }),
        week('2027-03-22'),
      ],
      THIS_MONDAY,
    );
    expect(rows.map((row) => row.when)).toEqual(['past', 'current', 'future', 'future']);
    expect(rows[0]?.offeredSlots).toBeUndefined();
    expect(rows[1]?.utilisation).toBeCloseTo(0.6);
    expect(rows[2]).toMatchObject({ offeredSlots: 0, takenSlots: 0 });
    expect(rows[2]?.utilisation).toBeUndefined();
    expect(upcomingRows(rows).map((row) => row.weekStart)).toEqual(['2027-03-08', '2027-03-15']);
  });
});

describe('summary', () => {
  it('gives this week, the rates over the range and the next four weeks’ utilisation', () => {
    const summary = summarise(weekRows(practiceFigures().weeks, THIS_MONDAY));
    expect(summary.thisWeek?.total).toBe(14);
    expect(summary.appointments).toBe(112);
    expect(summary.cancellations).toEqual({ part: 11, whole: 112, rate: 11 / 112 });
    expect(summary.noShows).toEqual({ part: 5, whole: 112, rate: 5 / 112 });
    expect(summary.utilisation).toEqual({ part: 25, whole: 68, rate: 25 / 68, weeks: 4 });
  });

  it('looks no further than four weeks ahead', () => {
    const rows = weekRows(
      ['2027-03-08', '2027-03-15', '2027-03-22', '2027-03-29', '2027-04-05'].map((start) =>
        week(start, { offeredSlots: 10, takenSlots: start === '2027-04-05' ? 10 : 0 }),
      ),
      THIS_MONDAY,
    );
    expect(summarise(rows).utilisation).toEqual({ part: 0, whole: 40, rate: 0, weeks: 4 });
  });

  it('has no rates without appointments or slots', () => {
    const rows = weekRows(emptyFigures().weeks, THIS_MONDAY);
    const summary = summarise(rows);
    expect(summary.cancellations.rate).toBeUndefined();
    expect(summary.utilisation.rate).toBeUndefined();
    expect(hasNoAppointments(rows)).toBe(true);
    expect(hasSlotsOnOffer(rows)).toBe(false);
    expect(hasSlotsOnOffer(weekRows(emptyFigures(5).weeks, THIS_MONDAY))).toBe(true);
  });
});

describe('insurer rows', () => {
  it('counts what was neither cancelled nor missed', () => {
    expect(insurerRows(practiceFigures().insurers)).toEqual([
      {
        insurerId: 'ins-allianz',
        name: 'Allianz Care',
        keptOrBooked: 60,
        cancelled: 7,
        noShows: 3,
        total: 70,
      },
      {
        insurerId: 'ins-star',
        name: 'Star Health',
        keptOrBooked: 36,
        cancelled: 4,
        noShows: 2,
        total: 42,
      },
    ]);
  });
});

describe('formats', () => {
  it('writes days and shares as a doctor reads them', () => {
    expect(formatShortDay('2027-03-08')).toBe('8 Mar');
    expect(formatDay('2027-03-08')).toBe('8 Mar 2027');
    expect(formatPercent(25 / 68)).toBe('36.8%');
    expect(formatPercent(0)).toBe('0%');
  });
});
