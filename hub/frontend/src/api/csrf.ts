import { CSRF_PROBLEM_TITLE } from './problem';

const COOKIE = 'XSRF-TOKEN';
const HEADER = 'X-XSRF-TOKEN';
const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS', 'TRACE']);

/** The CSRF token the hub put in its readable `XSRF-TOKEN` cookie. */
export function readCsrfToken(): string | null {
  for (const part of document.cookie.split(';')) {
    const [name, ...rest] = part.trim().split('=');
    if (name === COOKIE) return decodeURIComponent(rest.join('='));
  }
  return null;
}

function withToken(request: Request): Request {
  const token = readCsrfToken();
  if (!token) return request;
  const headers = new Headers(request.headers);
  headers.set(HEADER, token);
  return new Request(request, { headers });
}

async function isCsrfFailure(response: Response): Promise<boolean> {
  if (response.status !== 403) return false;
  try {
    const body: unknown = await response.clone().json();
    return (
      typeof body === 'object' &&
      body !== null &&
      (body as { title?: unknown }).title === CSRF_PROBLEM_TITLE
    );
  } catch {
    return false;
  }
}

/**
 * `fetch` for the API client: sends the CSRF token on every unsafe request and, when the hub
 * answers that the token is missing or invalid (e.g. the session was renewed), fetches a fresh
 * token with `GET /api/session` and retries the request once.
 */
export async function csrfFetch(request: Request): Promise<Response> {
  if (SAFE_METHODS.has(request.method)) return fetch(request);
  const spare = request.clone();
  const response = await fetch(withToken(request));
  if (!(await isCsrfFailure(response))) return response;
  await fetch(
    new Request(new URL('/api/session', request.url), {
      credentials: 'same-origin',
      headers: { Accept: 'application/json' },
    }),
  );
  return fetch(withToken(spare));
}
