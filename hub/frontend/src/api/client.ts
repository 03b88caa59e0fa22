import createClient from 'openapi-fetch';
import type { paths } from './schema';
import { csrfFetch } from './csrf';
import { ApiError, parseRetryAfter, toProblem } from './problem';

/**
 * The typed client for the hub's API, generated from `openapi.json`. Every call sends the session
 * cookie (same origin), the CSRF header and the header that marks the web app's calls. Screens do not call it directly: each feature's
 * `api.ts` wraps the calls it needs in TanStack Query hooks.
 */
export const api = createClient<paths>({
  // Absolute, because Request needs an absolute URL outside a browser (tests).
  baseUrl: typeof window === 'undefined' ? '' : window.location.origin,
  credentials: 'same-origin',
  // X-Requested-With tells the hub this is the web app: a 401 then comes without a Basic
  // challenge, which would make the browser pop up its own password dialog.
  headers: {
    Accept: 'application/json, application/problem+json',
    'X-Requested-With': 'XMLHttpRequest',
  },
  fetch: csrfFetch,
});

type Result = { data?: unknown; error?: unknown; response: Response };

/** The data of a successful call; an {@link ApiError} for any other answer. */
export async function unwrap<R extends Result>(
  call: Promise<R>,
): Promise<Exclude<R['data'], undefined>> {
  const { data, error, response } = await call;
  if (!response.ok) throw toApiError(response, error);
  return data as Exclude<R['data'], undefined>;
}

export function toApiError(response: Response, body: unknown): ApiError {
  return new ApiError(
    response.status,
    toProblem(response.status, body),
    parseRetryAfter(response.headers.get('Retry-After')),
  );
}

type Content<R> = R extends { content: infer C } ? C[keyof C] : never;
type Operation<P extends keyof paths, M extends keyof paths[P]> = paths[P][M];

/** The JSON body an operation answers with for a status, e.g. `ResponseBody<'/api/session', 'get', 200>`. */
export type ResponseBody<P extends keyof paths, M extends keyof paths[P], S extends number> =
  Operation<P, M> extends { responses: infer Rs }
    ? S extends keyof Rs
      ? Content<Rs[S]>
      : never
    : never;

/** The JSON body an operation takes, e.g. `RequestBody<'/api/session', 'post'>`. */
export type RequestBody<P extends keyof paths, M extends keyof paths[P]> =
  Operation<P, M> extends { requestBody?: infer B } ? Content<NonNullable<B>> : never;
