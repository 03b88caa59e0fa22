import { describe, expect, it } from 'vitest';
import {
  addDays,
  dateRange,
  dayOfWeek,
  daysBetween,
  endMinutesOf,
  isDate,
  isTimeZone,
  minutesOf,
  startOfWeek,
  timeZones,
  today,
  zonedParts,
} from './dates';

describe('dates', () => {
  it('adds days across months, years and leap days', () => {
    expect(addDays('2027-01-31', 1)).toBe('2027-02-01');
    expect(addDays('2028-02-28', 1)).toBe('2028-02-29');
    expect(addDays('2027-01-01', -1)).toBe('2026-12-31');
    expect(daysBetween('2027-03-01', '2027-03-08')).toBe(7);
  });

  it('keeps weeks seven days long over a change to summer time', () => {
    // Europe changes its clocks on 28 March 2027; plain dates do not care.
    expect(dateRange('2027-03-22', 7)).toEqual([
      '2027-03-22',
      '2027-03-23',
      '2027-03-24',
      '2027-03-25',
      '2027-03-26',
      '2027-03-27',
      '2027-03-28',
    ]);
  });

  it('names weekdays and finds the Monday of a week', () => {
    expect(dayOfWeek('2027-03-01')).toBe('MONDAY');
    expect(dayOfWeek('2027-03-07')).toBe('SUNDAY');
    expect(startOfWeek('2027-03-07')).toBe('2027-03-01');
    expect(startOfWeek('2027-03-01')).toBe('2027-03-01');
    expect(startOfWeek('2027-01-01')).toBe('2026-12-28');
  });

  it('tells real dates from look-alikes', () => {
    expect(isDate('2027-02-28')).toBe(true);
    expect(isDate('2027-02-30')).toBe(false);
    expect(isDate('next monday')).toBe(false);
    expect(isDate(null)).toBe(false);
  });

  it('gives the date and time an instant has in a time zone', () => {
    // 20:00 UTC is 01:30 the next day in India.
    expect(zonedParts('2027-03-01T20:00:00Z', 'Asia/Kolkata')).toEqual({
      date: '2027-03-02',
      time: '01:30',
    });
    expect(zonedParts('2027-03-01T20:00:00Z', 'America/New_York')).toEqual({
      date: '2027-03-01',
      time: '15:00',
    });
    expect(today('Asia/Kolkata', new Date('2027-03-01T19:00:00Z'))).toBe('2027-03-02');
  });

  it('reads times, with 00:00 as the midnight that ends a day', () => {
    expect(minutesOf('09:30')).toBe(570);
    expect(minutesOf('09:30:00')).toBe(570);
    expect(minutesOf('24:00')).toBeNull();
    expect(endMinutesOf('00:00')).toBe(1440);
    expect(endMinutesOf('13:00')).toBe(780);
  });

  it('lists time zones, keeping a saved one the browser does not list', () => {
    const zones = timeZones('America/Montreal');
    expect(zones).toContain('America/Montreal');
    expect(zones).toContain('UTC');
  });

  it('knows zones as the hub spells them', () => {
    expect(isTimeZone('Asia/Kolkata')).toBe(true);
    expect(isTimeZone('Asia/Calcutta')).toBe(true);
    expect(isTimeZone('UTC')).toBe(true);
    expect(isTimeZone('asia/kolkata')).toBe(false);
    expect(isTimeZone('Mars/Olympus_Mons')).toBe(false);
    expect(isTimeZone('')).toBe(false);
  });

  it('lists renamed zones by their current names', () => {
    const zones = timeZones();
    expect(zones).toContain('Asia/Kolkata');
    expect(zones).not.toContain('Asia/Calcutta');
  });
});
