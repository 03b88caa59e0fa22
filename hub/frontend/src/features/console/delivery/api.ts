import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, unwrap, type ResponseBody } from '../../../api/client';

export type InsurerStatus = ResponseBody<'/api/operator/delivery', 'get', 200>[number];
export type Insurer = ResponseBody<'/api/operator/insurers', 'get', 200>[number];
export type DeadLetter = ResponseBody<
  '/api/operator/insurers/{insurerId}/dead-letters',
  'get',
  200
>[number];

export const deliveryKey = ['operator', 'delivery'] as const;
export const insurersKey = ['operator', 'insurers'] as const;
export const deadLettersKey = (insurerId: string, all: boolean) =>
  ['operator', 'dead-letters', insurerId, all] as const;

/** The delivery table refreshes this often while the page is open and visible. */
export const DELIVERY_POLL_MS = 10_000;

/** A delivery this many seconds behind needs an operator's attention. */
export const LAG_ATTENTION_SECONDS = 300;

/** Whether an insurer's delivery needs someone to look: dead letters, or falling behind. */
/** The insurer stopped answering: its changes wait while DocPort keeps trying it. */
export function notAnswering(status: InsurerStatus): boolean {
  return status.circuit === 'OPEN' || status.circuit === 'HALF_OPEN';
}

export function needsAttention(status: InsurerStatus): boolean {
  return (
    (status.deadLetters ?? 0) > 0 ||
    (status.oldestPendingSeconds ?? 0) >= LAG_ATTENTION_SECONDS ||
    notAnswering(status)
  );
}

/** Delivery status of every insurer; asked again every 10 s when `poll` (not while hidden). */
export function useDeliveryOverview(options: { poll?: boolean } = {}) {
  return useQuery({
    queryKey: deliveryKey,
    queryFn: () => unwrap(api.GET('/api/operator/delivery')),
    refetchInterval: options.poll ? DELIVERY_POLL_MS : false,
    staleTime: options.poll ? 0 : undefined,
  });
}

/** Every insurer, for their names. */
export function useInsurers() {
  return useQuery({
    queryKey: insurersKey,
    queryFn: () => unwrap(api.GET('/api/operator/insurers')),
  });
}

export function useDeadLetters(insurerId: string, all: boolean) {
  return useQuery({
    queryKey: deadLettersKey(insurerId, all),
    queryFn: () =>
      unwrap(
        api.GET('/api/operator/insurers/{insurerId}/dead-letters', {
          params: { path: { insurerId }, query: all ? { all: true } : {} },
        }),
      ),
    staleTime: 0,
  });
}

/** Delivers the doctor's current snapshot again; a 409 says it was already replayed. */
export function useReplay(insurerId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (id: number) =>
      unwrap(api.POST('/api/operator/dead-letters/{id}/replay', { params: { path: { id } } })),
    onSettled: () => {
      void queryClient.invalidateQueries({ queryKey: ['operator', 'dead-letters', insurerId] });
      void queryClient.invalidateQueries({ queryKey: deliveryKey });
    },
  });
}

/** Pauses (changes keep queueing) or resumes delivery to an insurer. */
export function usePauseResume(insurerId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (action: 'pause' | 'resume') =>
      unwrap(
        action === 'pause'
          ? api.POST('/api/operator/insurers/{id}/pause', { params: { path: { id: insurerId } } })
          : api.POST('/api/operator/insurers/{id}/resume', { params: { path: { id: insurerId } } }),
      ),
    onSuccess: (insurer, action) => {
      const paused = insurer.paused ?? action === 'pause';
      queryClient.setQueryData<InsurerStatus[]>(deliveryKey, (list) =>
        list?.map((s) => (s.insurerId === insurerId ? { ...s, paused } : s)),
      );
      void queryClient.invalidateQueries({ queryKey: deliveryKey });
      void queryClient.invalidateQueries({ queryKey: insurersKey });
    },
  });
}
