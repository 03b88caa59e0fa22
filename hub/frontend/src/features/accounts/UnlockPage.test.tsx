import { screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { expectAccessible } from '../../test/axe';
import { renderApp } from '../../test/render';
import { problem } from '../../test/server';
import { hub } from '../../test/setup';

describe('unlock link', () => {
  it('unlocks on opening and offers to sign in', async () => {
    hub.on('POST', '/api/accounts/unlock', new Response(null, { status: 200 }));
    renderApp('/unlock?token=t-1', null);
    await screen.findByRole('heading', { level: 1, name: 'Account unlocked' });
    expect(screen.getByRole('link', { name: 'Sign in' })).toHaveAttribute('href', '/sign-in');
    expect(hub.sent('POST', '/api/accounts/unlock')).toHaveLength(1);
    expect(hub.sent('POST', '/api/accounts/unlock')[0]?.body).toEqual({ token: 't-1' });
    await expectAccessible();
  });

  it('explains an invalid link', async () => {
    hub.on(
      'POST',
      '/api/accounts/unlock',
      problem(400, { title: 'Bad Request', detail: 'This unlock link is not valid.' }),
    );
    renderApp('/unlock?token=bad', null);
    await screen.findByRole('heading', { level: 1, name: 'This link did not work' });
    expect(screen.getByRole('alert')).toHaveTextContent('This unlock link is not valid.');
    expect(screen.getByText(/ask a DocPort operator/)).toBeVisible();
    await expectAccessible();
  });

  it('falls back to its own words when the problem has no detail', async () => {
    hub.on('POST', '/api/accounts/unlock', problem(410));
    renderApp('/unlock?token=old', null);
    await screen.findByRole('heading', { level: 1, name: 'This link did not work' });
    expect(screen.getByRole('alert')).toHaveTextContent('The link is invalid or has expired.');
  });
});
