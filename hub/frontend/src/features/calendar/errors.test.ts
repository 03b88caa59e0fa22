import { describe, expect, it } from 'vitest';
import { ApiError } from '../../api/problem';
import { toFormValues } from './availabilityForm';
import { availabilityFieldPath, forAvailabilityForm, humanize } from './errors';
import type { Availability } from './types';

const availability: Availability = {
  services: [{ id: 'consult', name: 'Consultation', slotMinutes: 15, mode: 'IN_PERSON' }],
  locations: [
    {
      locationId: 'loc-1',
      timeZone: 'Asia/Kolkata',
      weekly: [
        { days: ['MONDAY'], start: '09:00', end: '12:00', service: 'consult' },
        { days: ['MONDAY'], start: '11:00', end: '13:00', service: 'consult' },
      ],
      extra: [{ date: '2027-03-01', start: '10:00', end: '11:00', service: 'consult' }],
    },
  ],
  leave: [{ start: '2027-01-10T00:00', end: '2027-01-09T00:00' }],
};
const values = toFormValues(availability, []);

describe('availability field errors', () => {
  it.each([
    ['horizonWeeks', 'horizonWeeks'],
    ['services[0]', 'services.0.name'],
    ['services[0].slotMinutes', 'services.0.slotMinutes'],
    ['services[0].meetingLink', 'services.0.mode'],
    ['locations[0].timeZone', 'locations.0.timeZone'],
    ['locations[0].weekly[1]', 'locations.0.weekly.1.start'],
    ['locations[0].weekly[1].end', 'locations.0.weekly.1.end'],
    ['locations[0].weekly[0].days[0]', 'locations.0.weekly.0.days'],
    ['locations[0].extra[0]', 'locations.0.extra.0.start'],
    ['leave[0]', 'leave.0.startDate'],
    ['leave[0].end', 'leave.0.endDate'],
    ['leave[0].reason', 'leave.0.reason'],
  ])('shows %s beside %s', (field, path) => {
    expect(availabilityFieldPath(field, values)).toBe(path);
  });

  it.each(['locations[0].locationId', 'locations[3].timeZone', 'allotments[0].percent', 'leave'])(
    'leaves %s to the alert',
    (field) => {
      expect(availabilityFieldPath(field, values)).toBeNull();
    },
  );

  it('speaks of hours and weekdays, not JSON paths', () => {
    expect(humanize('overlaps weekly[0] on MONDAY; a doctor sees one patient at a time')).toBe(
      'Overlaps hours 1 on Monday; a doctor sees one patient at a time.',
    );
    expect(humanize('required, as 09:00')).toBe('Required, as 09:00.');
  });

  it('joins errors of one field and names the rest by the part they concern', () => {
    const error = new ApiError(400, {
      status: 400,
      title: 'Invalid availability',
      detail: '3 fields are invalid; see errors',
      errors: [
        { field: 'locations[0].weekly[1]', message: 'overlaps weekly[0] on MONDAY' },
        { field: 'locations[0].weekly[1].start', message: 'required, as 09:00' },
        { field: 'locations[0].locationId', message: '"x" is none of the practices' },
        { field: 'allotments[0].insurerId', message: 'no insurer "acme" on DocPort' },
      ],
    });
    const mapped = forAvailabilityForm(error, values, () => 'Berger Clinic') as ApiError;
    expect(mapped.problem.detail).toBe('Please correct the marked field.');
    expect(mapped.problem.errors).toEqual([
      {
        field: 'locations.0.weekly.1.start',
        message: 'Overlaps hours 1 on Monday. Required, as 09:00.',
      },
      { field: 'Berger Clinic', message: '"x" is none of the practices.' },
      { field: 'Slots reserved for insurers', message: 'No insurer "acme" on DocPort.' },
    ]);
  });
});
