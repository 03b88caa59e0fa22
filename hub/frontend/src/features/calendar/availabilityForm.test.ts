import { describe, expect, it } from 'vitest';
import { serviceIdFrom, toAvailability, toFormValues } from './availabilityForm';
import { availabilitySchema, crossIssues } from './schema';
import type { Availability } from './types';

const availability: Availability = {
  horizonWeeks: 6,
  services: [
    {
      id: 'consult',
      name: 'Consultation',
      slotMinutes: 15,
      bufferMinutes: 5,
      mode: 'IN_PERSON',
      type: { system: 'http://snomed.info/sct', code: '11429006' },
    },
  ],
  locations: [
    {
      locationId: 'loc-1',
      timeZone: 'Asia/Kolkata',
      weekly: [
        { days: ['WEDNESDAY', 'MONDAY'], start: '09:00:00', end: '13:00', service: 'consult' },
      ],
      extra: [],
    },
  ],
  leave: [
    { start: '2027-04-01T00:00', end: '2027-04-03T00:00', reason: 'Conference' },
    { start: '2027-05-10T14:00', end: '2027-05-10T18:00', locationId: 'loc-1' },
  ],
  allotments: [{ insurerId: 'acme', percent: 20 }],
};

const practices = [
  { id: 'loc-1', name: 'Berger Clinic' },
  { id: 'loc-2', name: 'Rao Clinic' },
];

describe('availability form values', () => {
  it('reads leave as days, the last one included, with times only for part of a day', () => {
    const values = toFormValues(availability, practices, 'Europe/Berlin');
    expect(values.leave).toEqual([
      {
        startDate: '2027-04-01',
        startTime: '',
        endDate: '2027-04-02',
        endTime: '',
        locationId: '',
        reason: 'Conference',
      },
      {
        startDate: '2027-05-10',
        startTime: '14:00',
        endDate: '2027-05-10',
        endTime: '18:00',
        locationId: 'loc-1',
        reason: '',
      },
    ]);
  });

  it("adds the profile's other practices after the saved ones, in the browser's time zone", () => {
    const values = toFormValues(availability, practices, 'Europe/Berlin');
    expect(values.locations.map((l) => [l.locationId, l.timeZone])).toEqual([
      ['loc-1', 'Asia/Kolkata'],
      ['loc-2', 'Europe/Berlin'],
    ]);
    expect(values.locations[0]!.weekly[0]).toEqual({
      days: ['MONDAY', 'WEDNESDAY'],
      start: '09:00',
      end: '13:00',
      service: 'consult',
    });
  });

  it('sends back what it read, keeping the allotments and service types it does not show', () => {
    const values = toFormValues(availability, [practices[0]!]);
    const sent = toAvailability(values, availability);
    expect(sent.allotments).toEqual([{ insurerId: 'acme', percent: 20 }]);
    expect(sent.services).toEqual([{ ...availability.services![0], meetingLink: undefined }]);
    expect(sent.leave).toEqual([
      {
        start: '2027-04-01T00:00',
        end: '2027-04-03T00:00',
        reason: 'Conference',
        locationId: undefined,
      },
      {
        start: '2027-05-10T14:00',
        end: '2027-05-10T18:00',
        locationId: 'loc-1',
        reason: undefined,
      },
    ]);
    expect(sent.horizonWeeks).toBe(6);
  });

  it('makes a new service its code from its name, and a link only for video calls', () => {
    const values = toFormValues(availability, []);
    values.services.push(
      { ...values.services[0]!, id: '', name: 'Consultation', saved: false, type: undefined },
      {
        id: '',
        name: 'Video follow-up',
        mode: 'TELEMEDICINE',
        slotMinutes: '20',
        bufferMinutes: '',
        meetingLink: ' https://meet.example/anna ',
        saved: false,
      },
    );
    values.services[0]!.meetingLink = 'https://left.over';
    const sent = toAvailability(values, availability);
    expect(sent.services?.map((s) => s.id)).toEqual(['consult', 'consultation', 'video-follow-up']);
    expect(sent.services?.[0]?.meetingLink).toBeUndefined();
    expect(sent.services?.[2]).toMatchObject({
      bufferMinutes: 0,
      meetingLink: 'https://meet.example/anna',
      slotMinutes: 20,
    });
  });

  it('makes codes the hub accepts, unique among the services', () => {
    expect(serviceIdFrom('Générale / Consultation!')).toBe('generale-consultation');
    expect(serviceIdFrom('Consult', ['consult', 'consult-2'])).toBe('consult-3');
    expect(serviceIdFrom('—')).toBe('service');
  });
});

describe('availability checks', () => {
  const values = () => toFormValues(availability, [practices[0]!]);

  it('accepts what the hub saved', () => {
    expect(availabilitySchema.safeParse(values()).success).toBe(true);
  });

  it('finds hours that overlap on a shared day, and hours of unknown services', () => {
    const form = values();
    form.locations[0]!.weekly.push(
      { days: ['FRIDAY', 'MONDAY'], start: '12:00', end: '14:00', service: 'consult' },
      { days: ['TUESDAY'], start: '12:00', end: '14:00', service: 'gone' },
    );
    form.locations[0]!.extra.push({
      date: '2027-03-03',
      start: '08:00',
      end: '10:00',
      service: 'consult',
    });
    expect(crossIssues(form)).toEqual([
      {
        path: ['locations', 0, 'weekly', 1, 'start'],
        message: 'Overlaps hours 1 on a day they share: you see one patient at a time.',
      },
      { path: ['locations', 0, 'weekly', 2, 'service'], message: 'Choose one of your services.' },
      {
        path: ['locations', 0, 'extra', 0, 'start'],
        message: 'Overlaps your weekly hours 1 on that day.',
      },
    ]);
  });

  it('checks each row, and the rows together, in one pass', () => {
    const form = values();
    form.locations[0]!.weekly[0]!.end = '08:00';
    form.locations[0]!.weekly[0]!.days = [];
    form.services.push({ ...form.services[0]!, slotMinutes: '2' });
    form.leave[0]!.endDate = '2027-03-01';
    const result = availabilitySchema.safeParse(form);
    expect(result.success).toBe(false);
    const paths = result.error?.issues.map((i) => i.path.join('.')).sort();
    expect(paths).toEqual([
      'leave.0.endDate',
      'locations.0.weekly.0.days',
      'locations.0.weekly.0.end',
      'services.1.id',
      'services.1.slotMinutes',
    ]);
  });

  it('takes 00:00 as the end of the day', () => {
    const form = values();
    form.locations[0]!.weekly[0]!.end = '00:00';
    expect(availabilitySchema.safeParse(form).success).toBe(true);
  });
});
