import { screen, waitFor } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { expectAccessible } from '../../test/axe';
import { awaitingCode, doctor, doctorWith2fa } from '../../test/fixtures';
import { currentPath, renderApp } from '../../test/render';
import { json, problem } from '../../test/server';
import { hub } from '../../test/setup';

async function openCodeScreen(path = '/second-factor?next=%2Fsecurity') {
  const app = renderApp(path, awaitingCode);
  await screen.findByRole('heading', { level: 1, name: 'Two-step sign-in' });
  return app;
}

describe('second-factor screen', () => {
  it('asks for a one-time code the phone can fill in', async () => {
    await openCodeScreen();
    const code = screen.getByLabelText('Authentication code');
    expect(code).toHaveAttribute('inputmode', 'numeric');
    expect(code).toHaveAttribute('autocomplete', 'one-time-code');
    expect(code).toHaveAccessibleDescription('The code changes every 30 seconds.');
    // The header offers a way out while half signed in, but no navigation yet.
    expect(screen.getByRole('button', { name: 'Sign out' })).toBeVisible();
    expect(screen.queryByRole('navigation', { name: 'Main' })).not.toBeInTheDocument();
    await expectAccessible();
  });

  it('checks the code has six digits before sending it', async () => {
    const { user } = await openCodeScreen();
    await user.type(screen.getByLabelText('Authentication code'), '12a');
    await user.click(screen.getByRole('button', { name: 'Verify' }));
    expect(screen.getByLabelText('Authentication code')).toHaveAccessibleDescription(
      'Error: Enter the 6-digit code from your authenticator app. The code changes every 30 seconds.',
    );
    expect(hub.sent('POST', '/api/session/second-factor')).toHaveLength(0);
  });

  it('completes sign-in and goes where the user was headed', async () => {
    hub.on('POST', '/api/session/second-factor', json(doctorWith2fa));
    const { user, router } = await openCodeScreen();
    await user.type(screen.getByLabelText('Authentication code'), '123 456');
    await user.click(screen.getByRole('button', { name: 'Verify' }));

    await screen.findByRole('heading', { level: 1, name: 'Account security' });
    expect(currentPath(router)).toBe('/security');
    const [request] = hub.sent('POST', '/api/session/second-factor');
    expect(request?.body).toEqual({ code: '123456' });
    expect(request?.headers.get('X-XSRF-TOKEN')).toBe('token-1');
  });

  it('says when the code is wrong and clears it', async () => {
    hub.on(
      'POST',
      '/api/session/second-factor',
      problem(401, { title: 'Unauthorized', detail: 'That code is not valid.' }),
    );
    const { user } = await openCodeScreen();
    await user.type(screen.getByLabelText('Authentication code'), '000000');
    await user.click(screen.getByRole('button', { name: 'Verify' }));

    const alert = screen.getByRole('alert');
    await waitFor(() => expect(alert).toHaveTextContent('That code is not valid.'));
    expect(alert).toHaveFocus();
    expect(screen.getByLabelText('Authentication code')).toHaveValue('');
    await expectAccessible();
  });

  it('accepts a recovery code instead', async () => {
    hub.on('POST', '/api/session/second-factor', json(doctorWith2fa));
    const { user, router } = await openCodeScreen('/second-factor');
    await user.click(screen.getByRole('button', { name: 'Use a recovery code' }));

    const code = screen.getByLabelText('Recovery code');
    expect(code).toHaveAttribute('inputmode', 'text');
    await expectAccessible();
    await user.type(code, 'ABCD-efgh-2345');
    await user.click(screen.getByRole('button', { name: 'Verify' }));

    await screen.findByRole('heading', { level: 1, name: 'Welcome to DocPort' });
    expect(currentPath(router)).toBe('/');
    expect(hub.sent('POST', '/api/session/second-factor')[0]?.body).toEqual({
      code: 'abcd-efgh-2345',
    });
    // And back to app codes.
  });

  it('switches back to an app code', async () => {
    const { user } = await openCodeScreen();
    await user.click(screen.getByRole('button', { name: 'Use a recovery code' }));
    await user.click(
      screen.getByRole('button', { name: 'Use a code from your authenticator app' }),
    );
    expect(screen.getByLabelText('Authentication code')).toBeVisible();
  });

  it('counts down a 429', async () => {
    hub.on(
      'POST',
      '/api/session/second-factor',
      problem(429, { title: 'Too Many Requests' }, { 'Retry-After': '30' }),
    );
    const { user } = await openCodeScreen();
    await user.type(screen.getByLabelText('Authentication code'), '123456');
    await user.click(screen.getByRole('button', { name: 'Verify' }));
    await waitFor(() =>
      expect(screen.getByRole('alert')).toHaveTextContent(
        'Too many attempts, try again in 30 seconds.',
      ),
    );
    expect(screen.getByRole('button', { name: 'Verify' })).toBeDisabled();
  });

  it('is only for a sign-in waiting for its code', async () => {
    const { router } = renderApp('/second-factor', doctor);
    await screen.findByRole('heading', { level: 1, name: 'Welcome to DocPort' });
    expect(currentPath(router)).toBe('/');
  });

  it('sends someone not signed in to sign in', async () => {
    const { router } = renderApp('/second-factor', null);
    await screen.findByRole('heading', { level: 1, name: 'Sign in' });
    expect(currentPath(router)).toBe('/sign-in');
  });
});
