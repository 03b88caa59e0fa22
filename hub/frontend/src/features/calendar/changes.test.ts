import { describe, expect, it } from 'vitest';
import { changedSections, mayDisplaceAppointments } from './changes';
import type { Availability } from './types';

const base: Availability = {
  horizonWeeks: 8,
  services: [{ id: 'consult', name: 'Consultation', slotMinutes: 15, mode: 'IN_PERSON' }],
  locations: [
    {
      locationId: 'loc-1',
      timeZone: 'Asia/Kolkata',
      weekly: [{ days: ['MONDAY', 'WEDNESDAY'], start: '09:00', end: '13:00', service: 'consult' }],
      extra: [{ date: '2027-03-06', start: '10:00', end: '12:00', service: 'consult' }],
    },
  ],
  leave: [{ start: '2027-04-01T00:00', end: '2027-04-03T00:00', reason: 'Conference' }],
  allotments: [],
};

function changed(change: (a: Availability) => void): Availability {
  const copy = structuredClone(base);
  change(copy);
  return copy;
}

const weekly = (a: Availability) => a.locations![0]!.weekly!;

describe('mayDisplaceAppointments', () => {
  it('is false when nothing is taken away', () => {
    expect(mayDisplaceAppointments(base, structuredClone(base))).toBe(false);
    const more = changed((a) => {
      weekly(a).push({ days: ['FRIDAY'], start: '14:00', end: '18:00', service: 'consult' });
      a.horizonWeeks = 12;
      a.services!.push({ id: 'video', name: 'Video', slotMinutes: 20, mode: 'TELEMEDICINE' });
    });
    expect(mayDisplaceAppointments(base, more)).toBe(false);
  });

  it('is false when hours are split or extended but still cover the same time', () => {
    const split = changed((a) => {
      a.locations![0]!.weekly = [
        { days: ['MONDAY'], start: '08:00', end: '11:00', service: 'consult' },
        { days: ['MONDAY', 'WEDNESDAY'], start: '11:00', end: '13:30', service: 'consult' },
        { days: ['WEDNESDAY'], start: '09:00', end: '11:00', service: 'consult' },
      ];
    });
    expect(mayDisplaceAppointments(base, split)).toBe(false);
  });

  it('is true when hours are shortened, a day is dropped or the time zone changes', () => {
    expect(
      mayDisplaceAppointments(
        base,
        changed((a) => (weekly(a)[0]!.end = '12:00')),
      ),
    ).toBe(true);
    expect(
      mayDisplaceAppointments(
        base,
        changed((a) => (weekly(a)[0]!.days = ['MONDAY'])),
      ),
    ).toBe(true);
    expect(
      mayDisplaceAppointments(
        base,
        changed((a) => (a.locations![0]!.timeZone = 'Asia/Dubai')),
      ),
    ).toBe(true);
    expect(
      mayDisplaceAppointments(
        base,
        changed((a) => (a.locations = [])),
      ),
    ).toBe(true);
  });

  it('is true when extra hours go, unless weekly hours now cover them', () => {
    expect(
      mayDisplaceAppointments(
        base,
        changed((a) => (a.locations![0]!.extra = [])),
      ),
    ).toBe(true);
    const coveredBySaturdays = changed((a) => {
      a.locations![0]!.extra = [];
      weekly(a).push({ days: ['SATURDAY'], start: '09:00', end: '13:00', service: 'consult' });
    });
    expect(mayDisplaceAppointments(base, coveredBySaturdays)).toBe(false);
  });

  it('is true for new or changed leave, but not for leave taken back', () => {
    const more = changed((a) =>
      a.leave!.push({ start: '2027-05-01T00:00', end: '2027-05-02T00:00' }),
    );
    expect(mayDisplaceAppointments(base, more)).toBe(true);
    expect(
      mayDisplaceAppointments(
        base,
        changed((a) => (a.leave![0]!.end = '2027-04-05T00:00')),
      ),
    ).toBe(true);
    expect(
      mayDisplaceAppointments(
        base,
        changed((a) => (a.leave = [])),
      ),
    ).toBe(false);
  });

  it('is true for a shorter horizon, a new slot length or a removed service', () => {
    expect(
      mayDisplaceAppointments(
        base,
        changed((a) => (a.horizonWeeks = 4)),
      ),
    ).toBe(true);
    expect(
      mayDisplaceAppointments(
        base,
        changed((a) => (a.services![0]!.slotMinutes = 20)),
      ),
    ).toBe(true);
    expect(
      mayDisplaceAppointments(
        base,
        changed((a) => (a.services = [])),
      ),
    ).toBe(true);
  });
});

describe('changedSections', () => {
  it('names the parts that differ, a location by its id', () => {
    const theirs = changed((a) => {
      weekly(a)[0]!.end = '12:00';
      a.leave = [];
    });
    expect(changedSections(base, theirs)).toEqual(['location:loc-1', 'leave']);
    expect(changedSections(base, structuredClone(base))).toEqual([]);
  });

  it('treats a location without hours as none', () => {
    const empty = changed((a) =>
      a.locations!.push({ locationId: 'loc-2', timeZone: 'UTC', weekly: [], extra: [] }),
    );
    expect(changedSections(base, empty)).toEqual([]);
  });
});
