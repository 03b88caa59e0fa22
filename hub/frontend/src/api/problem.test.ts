import { describe, expect, it } from 'vitest';
import { ApiError, hasProblem, parseRetryAfter, toFormPath, toProblem } from './problem';

describe('problem details', () => {
  it('reads a problem, keeping only well-formed field errors', () => {
    expect(
      toProblem(400, {
        type: 'about:blank',
        title: 'Bad Request',
        status: 400,
        detail: 'Check the fields.',
        errors: [{ field: 'password', message: 'Too short.' }, { field: 3 }, 'x'],
      }),
    ).toEqual({
      type: 'about:blank',
      title: 'Bad Request',
      status: 400,
      detail: 'Check the fields.',
      errors: [{ field: 'password', message: 'Too short.' }],
    });
  });

  it('copes with a body that is not a problem', () => {
    expect(toProblem(502, '<html>Bad gateway</html>')).toEqual({ status: 502 });
    expect(toProblem(500, null)).toEqual({ status: 500 });
  });

  it('maps JSON paths to form paths', () => {
    expect(toFormPath('password')).toBe('password');
    expect(toFormPath('locations[0].name')).toBe('locations.0.name');
    expect(toFormPath('[2].code')).toBe('2.code');
  });

  it('reads Retry-After as seconds or as a date', () => {
    expect(parseRetryAfter('120')).toBe(120);
    expect(parseRetryAfter(null)).toBeNull();
    expect(parseRetryAfter('soon')).toBeNull();
    const now = Date.parse('2030-01-01T00:00:00Z');
    expect(parseRetryAfter('Tue, 01 Jan 2030 00:00:30 GMT', now)).toBe(30);
    expect(parseRetryAfter('Mon, 31 Dec 2029 23:00:00 GMT', now)).toBe(0);
  });

  it('tells problems apart by status and title', () => {
    const locked = new ApiError(401, { status: 401, title: 'Account locked', detail: 'Locked.' });
    expect(hasProblem(locked, 401)).toBe(true);
    expect(hasProblem(locked, 401, 'Account locked')).toBe(true);
    expect(hasProblem(locked, 401, 'Email not verified')).toBe(false);
    expect(hasProblem(new TypeError('offline'), 401)).toBe(false);
    expect(locked.message).toBe('Locked.');
  });
});
