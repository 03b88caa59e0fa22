import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, unwrap, type ResponseBody } from '../../api/client';

export type DoctorInsurer = ResponseBody<'/api/doctors/{doctorId}/insurers', 'get', 200>[number];
export type Consent = NonNullable<DoctorInsurer['consent']>;
export type ConsentStatus = NonNullable<Consent['status']>;
export type InsurerSync = NonNullable<DoctorInsurer['sync']>;

export const insurersKey = (doctorId: string) => ['insurers', doctorId] as const;

/** How often the list is asked again while a saga or a delivery is under way. */
export const POLL_MS = 5_000;

/** Statuses a consent saga is still working on: the list changes by itself. */
const MOVING: readonly ConsentStatus[] = ['REQUESTED', 'ENROLLING', 'WITHDRAWING'];
/** The title of the hub's 409 when the doctor's onboarding is not finished. */
export const ONBOARDING_NOT_FINISHED = 'Onboarding not finished';

/** Statuses after which the doctor may join again. */
const ENDED: readonly ConsentStatus[] = ['REJECTED', 'FAILED', 'REVOKED'];

/** The doctor has a consent to this insurer that has not ended (joining, active or leaving). */
export function isCurrent(insurer: DoctorInsurer): boolean {
  const status = insurer.consent?.status;
  return status !== undefined && !ENDED.includes(status);
}

/** The doctor may ask to join: no consent yet, or an ended one, at an insurer still connected. */
export function canJoin(insurer: DoctorInsurer): boolean {
  return insurer.joinable && !isCurrent(insurer);
}

/** The doctor may leave: the insurer has not yet accepted, or has. */
export function canLeave(insurer: DoctorInsurer): boolean {
  const status = insurer.consent?.status;
  return status === 'REQUESTED' || status === 'ENROLLING' || status === 'ACTIVE';
}

/** Every {@link POLL_MS} while a consent moves or a delivery is pending; otherwise not at all. */
export function pollInterval(insurers: DoctorInsurer[] | undefined): number | false {
  const moving = (insurers ?? []).some(
    (i) =>
      (i.consent?.status !== undefined && MOVING.includes(i.consent.status)) ||
      i.sync?.state === 'PENDING',
  );
  return moving ? POLL_MS : false;
}

/** The insurers on DocPort with the doctor's consent and sync health at each. */
export function useDoctorInsurers(doctorId: string, { poll = true }: { poll?: boolean } = {}) {
  return useQuery({
    queryKey: insurersKey(doctorId),
    queryFn: () =>
      unwrap(api.GET('/api/doctors/{doctorId}/insurers', { params: { path: { doctorId } } })),
    refetchInterval: poll ? (query) => pollInterval(query.state.data) : false,
    staleTime: 0,
  });
}

/**
 * An insurer's name from its id, for screens that only hold ids (appointments, previews); the id
 * itself while the names load, or for an insurer the doctor can no longer see.
 */
export function useInsurerName(doctorId: string): (insurerId: string | undefined) => string {
  const insurers = useDoctorInsurers(doctorId, { poll: false });
  const names = new Map((insurers.data ?? []).map((i) => [i.insurerId, i.name]));
  return (insurerId) => (insurerId === undefined ? '' : (names.get(insurerId) ?? insurerId));
}

/** Called once the hub accepted a change, even if the screen that asked has gone meanwhile. */
type Done = (consent: Consent, insurerId: string) => void;

function useConsentChange(doctorId: string, method: 'POST' | 'DELETE', done?: Done) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (insurerId: string) => {
      const params = { params: { path: { doctorId, insurerId } } };
      return unwrap(
        method === 'POST'
          ? api.POST('/api/doctors/{doctorId}/consents/{insurerId}', params)
          : api.DELETE('/api/doctors/{doctorId}/consents/{insurerId}', params),
      );
    },
    onSuccess: (consent, insurerId) => {
      // The saga's first step at once; polling then follows it.
      queryClient.setQueryData<DoctorInsurer[]>(insurersKey(doctorId), (current) =>
        current?.map((i) => (i.insurerId === insurerId ? { ...i, consent } : i)),
      );
      void queryClient.invalidateQueries({ queryKey: insurersKey(doctorId) });
      done?.(consent, insurerId);
    },
    onError: () => {
      // A 409 says the consent moved meanwhile (another tab, the saga): show where it is now.
      void queryClient.invalidateQueries({ queryKey: insurersKey(doctorId) });
    },
  });
}

/** Asks to join an insurer: starts the opt-in saga (the consent becomes REQUESTED). */
export function useJoinInsurer(doctorId: string, done?: Done) {
  return useConsentChange(doctorId, 'POST', done);
}

/** Leaves an insurer: delivery stops at once and what was published there is withdrawn. */
export function useLeaveInsurer(doctorId: string, done?: Done) {
  return useConsentChange(doctorId, 'DELETE', done);
}
