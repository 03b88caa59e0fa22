import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, toApiError, unwrap } from '../../api/client';
import { hasProblem } from '../../api/problem';
import type { AppointmentAction } from './appointments';
import type {
  Appointment,
  Availability,
  AvailabilityInput,
  ExternalCalendar,
  ExternalCalendarInput,
} from './types';

/** An availability with the ETag it was read at, which a change must send back in If-Match. */
export interface VersionedAvailability {
  availability: Availability;
  etag: string;
}

export const availabilityKey = (doctorId: string) => ['availability', doctorId] as const;
export const locationsKey = (doctorId: string) => ['practice-locations', doctorId] as const;
export const slotsKey = (doctorId: string) => ['slots', doctorId] as const;
export const appointmentsKey = (doctorId: string) => ['appointments', doctorId] as const;
export const feedKey = (doctorId: string) => ['calendar-feed', doctorId] as const;
export const externalKey = (doctorId: string) => ['external-calendars', doctorId] as const;

function versioned(availability: Availability, response: Response): VersionedAvailability {
  // Version "0" is the one before the doctor set any availability.
  return { availability, etag: response.headers.get('ETag') ?? '"0"' };
}

export async function fetchAvailability(doctorId: string): Promise<VersionedAvailability> {
  const { data, error, response } = await api.GET('/api/doctors/{doctorId}/availability', {
    params: { path: { doctorId } },
  });
  if (!response.ok || !data) throw toApiError(response, error);
  return versioned(data, response);
}

export function useAvailability(doctorId: string) {
  return useQuery({
    queryKey: availabilityKey(doctorId),
    queryFn: () => fetchAvailability(doctorId),
  });
}

/** Replaces the availability if it is still at `etag`; a 412 says it changed meanwhile. */
export function useSaveAvailability(doctorId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async ({
      availability,
      etag,
    }: {
      availability: AvailabilityInput;
      etag: string;
    }) => {
      const { data, error, response } = await api.PUT('/api/doctors/{doctorId}/availability', {
        params: { path: { doctorId }, header: { 'If-Match': etag } },
        body: availability,
      });
      if (!response.ok || !data) throw toApiError(response, error);
      return versioned(data, response);
    },
    onSuccess: (saved) => {
      queryClient.setQueryData(availabilityKey(doctorId), saved);
      void queryClient.invalidateQueries({ queryKey: slotsKey(doctorId) });
      void queryClient.invalidateQueries({ queryKey: appointmentsKey(doctorId) });
    },
  });
}

/** The booked appointments a proposed availability would no longer cover; nothing is saved. */
export function usePreviewAvailability(doctorId: string) {
  return useMutation({
    mutationFn: (availability: AvailabilityInput) =>
      unwrap(
        api.POST('/api/doctors/{doctorId}/availability/preview', {
          params: { path: { doctorId } },
          body: availability,
        }),
      ),
  });
}

/** The practice locations of the doctor's profile. */
export function usePracticeLocations(doctorId: string) {
  return useQuery({
    queryKey: locationsKey(doctorId),
    queryFn: () =>
      unwrap(api.GET('/api/doctors/{doctorId}/locations', { params: { path: { doctorId } } })),
  });
}

export function useSlots(doctorId: string, from: string, to: string, enabled = true) {
  return useQuery({
    queryKey: [...slotsKey(doctorId), from, to],
    queryFn: () =>
      unwrap(
        api.GET('/api/doctors/{doctorId}/slots', {
          params: { path: { doctorId }, query: { from, to } },
        }),
      ),
    enabled,
  });
}

export function useAppointments(doctorId: string, from: string, to: string) {
  return useQuery({
    queryKey: [...appointmentsKey(doctorId), from, to],
    queryFn: () =>
      unwrap(
        api.GET('/api/doctors/{doctorId}/appointments', {
          params: { path: { doctorId }, query: { from, to } },
        }),
      ),
  });
}

function act(doctorId: string, appointmentId: string, action: AppointmentAction, reason = '') {
  const params = { path: { doctorId, appointmentId } };
  switch (action) {
    case 'confirm':
      return api.POST('/api/doctors/{doctorId}/appointments/{appointmentId}/confirm', { params });
    case 'arrived':
      return api.POST('/api/doctors/{doctorId}/appointments/{appointmentId}/arrived', { params });
    case 'fulfilled':
      return api.POST('/api/doctors/{doctorId}/appointments/{appointmentId}/fulfilled', { params });
    case 'noShow':
      return api.POST('/api/doctors/{doctorId}/appointments/{appointmentId}/no-show', { params });
    case 'cancel':
      return api.POST('/api/doctors/{doctorId}/appointments/{appointmentId}/cancel', {
        params,
        body: { reason },
      });
  }
}

/** Changes an appointment's status; the calendar shows the appointment as the hub answers it. */
export function useAppointmentAction(doctorId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({
      appointment,
      action,
      reason,
    }: {
      appointment: Appointment;
      action: AppointmentAction;
      reason?: string;
    }) => unwrap(act(doctorId, appointment.id ?? '', action, reason)),
    onSuccess: (updated) => {
      queryClient.setQueriesData<Appointment[]>({ queryKey: appointmentsKey(doctorId) }, (list) =>
        list?.map((a) => (a.id === updated.id ? updated : a)),
      );
      void queryClient.invalidateQueries({ queryKey: appointmentsKey(doctorId) });
      void queryClient.invalidateQueries({ queryKey: slotsKey(doctorId) });
    },
  });
}

/** The calendar feed's state: null while the doctor has none (the hub answers 404). */
export function useCalendarFeed(doctorId: string) {
  return useQuery({
    queryKey: feedKey(doctorId),
    queryFn: async () => {
      const { data, error, response } = await api.GET('/api/doctors/{doctorId}/calendar-feed', {
        params: { path: { doctorId } },
      });
      if (response.status === 404) return null;
      if (!response.ok || !data) throw toApiError(response, error);
      return data;
    },
  });
}

/** Makes the feed's URL, or a new one (the old one stops working); the answer has the URL. */
export function useRotateFeed(doctorId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () =>
      unwrap(api.POST('/api/doctors/{doctorId}/calendar-feed', { params: { path: { doctorId } } })),
    onSuccess: (feed) => queryClient.setQueryData(feedKey(doctorId), { createdAt: feed.createdAt }),
  });
}

export function useRevokeFeed(doctorId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async () => {
      try {
        await unwrap(
          api.DELETE('/api/doctors/{doctorId}/calendar-feed', { params: { path: { doctorId } } }),
        );
      } catch (error) {
        // Already off (another tab): what the doctor wanted.
        if (!hasProblem(error, 404)) throw error;
      }
    },
    onSuccess: () => queryClient.setQueryData(feedKey(doctorId), null),
  });
}

export function useExternalCalendars(doctorId: string) {
  return useQuery({
    queryKey: externalKey(doctorId),
    queryFn: () =>
      unwrap(
        api.GET('/api/doctors/{doctorId}/external-calendars', { params: { path: { doctorId } } }),
      ),
  });
}

function replaceCalendar(list: ExternalCalendar[] | undefined, calendar: ExternalCalendar) {
  if (!list) return [calendar];
  return list.some((c) => c.id === calendar.id)
    ? list.map((c) => (c.id === calendar.id ? calendar : c))
    : [...list, calendar];
}

export function useAddExternalCalendar(doctorId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: ExternalCalendarInput) =>
      unwrap(
        api.POST('/api/doctors/{doctorId}/external-calendars', {
          params: { path: { doctorId } },
          body,
        }),
      ),
    onSuccess: (calendar) => {
      queryClient.setQueryData<ExternalCalendar[]>(externalKey(doctorId), (list) =>
        replaceCalendar(list, calendar),
      );
      void queryClient.invalidateQueries({ queryKey: slotsKey(doctorId) });
    },
  });
}

export function usePollExternalCalendar(doctorId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (calendarId: string) =>
      unwrap(
        api.POST('/api/doctors/{doctorId}/external-calendars/{calendarId}/poll', {
          params: { path: { doctorId, calendarId } },
        }),
      ),
    onSuccess: (calendar) => {
      queryClient.setQueryData<ExternalCalendar[]>(externalKey(doctorId), (list) =>
        replaceCalendar(list, calendar),
      );
      void queryClient.invalidateQueries({ queryKey: slotsKey(doctorId) });
    },
  });
}

export function useRemoveExternalCalendar(doctorId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async (calendarId: string) => {
      await unwrap(
        api.DELETE('/api/doctors/{doctorId}/external-calendars/{calendarId}', {
          params: { path: { doctorId, calendarId } },
        }),
      );
      return calendarId;
    },
    onSuccess: (calendarId) => {
      queryClient.setQueryData<ExternalCalendar[]>(externalKey(doctorId), (list) =>
        list?.filter((c) => c.id !== calendarId),
      );
      void queryClient.invalidateQueries({ queryKey: slotsKey(doctorId) });
    },
  });
}
