import { describe, expect, it } from 'vitest';
import { formatAgo, formatClock, formatDuration, formatMoment } from './format';

const us = { locale: 'en-US', timeZone: 'UTC' };

describe('console formats', () => {
  it.each([
    [0, '0 sec'],
    [45.7, '45 sec'],
    [180, '3 min'],
    [199, '3 min'],
    [4_800, '1 hr, 20 min'],
    [7_200, '2 hr'],
    [189_000, '2 days, 4 hr'],
  ])('says %s seconds as %s', (seconds, words) => {
    expect(formatDuration(seconds, us)).toBe(words);
  });

  it('uses the locale for durations', () => {
    expect(formatDuration(180, { locale: 'de-DE' })).toBe('3 Min.');
  });

  it('names the time zone of a moment', () => {
    expect(formatMoment('2026-03-02T10:15:00Z', us)).toBe('Mar 2, 2026, 10:15 AM UTC');
    expect(
      formatMoment('2026-03-02T10:15:00Z', { locale: 'en-GB', timeZone: 'Asia/Kolkata' }),
    ).toBe('2 Mar 2026, 15:45 GMT+5:30');
    expect(formatClock(Date.parse('2026-03-02T10:15:09Z'), us)).toBe('10:15:09 AM UTC');
  });

  it('says how long ago', () => {
    const now = Date.parse('2026-03-05T10:15:00Z');
    expect(formatAgo('2026-03-02T10:15:00Z', now, us)).toBe('3 days ago');
    expect(formatAgo('2026-03-05T10:10:00Z', now, us)).toBe('5 minutes ago');
    expect(formatAgo('2026-03-05T10:15:00Z', now, us)).toBe('now');
  });
});
