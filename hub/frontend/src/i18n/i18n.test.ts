import { describe, expect, it } from 'vitest';
import { t } from '.';

describe('t', () => {
  it('fills in parameters', () => {
    expect(t('home.lead', { name: 'anna@example.org', role: 'Doctor' })).toBe(
      'You are signed in as anna@example.org (Doctor).',
    );
  });

  it('chooses the plural form by count', () => {
    expect(t('error.tooManyAttempts', { count: 1 })).toBe(
      'Too many attempts, try again in 1 second.',
    );
    expect(t('error.tooManyAttempts', { count: 12 })).toBe(
      'Too many attempts, try again in 12 seconds.',
    );
  });

  it('leaves unknown parameters visible rather than blank', () => {
    expect(t('register.checkBody', {})).toContain('{email}');
  });
});
