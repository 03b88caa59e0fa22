import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, toApiError, unwrap } from '../../api/client';
import type { Doctor, DoctorInput } from './model';

/** A profile with the ETag it was read at, which a change must send back in If-Match. */
export interface Versioned {
  doctor: Doctor;
  etag: string;
}

export const doctorKey = (id: string) => ['doctor', id] as const;
export const specialtiesKey = ['code-lists', 'specialties'] as const;

function versioned(doctor: Doctor, response: Response): Versioned {
  // Every answer carries the ETag; the version is the same thing, should a proxy drop the header.
  const etag = response.headers.get('ETag') ?? `"${doctor.version ?? ''}"`;
  return { doctor, etag };
}

export async function fetchDoctor(id: string): Promise<Versioned> {
  const { data, error, response } = await api.GET('/api/doctors/{id}', {
    params: { path: { id } },
  });
  if (!response.ok || !data) throw toApiError(response, error);
  return versioned(data, response);
}

export function useDoctor(id: string) {
  return useQuery({ queryKey: doctorKey(id), queryFn: () => fetchDoctor(id) });
}

/** Replaces the profile if it is still at `etag`; a 412 says someone changed it meanwhile. */
export function useSaveDoctor(id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async ({ doctor, etag }: { doctor: DoctorInput; etag: string }) => {
      const { data, error, response } = await api.PUT('/api/doctors/{id}', {
        params: { path: { id }, header: { 'If-Match': etag } },
        body: doctor,
      });
      if (!response.ok || !data) throw toApiError(response, error);
      return versioned(data, response);
    },
    onSuccess: (saved) => queryClient.setQueryData(doctorKey(id), saved),
  });
}

/** A doctor account creates its own profile, once. */
export function useCreateDoctor() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async (doctor: DoctorInput) => {
      const { data, error, response } = await api.POST('/api/doctors', { body: doctor });
      if (!response.ok || !data) throw toApiError(response, error);
      return versioned(data, response);
    },
    onSuccess: (created) => {
      if (created.doctor.id) queryClient.setQueryData(doctorKey(created.doctor.id), created);
    },
  });
}

/** The specialties Plan-Net accepts (about 670), read once and filtered in the browser. */
export function useSpecialties() {
  return useQuery({
    queryKey: specialtiesKey,
    queryFn: () => unwrap(api.GET('/api/code-lists/specialties')),
    staleTime: Infinity,
    gcTime: Infinity,
  });
}
