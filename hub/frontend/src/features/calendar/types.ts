import type { RequestBody, ResponseBody } from '../../api/client';

/** The doctor's availability document (`GET /api/doctors/{doctorId}/availability`). */
export type Availability = ResponseBody<'/api/doctors/{doctorId}/availability', 'get', 200>;
export type AvailabilityInput = RequestBody<'/api/doctors/{doctorId}/availability', 'put'>;
export type Service = NonNullable<Availability['services']>[number];
export type AvailabilityLocation = NonNullable<Availability['locations']>[number];
export type WeeklyHours = NonNullable<AvailabilityLocation['weekly']>[number];
export type ExtraHours = NonNullable<AvailabilityLocation['extra']>[number];
export type Leave = NonNullable<Availability['leave']>[number];
export type Day = NonNullable<WeeklyHours['days']>[number];
export type ServiceMode = NonNullable<Service['mode']>;

export type AvailabilityPreview = ResponseBody<
  '/api/doctors/{doctorId}/availability/preview',
  'post',
  200
>;
export type AffectedAppointment = AvailabilityPreview['affected'][number];

/** A practice location of the doctor's profile. */
export type PracticeLocation = ResponseBody<
  '/api/doctors/{doctorId}/locations',
  'get',
  200
>[number];

export type Slot = ResponseBody<'/api/doctors/{doctorId}/slots', 'get', 200>[number];
export type Appointment = ResponseBody<'/api/doctors/{doctorId}/appointments', 'get', 200>[number];
export type AppointmentStatus = NonNullable<Appointment['status']>;

export type CalendarFeed = ResponseBody<'/api/doctors/{doctorId}/calendar-feed', 'get', 200>;
export type ExternalCalendar = ResponseBody<
  '/api/doctors/{doctorId}/external-calendars',
  'get',
  200
>[number];
export type ExternalCalendarInput = RequestBody<
  '/api/doctors/{doctorId}/external-calendars',
  'post'
>;

/** Monday first, as the hub's weekly hours name them. */
export const DAYS: readonly Day[] = [
  'MONDAY',
  'TUESDAY',
  'WEDNESDAY',
  'THURSDAY',
  'FRIDAY',
  'SATURDAY',
  'SUNDAY',
];

export const SERVICE_MODES: readonly ServiceMode[] = ['IN_PERSON', 'TELEMEDICINE'];
