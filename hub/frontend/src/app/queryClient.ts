import { MutationCache, QueryCache, QueryClient } from '@tanstack/react-query';
import { hasProblem, isApiError } from '../api/problem';
import { sessionKey } from '../features/auth/api';

/** Retries a failed query twice, but never a client error (4xx): asking again will not help. */
function retry(failureCount: number, error: unknown): boolean {
  if (isApiError(error) && error.status < 500) return false;
  return failureCount < 2;
}

export function createQueryClient(options: { retry?: boolean } = {}): QueryClient {
  // A 401 from any call but the sign-in steps (where it means a wrong password or code) says the
  // session has ended: ask for it again, and the route guard sends the user to sign in.
  const sessionMayHaveEnded = (error: unknown, meta: Record<string, unknown> | undefined) => {
    if (hasProblem(error, 401) && !meta?.signingIn) {
      void queryClient.invalidateQueries({ queryKey: sessionKey });
    }
  };
  const queryClient: QueryClient = new QueryClient({
    queryCache: new QueryCache({
      onError: (error, query) => {
        if (query.queryKey[0] !== sessionKey[0]) sessionMayHaveEnded(error, query.meta);
      },
    }),
    mutationCache: new MutationCache({
      onError: (error, _variables, _context, mutation) => sessionMayHaveEnded(error, mutation.meta),
    }),
    defaultOptions: {
      queries: {
        retry: options.retry === false ? false : retry,
        staleTime: 30_000,
        refetchOnWindowFocus: false,
      },
      mutations: { retry: false },
    },
  });
  return queryClient;
}
