import type { Consent, DoctorInsurer, InsurerSync } from './api';

/** Insurers as `GET /api/doctors/{doctorId}/insurers` answers them, for tests. */
export function insurer(
  insurerId: string,
  name: string,
  more: Partial<DoctorInsurer> = {},
): DoctorInsurer {
  return {
    insurerId,
    name,
    networks: [{ id: `${insurerId}-net`, name: `${name} Network` }],
    joinable: true,
    deliveryPaused: false,
    ...more,
  };
}

export function consent(
  insurerId: string,
  status: NonNullable<Consent['status']>,
  more: Partial<Consent> = {},
): Consent {
  return {
    doctorId: 'd-1',
    insurerId,
    status,
    requestedAt: '2026-03-02T10:15:00Z',
    ...more,
  };
}

export function sync(more: Partial<InsurerSync> = {}): InsurerSync {
  return { wantedVersion: 4, state: 'DELIVERED', attempts: 0, ...more };
}

export function minutesAgo(minutes: number): string {
  return new Date(Date.now() - minutes * 60_000).toISOString();
}
