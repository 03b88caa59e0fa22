import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, unwrap, type RequestBody, type ResponseBody } from '../../../api/client';
import { onboardingKey } from '../../onboarding/api';

export type QueueEntry = ResponseBody<'/api/operator/onboarding/review-queue', 'get', 200>[number];
export type ReviewDecision = RequestBody<'/api/operator/onboarding/{doctorId}/review', 'post'>;

export const reviewQueueKey = ['operator', 'review-queue'] as const;

/** How often the queue is asked again while open, for doctors who arrive meanwhile. */
export const QUEUE_POLL_MS = 30_000;

/** Doctors waiting for an operator's review, oldest first. */
export function useReviewQueue(options: { poll?: boolean } = {}) {
  return useQuery({
    queryKey: reviewQueueKey,
    queryFn: () => unwrap(api.GET('/api/operator/onboarding/review-queue')),
    refetchInterval: options.poll ? QUEUE_POLL_MS : false,
  });
}

/** Approves a doctor, or sends the onboarding back with reasons; either way they leave the queue. */
export function useReviewDoctor(doctorId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (decision: Required<ReviewDecision>) =>
      unwrap(
        api.POST('/api/operator/onboarding/{doctorId}/review', {
          params: { path: { doctorId } },
          body: decision,
        }),
      ),
    onSuccess: () => {
      queryClient.setQueryData<QueueEntry[]>(reviewQueueKey, (queue) =>
        queue?.filter((entry) => entry.doctorId !== doctorId),
      );
      void queryClient.invalidateQueries({ queryKey: reviewQueueKey });
      void queryClient.invalidateQueries({ queryKey: onboardingKey(doctorId) });
    },
  });
}

/** The address of a doctor's document, which the hub answers inline with its own content type. */
export function documentUrl(doctorId: string, kind: 'LICENCE' | 'DEGREE'): string {
  return `/api/doctors/${encodeURIComponent(doctorId)}/documents/${kind.toLowerCase()}`;
}
