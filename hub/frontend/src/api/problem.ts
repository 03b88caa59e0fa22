/** An RFC 9457 problem as the hub sends it, with field errors named by JSON path. */
export interface FieldProblem {
  field: string;
  message: string;
}

export interface Problem {
  type?: string;
  title?: string;
  status: number;
  detail?: string;
  errors?: FieldProblem[];
}

/** The title Spring Security's CSRF check answers with; the client refreshes the token once. */
export const CSRF_PROBLEM_TITLE = 'CSRF token missing or invalid';

/** A non-2xx answer from the hub. */
export class ApiError extends Error {
  readonly status: number;
  readonly problem: Problem;
  /** Seconds to wait, from a 429's `Retry-After` header. */
  readonly retryAfterSeconds: number | null;

  constructor(status: number, problem: Problem, retryAfterSeconds: number | null = null) {
    super(problem.detail ?? problem.title ?? `HTTP ${status}`);
    this.name = 'ApiError';
    this.status = status;
    this.problem = problem;
    this.retryAfterSeconds = retryAfterSeconds;
  }
}

export function isApiError(error: unknown): error is ApiError {
  return error instanceof ApiError;
}

/** Whether an error is an ApiError with this status and, when given, this problem title. */
export function hasProblem(error: unknown, status: number, title?: string): error is ApiError {
  return isApiError(error) && error.status === status && (!title || error.problem.title === title);
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null;
}

/** Reads a problem body defensively: the server may send something else, e.g. from a proxy. */
export function toProblem(status: number, body: unknown): Problem {
  if (!isRecord(body)) return { status };
  const text = (value: unknown) => (typeof value === 'string' && value ? value : undefined);
  const errors = Array.isArray(body.errors)
    ? body.errors
        .filter(isRecord)
        .flatMap((e) =>
          typeof e.field === 'string' && typeof e.message === 'string'
            ? [{ field: e.field, message: e.message }]
            : [],
        )
    : undefined;
  return {
    type: text(body.type),
    title: text(body.title),
    status: typeof body.status === 'number' ? body.status : status,
    detail: text(body.detail),
    errors: errors?.length ? errors : undefined,
  };
}

/** `Retry-After` is either delta-seconds or an HTTP date. */
export function parseRetryAfter(value: string | null, now: number = Date.now()): number | null {
  if (!value) return null;
  const trimmed = value.trim();
  if (/^\d+$/.test(trimmed)) return Number(trimmed);
  const date = Date.parse(trimmed);
  if (Number.isNaN(date)) return null;
  return Math.max(0, Math.ceil((date - now) / 1000));
}

/** Problem field paths (`locations[0].name`) as form field paths (`locations.0.name`). */
export function toFormPath(field: string): string {
  return field.replace(/\[(\d+)\]/g, '.$1').replace(/^\./, '');
}
