import { screen, waitFor } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { expectAccessible } from '../../test/axe';
import { currentPath, renderApp } from '../../test/render';
import { json, noContent, problem } from '../../test/server';
import { hub } from '../../test/setup';

describe('email verification link', () => {
  it('verifies on opening and offers to sign in', async () => {
    hub.on('POST', '/api/accounts/verification', json({ username: 'anna@example.org' }));
    const { router } = renderApp('/verify-email?token=abc.def', null);

    const heading = await screen.findByRole('heading', { level: 1, name: 'Email confirmed' });
    await waitFor(() => expect(heading).toHaveFocus());
    expect(screen.getByText(/Your account anna@example.org is ready/)).toBeVisible();
    expect(screen.getByRole('link', { name: 'Sign in' })).toHaveAttribute('href', '/sign-in');
    const requests = hub.sent('POST', '/api/accounts/verification');
    expect(requests).toHaveLength(1);
    expect(requests[0]?.body).toEqual({ token: 'abc.def' });
    expect(requests[0]?.headers.get('X-XSRF-TOKEN')).toBe('token-1');
    // The spent token leaves the address bar and the history.
    expect(currentPath(router)).toBe('/verify-email');
    await expectAccessible();
  });

  it('explains an expired link and sends a new one', async () => {
    hub.on(
      'POST',
      '/api/accounts/verification',
      problem(410, { title: 'Gone', detail: 'This link expired 3 days ago.' }),
    );
    hub.on('POST', '/api/accounts/verification/resend', noContent(202));
    const { user } = renderApp('/verify-email?token=old', null);

    await screen.findByRole('heading', { level: 1, name: 'This link did not work' });
    expect(screen.getByRole('alert')).toHaveTextContent('This link expired 3 days ago.');
    await expectAccessible();
    await user.type(screen.getByLabelText('Your email address'), 'anna@example.org');
    await user.click(screen.getByRole('button', { name: 'Send the link again' }));
    expect(await screen.findByRole('status')).toHaveTextContent(/we have sent a new link/);
    expect(hub.sent('POST', '/api/accounts/verification/resend')[0]?.body).toEqual({
      email: 'anna@example.org',
    });
  });

  it('checks the address before resending', async () => {
    const { user } = renderApp('/verify-email', null);
    await screen.findByRole('heading', { level: 1, name: 'This link did not work' });
    expect(screen.getByText(/The link is incomplete/)).toBeVisible();
    await user.click(screen.getByRole('button', { name: 'Send the link again' }));
    expect(screen.getByLabelText('Your email address')).toHaveAccessibleDescription(
      'Error: Enter your email address.',
    );
    expect(hub.sent('POST', '/api/accounts/verification')).toHaveLength(0);
  });
});
