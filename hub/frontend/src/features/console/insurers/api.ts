import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, unwrap, type ResponseBody } from '../../../api/client';

export type Application = ResponseBody<'/api/operator/insurer-applications', 'get', 200>[number];
export type ApplicationStatus = NonNullable<Application['status']>;

export const applicationsKey = ['operator', 'insurer-applications'] as const;

/** Statuses that move by themselves; the list is asked again while one is shown. */
const MOVING: readonly ApplicationStatus[] = ['ISSUING_CREDENTIALS', 'TESTING_CONNECTION'];
export const APPLICATIONS_POLL_MS = 5_000;

/** Insurer registrations still onboarding (not yet live, not rejected). */
export function useApplications(options: { poll?: boolean } = {}) {
  return useQuery({
    queryKey: applicationsKey,
    queryFn: () => unwrap(api.GET('/api/operator/insurer-applications')),
    refetchInterval: (query) =>
      options.poll && query.state.data?.some((a) => a.status && MOVING.includes(a.status))
        ? APPLICATIONS_POLL_MS
        : false,
  });
}

function useApplicationChange<V>(
  insurerId: string,
  call: (
    variables: V,
  ) => Promise<ResponseBody<'/api/operator/insurers/{insurerId}/approval', 'post', 200>>,
) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: call,
    onSuccess: (progress) => {
      // The workflow's step at once; the list then follows it.
      queryClient.setQueryData<Application[]>(applicationsKey, (list) =>
        list?.map((a) =>
          a.id === insurerId ? { ...a, status: progress.step, statusReason: progress.reason } : a,
        ),
      );
      void queryClient.invalidateQueries({ queryKey: applicationsKey });
    },
  });
}

/** Approves an insurer's registration, or rejects it with a reason. */
export function useDecideApplication(insurerId: string) {
  return useApplicationChange(insurerId, (decision: { approved: boolean; reason?: string }) =>
    unwrap(
      api.POST('/api/operator/insurers/{insurerId}/approval', {
        params: { path: { insurerId } },
        body: decision,
      }),
    ),
  );
}

/** Tests an insurer's endpoint again after a failed test. */
export function useRetestConnection(insurerId: string) {
  return useApplicationChange(insurerId, () =>
    unwrap(
      api.POST('/api/operator/insurers/{insurerId}/connection-test', {
        params: { path: { insurerId } },
      }),
    ),
  );
}
