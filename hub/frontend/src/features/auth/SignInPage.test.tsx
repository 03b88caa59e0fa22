import { screen, waitFor } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { expectAccessible } from '../../test/axe';
import { awaitingCode, doctor, operatorToEnrol } from '../../test/fixtures';
import { currentPath, renderApp } from '../../test/render';
import { json, noContent, problem } from '../../test/server';
import { hub } from '../../test/setup';

async function openSignIn(path = '/sign-in') {
  const app = renderApp(path);
  await screen.findByRole('heading', { level: 1, name: 'Sign in' });
  return app;
}

async function fillAndSubmit(
  user: ReturnType<typeof renderApp>['user'],
  username = 'anna.berger@example.org',
  password = 'correct horse battery',
) {
  await user.type(screen.getByLabelText('Email or username'), username);
  await user.type(screen.getByLabelText('Password'), password);
  await user.click(screen.getByRole('button', { name: 'Sign in' }));
}

describe('sign-in screen', () => {
  it('is accessible, with its heading focused and a link to register', async () => {
    await openSignIn();
    expect(screen.getByRole('heading', { level: 1, name: 'Sign in' })).toHaveFocus();
    expect(screen.getByRole('link', { name: 'Create an account' })).toHaveAttribute(
      'href',
      '/register',
    );
    expect(screen.getByRole('main')).toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'Skip to main content' })).toHaveAttribute(
      'href',
      '#main',
    );
    expect(document.title).toBe('Sign in · DocPort');
    await expectAccessible();
  });

  it('says what is missing beside each field and focuses the first', async () => {
    const { user } = await openSignIn();
    await user.click(screen.getByRole('button', { name: 'Sign in' }));

    const username = screen.getByLabelText('Email or username');
    expect(username).toHaveAccessibleDescription('Error: Enter your email or username.');
    expect(username).toHaveAttribute('aria-invalid', 'true');
    expect(screen.getByLabelText('Password')).toHaveAccessibleDescription(
      'Error: Enter your password.',
    );
    await waitFor(() => expect(username).toHaveFocus());
    expect(hub.sent('POST', '/api/session')).toHaveLength(0);
    await expectAccessible();
  });

  it('signs in with the CSRF header and goes home', async () => {
    hub.on('POST', '/api/session', json(doctor));
    const { user, router } = await openSignIn();
    await fillAndSubmit(user);

    expect(
      await screen.findByRole('heading', { level: 1, name: 'Welcome to DocPort' }),
    ).toBeVisible();
    expect(currentPath(router)).toBe('/');
    const [request] = hub.sent('POST', '/api/session');
    expect(request?.body).toEqual({
      username: 'anna.berger@example.org',
      password: 'correct horse battery',
    });
    expect(request?.headers.get('X-XSRF-TOKEN')).toBe('token-1');
  });

  it('goes back to the page it came from', async () => {
    hub.on('POST', '/api/session', json(doctor));
    const { user, router } = await openSignIn('/sign-in?next=%2Fsecurity');
    await fillAndSubmit(user);
    expect(
      await screen.findByRole('heading', { level: 1, name: 'Account security' }),
    ).toBeVisible();
    expect(currentPath(router)).toBe('/security');
  });

  it('never follows a next that leaves the app', async () => {
    hub.on('POST', '/api/session', json(doctor));
    const { user, router } = await openSignIn('/sign-in?next=%2F%2Fevil.example%2F');
    await fillAndSubmit(user);
    await screen.findByRole('heading', { level: 1, name: 'Welcome to DocPort' });
    expect(currentPath(router)).toBe('/');
  });

  it('asks for the second factor when the account has one', async () => {
    hub.on('POST', '/api/session', json(awaitingCode));
    const { user, router } = await openSignIn('/sign-in?next=%2Fsecurity');
    await fillAndSubmit(user);
    expect(
      await screen.findByRole('heading', { level: 1, name: 'Two-step sign-in' }),
    ).toBeVisible();
    expect(currentPath(router)).toBe('/second-factor?next=%2Fsecurity');
  });

  it('sends an operator without a second factor to set one up', async () => {
    hub.on('POST', '/api/session', json(operatorToEnrol));
    hub.on(
      'POST',
      '/api/me/second-factor',
      json({
        secret: 'JBSWY3DPEHPK3PXP',
        otpauthUri: 'otpauth://totp/x',
        qrCode: 'data:image/svg+xml;base64,PHN2Zy8+',
      }),
    );
    const { user, router } = await openSignIn();
    await fillAndSubmit(user, 'olaf');
    expect(
      await screen.findByRole('heading', { level: 1, name: 'Turn on two-step sign-in' }),
    ).toBeVisible();
    expect(currentPath(router)).toBe('/security/second-factor');
  });

  it('shows a wrong password in the alert, focuses it and clears the password', async () => {
    hub.on(
      'POST',
      '/api/session',
      problem(401, { title: 'Unauthorized', detail: 'Wrong username or password.' }),
    );
    const { user } = await openSignIn();
    await fillAndSubmit(user);

    const alert = await screen.findByRole('alert');
    await waitFor(() => expect(alert).toHaveTextContent('Wrong username or password.'));
    await waitFor(() => expect(alert).toHaveFocus());
    expect(screen.getByLabelText('Password')).toHaveValue('');
    expect(screen.getByLabelText('Email or username')).toHaveValue('anna.berger@example.org');
    await expectAccessible();
  });

  it('explains a locked account', async () => {
    hub.on(
      'POST',
      '/api/session',
      problem(401, {
        title: 'Account locked',
        detail: 'Too many wrong passwords. We emailed you a link to unlock your account.',
      }),
    );
    const { user } = await openSignIn();
    await fillAndSubmit(user);
    await waitFor(() =>
      expect(screen.getByRole('alert')).toHaveTextContent(
        'Too many wrong passwords. We emailed you a link to unlock your account.',
      ),
    );
  });

  it('offers to send the verification link again when the email is not verified', async () => {
    hub.on(
      'POST',
      '/api/session',
      problem(403, {
        title: 'Email not verified',
        detail: 'Confirm your email with the link we sent you first.',
      }),
    );
    hub.on('POST', '/api/accounts/verification/resend', noContent(202));
    const { user } = await openSignIn();
    await fillAndSubmit(user);

    await waitFor(() =>
      expect(screen.getAllByRole('alert')[0]).toHaveTextContent(
        'Confirm your email with the link we sent you first.',
      ),
    );
    await expectAccessible();
    await user.click(screen.getByRole('button', { name: 'Send the link again' }));
    expect(await screen.findByRole('status')).toHaveTextContent(
      'If that address is waiting to be confirmed, we have sent a new link.',
    );
    expect(hub.sent('POST', '/api/accounts/verification/resend')[0]?.body).toEqual({
      email: 'anna.berger@example.org',
    });
  });

  it('asks for the address to resend to when a username was used', async () => {
    hub.on('POST', '/api/session', problem(403, { title: 'Email not verified' }));
    hub.on('POST', '/api/accounts/verification/resend', noContent(202));
    const { user } = await openSignIn();
    await fillAndSubmit(user, 'anna');
    await user.type(await screen.findByLabelText('Your email address'), 'anna@example.org');
    await user.click(screen.getByRole('button', { name: 'Send the link again' }));
    await screen.findByText(/we have sent a new link/);
    expect(hub.sent('POST', '/api/accounts/verification/resend')[0]?.body).toEqual({
      email: 'anna@example.org',
    });
  });

  it('counts down a 429 and keeps the form from being sent until then', async () => {
    hub.on(
      'POST',
      '/api/session',
      problem(429, { title: 'Too Many Requests' }, { 'Retry-After': '2' }),
    );
    const { user } = await openSignIn();
    await fillAndSubmit(user);

    const alert = await screen.findByRole('alert');
    await waitFor(() =>
      expect(alert).toHaveTextContent('Too many attempts, try again in 2 seconds.'),
    );
    expect(screen.getByRole('button', { name: 'Sign in' })).toBeDisabled();
    await waitFor(
      () => expect(alert).toHaveTextContent('Too many attempts, try again in 1 second.'),
      { timeout: 2000 },
    );
    await waitFor(() => expect(alert).toHaveTextContent('You can try again now.'), {
      timeout: 2000,
    });
    expect(screen.getByRole('button', { name: 'Sign in' })).toBeEnabled();
  });

  it('renews a stale CSRF token and retries once', async () => {
    hub.once(
      'POST',
      '/api/session',
      problem(403, { title: 'CSRF token missing or invalid', detail: 'Reload.' }),
    );
    hub.on('POST', '/api/session', json(doctor));
    const { user } = await openSignIn();
    // The hub gives a new token when the session is fetched again.
    hub.on('GET', '/api/session', () => {
      document.cookie = 'XSRF-TOKEN=token-2; path=/';
      return problem(401);
    });
    await fillAndSubmit(user);

    await screen.findByRole('heading', { level: 1, name: 'Welcome to DocPort' });
    const posts = hub.sent('POST', '/api/session');
    expect(posts.map((r) => r.headers.get('X-XSRF-TOKEN'))).toEqual(['token-1', 'token-2']);
    expect(posts[1]?.body).toEqual(posts[0]?.body);
  });
});
