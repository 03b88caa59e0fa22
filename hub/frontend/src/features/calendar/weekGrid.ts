import type { HoursValues } from './availabilityForm';
import { minutesOf } from './dates';
import { DAYS } from './types';

/** One weekly-hours row as it shows on one day of the week grid. */
export interface Block {
  /** The row's index in the location's weekly hours. */
  index: number;
  start: string;
  end: string;
  service: string;
}

/** The week's hours by day, Monday first, each day's blocks in order of their start. */
export function weekBlocks(weekly: readonly HoursValues[]): Block[][] {
  return DAYS.map((day) =>
    weekly
      .flatMap((hours, index) =>
        hours.days.includes(day)
          ? [{ index, start: hours.start, end: hours.end, service: hours.service }]
          : [],
      )
      .sort((a, b) => (minutesOf(a.start) ?? 0) - (minutesOf(b.start) ?? 0) || a.index - b.index),
  );
}
