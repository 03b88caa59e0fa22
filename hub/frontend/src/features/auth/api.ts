import { useMutation, useQuery, useQueryClient, type QueryClient } from '@tanstack/react-query';
import { api, toApiError, unwrap, type RequestBody, type ResponseBody } from '../../api/client';

export type Session = ResponseBody<'/api/session', 'get', 200>;
export type Role = Session['role'];
export type SignInRequest = RequestBody<'/api/session', 'post'>;

export const sessionKey = ['session'] as const;

/** The current session, or null when nobody is signed in. Also gives the browser its CSRF cookie. */
export async function fetchSession(): Promise<Session | null> {
  const { data, error, response } = await api.GET('/api/session');
  if (response.status === 401) return null;
  if (!response.ok || !data) throw toApiError(response, error);
  return data;
}

export function useSessionQuery() {
  return useQuery({ queryKey: sessionKey, queryFn: fetchSession, staleTime: 5 * 60_000 });
}

/** The session once the app shell has loaded it (the shell renders nothing before). */
export function useSession(): Session | null {
  return useSessionQuery().data ?? null;
}

/** Forgets everything cached for the previous account and keeps the new session. */
export function replaceSession(queryClient: QueryClient, session: Session | null): void {
  queryClient.removeQueries({ predicate: (query) => query.queryKey[0] !== sessionKey[0] });
  queryClient.setQueryData(sessionKey, session);
}

/** Asks the hub for the session again (e.g. after a change of second factor). */
export function refreshSession(queryClient: QueryClient): Promise<Session | null> {
  return queryClient.fetchQuery({ queryKey: sessionKey, queryFn: fetchSession, staleTime: 0 });
}

export function useSignIn() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: SignInRequest) => unwrap(api.POST('/api/session', { body })),
    meta: { signingIn: true },
    onSuccess: (session) => replaceSession(queryClient, session),
  });
}

export function useVerifySecondFactor() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (code: string) =>
      unwrap(api.POST('/api/session/second-factor', { body: { code } })),
    meta: { signingIn: true },
    onSuccess: (session) => replaceSession(queryClient, session),
  });
}

export function useSignOut() {
  return useMutation({
    mutationFn: () => unwrap(api.DELETE('/api/session')),
    meta: { signingIn: true },
  });
}

export function useSignOutEverywhere() {
  return useMutation({ mutationFn: () => unwrap(api.DELETE('/api/sessions')) });
}
