import { describe, expect, it } from 'vitest';
import { safeNext, withNext } from './safeNext';

describe('safeNext', () => {
  it('keeps paths inside the app', () => {
    expect(safeNext('/security?tab=1#x')).toBe('/security?tab=1#x');
  });

  it.each([null, '', 'https://evil.example/', '//evil.example', '/\\evil.example', 'security'])(
    'refuses %j',
    (next) => {
      expect(safeNext(next)).toBe('/');
    },
  );

  it('does not loop back into the sign-in screens', () => {
    expect(safeNext('/sign-in?next=%2F')).toBe('/');
    expect(safeNext('/second-factor')).toBe('/');
    expect(safeNext('/sign-in-help')).toBe('/sign-in-help');
  });

  it('adds next only for pages other than home', () => {
    expect(withNext('/sign-in', '/')).toBe('/sign-in');
    expect(withNext('/sign-in', '/security?a=b')).toBe('/sign-in?next=%2Fsecurity%3Fa%3Db');
  });
});
