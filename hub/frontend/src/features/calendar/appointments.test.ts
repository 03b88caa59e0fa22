import { describe, expect, it } from 'vitest';
import {
  actionsFor,
  calendarRange,
  groupByDay,
  patientIdentifier,
  patientName,
  slotsByDay,
  stepDate,
} from './appointments';
import type { Appointment, Slot } from './types';

const at = (start: string, status: Appointment['status'], more: Partial<Appointment> = {}) => ({
  id: start,
  status,
  start,
  end: new Date(Date.parse(start) + 15 * 60_000).toISOString(),
  ...more,
});

describe('calendar ranges', () => {
  it('shows a day, the Monday-to-Sunday week, or two weeks from a date', () => {
    expect(calendarRange('day', '2027-03-03')).toMatchObject({
      from: '2027-03-03',
      to: '2027-03-04',
    });
    expect(calendarRange('week', '2027-03-03')).toMatchObject({
      from: '2027-03-01',
      to: '2027-03-08',
    });
    expect(calendarRange('list', '2027-03-03')).toMatchObject({
      from: '2027-03-03',
      to: '2027-03-17',
    });
  });

  it('steps by the length of the view', () => {
    expect(stepDate('day', '2027-03-01', -1)).toBe('2027-02-28');
    expect(stepDate('week', '2027-03-03', 1)).toBe('2027-03-08');
    expect(stepDate('list', '2027-03-03', 1)).toBe('2027-03-17');
  });
});

describe('patients', () => {
  it('names the patient by the display, else the contained Patient', () => {
    expect(patientName({ reference: 'Patient/1', display: 'Priya Sharma' })).toBe('Priya Sharma');
    expect(
      patientName({
        resource: {
          resourceType: 'Patient',
          name: [
            { use: 'old', family: 'Rao' },
            { use: 'official', given: ['Meera', 'K'], family: 'Iyer' },
          ],
        },
      }),
    ).toBe('Meera K Iyer');
    expect(patientName({ resource: { name: [{ text: 'Ravi Kumar' }] } })).toBe('Ravi Kumar');
    expect(patientName({ reference: 'Patient/1' })).toBeNull();
    expect(patientName(null)).toBeNull();
    expect(patientName('Priya')).toBeNull();
  });

  it("falls back to the insurer's identifier or reference", () => {
    expect(patientIdentifier({ identifier: { system: 's', value: 'M-77' } })).toBe('M-77');
    expect(patientIdentifier({ reference: 'Patient/9' })).toBe('Patient/9');
  });
});

describe('actions', () => {
  const now = new Date('2027-03-01T10:00:00Z');

  it('offers to confirm or decline a hold while it lasts', () => {
    expect(
      actionsFor(at('2027-03-02T09:00:00Z', 'HELD', { holdUntil: '2027-03-01T10:05:00Z' }), now),
    ).toEqual(['confirm', 'cancel']);
    expect(
      actionsFor(at('2027-03-02T09:00:00Z', 'HELD', { holdUntil: '2027-03-01T09:55:00Z' }), now),
    ).toEqual([]);
  });

  it('offers arrival from two hours before, the visit and no-show from the start', () => {
    expect(actionsFor(at('2027-03-01T13:00:00Z', 'BOOKED'), now)).toEqual(['cancel']);
    expect(actionsFor(at('2027-03-01T11:30:00Z', 'BOOKED'), now)).toEqual(['arrived', 'cancel']);
    expect(actionsFor(at('2027-03-01T09:45:00Z', 'BOOKED'), now)).toEqual([
      'arrived',
      'fulfilled',
      'noShow',
      'cancel',
    ]);
    expect(actionsFor(at('2027-03-01T09:45:00Z', 'ARRIVED'), now)).toEqual(['fulfilled']);
    expect(actionsFor(at('2027-03-01T11:00:00Z', 'ARRIVED'), now)).toEqual([]);
  });

  it('offers nothing once it is over', () => {
    for (const status of ['FULFILLED', 'NOSHOW', 'CANCELLED', 'EXPIRED'] as const) {
      expect(actionsFor(at('2027-03-01T09:45:00Z', status), now)).toEqual([]);
    }
  });
});

describe('grouping by day', () => {
  const zoneOf = (locationId?: string) => (locationId === 'delhi' ? 'Asia/Kolkata' : 'UTC');

  it("puts each appointment on its location's date, in order of start", () => {
    const days = groupByDay(
      [
        at('2027-03-01T20:00:00Z', 'BOOKED', { locationId: 'delhi' }),
        at('2027-03-01T20:00:00Z', 'BOOKED', { id: 'utc', locationId: 'london' }),
        at('2027-03-01T09:00:00Z', 'BOOKED', { locationId: 'london' }),
      ],
      zoneOf,
    );
    expect([...days.keys()]).toEqual(['2027-03-01', '2027-03-02']);
    expect(days.get('2027-03-01')?.map((a) => a.id)).toEqual(['2027-03-01T09:00:00Z', 'utc']);
    expect(days.get('2027-03-02')).toHaveLength(1);
  });

  it('counts free slots and joins unavailable ones with the same reason', () => {
    const slot = (start: string, status: Slot['status'], comment?: string): Slot => ({
      start,
      end: new Date(Date.parse(start) + 15 * 60_000).toISOString().replace('.000', ''),
      status,
      comment,
      locationId: 'london',
    });
    const days = slotsByDay(
      [
        slot('2027-03-01T09:15:00Z', 'BUSY_UNAVAILABLE', 'leave: Conference'),
        slot('2027-03-01T09:00:00Z', 'BUSY_UNAVAILABLE', 'leave: Conference'),
        slot('2027-03-01T09:30:00Z', 'BUSY_UNAVAILABLE', 'busy elsewhere'),
        slot('2027-03-01T09:45:00Z', 'FREE'),
        slot('2027-03-02T09:00:00Z', 'FREE'),
      ],
      zoneOf,
    );
    expect(days.get('2027-03-01')).toEqual({
      free: 1,
      unavailable: [
        {
          start: '2027-03-01T09:00:00Z',
          end: '2027-03-01T09:30:00Z',
          locationId: 'london',
          comment: 'leave: Conference',
        },
        {
          start: '2027-03-01T09:30:00Z',
          end: '2027-03-01T09:45:00Z',
          locationId: 'london',
          comment: 'busy elsewhere',
        },
      ],
    });
    expect(days.get('2027-03-02')).toEqual({ free: 1, unavailable: [] });
  });
});
