/**
 * Where to go after signing in: only paths inside this app, never another site
 * (`//evil.example`, `https://…`) nor the sign-in screens themselves.
 */
export function safeNext(next: string | null | undefined, fallback = '/'): string {
  if (!next || !next.startsWith('/') || next.startsWith('//') || next.startsWith('/\\')) {
    return fallback;
  }
  if (/^\/(sign-in|second-factor)(?:[/?#]|$)/.test(next)) return fallback;
  return next;
}

/** `/sign-in?next=…` for a page, without `next` for the home page. */
export function withNext(path: string, next: string): string {
  return next === '/' ? path : `${path}?next=${encodeURIComponent(next)}`;
}
