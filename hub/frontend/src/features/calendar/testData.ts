import type { Appointment, Availability, ExternalCalendar, PracticeLocation, Slot } from './types';

/** Data for the calendar's tests, shaped as the hub's OpenAPI says. */
export const practices: PracticeLocation[] = [
  {
    id: 'loc-1',
    name: 'Berger Clinic',
    address: { lines: ['12 MG Road'], city: 'Bengaluru', postalCode: '560001', country: 'IN' },
  },
  {
    id: 'loc-2',
    name: 'Rao Clinic',
    address: { lines: ['4 Anna Salai'], city: 'Chennai', country: 'IN' },
  },
];

export const availability: Availability = {
  horizonWeeks: 8,
  services: [
    {
      id: 'consult',
      name: 'Consultation',
      slotMinutes: 15,
      bufferMinutes: 5,
      mode: 'IN_PERSON',
      type: { system: 'http://snomed.info/sct', code: '11429006', display: 'Consultation' },
    },
  ],
  locations: [
    {
      locationId: 'loc-1',
      timeZone: 'Asia/Kolkata',
      weekly: [
        { days: ['MONDAY', 'WEDNESDAY'], start: '09:00', end: '13:00', service: 'consult' },
        { days: ['MONDAY'], start: '15:00', end: '17:00', service: 'consult' },
      ],
      extra: [],
    },
  ],
  leave: [],
  allotments: [{ insurerId: 'acme-health', service: 'consult', percent: 20 }],
};

/** 2027-03-01 is a Monday; the tests' clock stands at 10:00 UTC (15:30 in Bengaluru) that day. */
export const NOW = new Date('2027-03-01T10:00:00Z');

export const booked: Appointment = {
  id: 'appt-1',
  insurerId: 'acme-health',
  status: 'BOOKED',
  start: '2027-03-01T09:30:00Z',
  end: '2027-03-01T09:45:00Z',
  locationId: 'loc-1',
  serviceId: 'consult',
  serviceName: 'Consultation',
  telemedicine: false,
  patient: { reference: 'Patient/p-1', display: 'Priya Sharma' },
  version: 2,
};

export const held: Appointment = {
  id: 'appt-2',
  insurerId: 'star-care',
  status: 'HELD',
  start: '2027-03-01T11:30:00Z',
  end: '2027-03-01T11:45:00Z',
  holdUntil: '2027-03-01T10:15:00Z',
  locationId: 'loc-1',
  serviceId: 'consult',
  serviceName: 'Consultation',
  telemedicine: false,
  patient: {
    resource: { resourceType: 'Patient', name: [{ given: ['Meera'], family: 'Iyer' }] },
  },
  version: 1,
};

export const needsRescheduling: Appointment = {
  id: 'appt-3',
  insurerId: 'acme-health',
  status: 'BOOKED',
  start: '2027-03-03T04:00:00Z',
  end: '2027-03-03T04:15:00Z',
  locationId: 'loc-1',
  serviceId: 'consult',
  serviceName: 'Consultation',
  telemedicine: false,
  patient: { identifier: { system: 'https://acme.example/members', value: 'M-77' } },
  rescheduleReason: 'leave: Conference',
  version: 3,
};

export const slots: Slot[] = [
  {
    id: 's-1',
    locationId: 'loc-1',
    serviceId: 'consult',
    start: '2027-03-01T03:30:00Z',
    end: '2027-03-01T03:45:00Z',
    status: 'FREE',
  },
  {
    id: 's-2',
    locationId: 'loc-1',
    serviceId: 'consult',
    start: '2027-03-01T03:50:00Z',
    end: '2027-03-01T04:05:00Z',
    status: 'FREE',
  },
  {
    id: 's-3',
    locationId: 'loc-1',
    serviceId: 'consult',
    start: '2027-03-03T03:30:00Z',
    end: '2027-03-03T03:45:00Z',
    status: 'BUSY_UNAVAILABLE',
    comment: 'leave: Conference',
  },
  {
    id: 's-4',
    locationId: 'loc-1',
    serviceId: 'consult',
    start: '2027-03-03T03:45:00Z',
    end: '2027-03-03T04:05:00Z',
    status: 'BUSY_UNAVAILABLE',
    comment: 'leave: Conference',
  },
];

export const externalCalendars: ExternalCalendar[] = [
  {
    id: '7b0e2a4c-1c53-4c1e-9c2e-3f4d5e6a7b8c',
    name: 'Hospital rota',
    host: 'calendar.google.com',
    polledAt: '2027-03-01T09:00:00Z',
    changedAt: '2027-02-28T18:00:00Z',
    busyPeriods: 4,
  },
  {
    id: '9c1d3b5e-2d64-4d2f-8d3f-4a5b6c7d8e9f',
    host: 'outlook.office365.com',
    polledAt: '2027-03-01T08:00:00Z',
    busyPeriods: 0,
    lastError: 'HTTP 404 from outlook.office365.com',
  },
];
