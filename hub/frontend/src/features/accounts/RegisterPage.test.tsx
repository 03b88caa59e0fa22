import { screen, waitFor } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { expectAccessible } from '../../test/axe';
import { renderApp } from '../../test/render';
import { json, noContent, problem } from '../../test/server';
import { hub } from '../../test/setup';

async function openRegister() {
  const app = renderApp('/register', null);
  await screen.findByRole('heading', { level: 1, name: 'Create your DocPort account' });
  return app;
}

async function fill(
  user: ReturnType<typeof renderApp>['user'],
  {
    email = 'anna@example.org',
    password = 'a long enough secret',
    confirm = password,
  }: { email?: string; password?: string; confirm?: string } = {},
) {
  await user.type(screen.getByLabelText('Email'), email);
  await user.type(screen.getByLabelText('Password'), password);
  await user.type(screen.getByLabelText('Confirm password'), confirm);
}

describe('registration', () => {
  it('is accessible, with the password rule tied to the field', async () => {
    await openRegister();
    expect(screen.getByLabelText('Email')).toHaveAttribute('autocomplete', 'email');
    expect(screen.getByLabelText('Password')).toHaveAccessibleDescription(
      'Use 12 to 128 characters. A few unrelated words make a strong password.',
    );
    expect(screen.getByLabelText('Password')).toHaveAttribute('autocomplete', 'new-password');
    expect(screen.getByRole('link', { name: 'Sign in' })).toHaveAttribute('href', '/sign-in');
    await expectAccessible();
  });

  it('shows and hides the passwords', async () => {
    const { user } = await openRegister();
    const toggle = screen.getByRole('button', { name: 'Show password' });
    expect(toggle).toHaveAttribute('aria-pressed', 'false');
    await user.click(toggle);
    expect(toggle).toHaveAttribute('aria-pressed', 'true');
    expect(screen.getByLabelText('Password')).toHaveAttribute('type', 'text');
    expect(screen.getByLabelText('Confirm password')).toHaveAttribute('type', 'text');
    await user.click(toggle);
    expect(screen.getByLabelText('Password')).toHaveAttribute('type', 'password');
  });

  it('checks the rules before sending', async () => {
    const { user } = await openRegister();
    await fill(user, { email: 'not-an-email', password: 'short', confirm: 'other' });
    await user.click(screen.getByRole('button', { name: 'Create account' }));

    expect(screen.getByLabelText('Email')).toHaveAccessibleDescription(
      'Error: Enter an email address like name@example.com.',
    );
    expect(screen.getByLabelText('Password')).toHaveAccessibleDescription(
      /^Error: Use at least 12 characters\./,
    );
    expect(screen.getByLabelText('Confirm password')).toHaveAccessibleDescription(
      'Error: The passwords do not match.',
    );
    await waitFor(() => expect(screen.getByLabelText('Email')).toHaveFocus());
    expect(hub.sent('POST', '/api/accounts')).toHaveLength(0);
    await expectAccessible();
  });

  it('creates the account and asks to check the email, with a resend', async () => {
    hub.on('POST', '/api/accounts', json({ username: 'anna@example.org', role: 'DOCTOR' }, 201));
    hub.on('POST', '/api/accounts/verification/resend', noContent(202));
    const { user } = await openRegister();
    await fill(user);
    await user.click(screen.getByRole('button', { name: 'Create account' }));

    const heading = await screen.findByRole('heading', { level: 1, name: 'Check your email' });
    await waitFor(() => expect(heading).toHaveFocus());
    expect(screen.getByText(/We sent a link to anna@example.org\./)).toBeVisible();
    const [request] = hub.sent('POST', '/api/accounts');
    expect(request?.body).toEqual({ email: 'anna@example.org', password: 'a long enough secret' });
    expect(request?.headers.get('X-XSRF-TOKEN')).toBe('token-1');
    await expectAccessible();

    await user.click(screen.getByRole('button', { name: 'Send the link again' }));
    expect(await screen.findByRole('status')).toHaveTextContent(/we have sent a new link/);
    expect(hub.sent('POST', '/api/accounts/verification/resend')[0]?.body).toEqual({
      email: 'anna@example.org',
    });
  });

  it("shows the hub's field errors beside their fields", async () => {
    hub.on(
      'POST',
      '/api/accounts',
      problem(400, {
        title: 'Bad Request',
        detail: 'Some fields are not valid.',
        errors: [
          { field: 'password', message: 'This password appears in a list of leaked passwords.' },
          { field: 'email', message: 'This email domain does not accept mail.' },
          { field: 'invitation', message: 'Registration is closed today.' },
        ],
      }),
    );
    const { user } = await openRegister();
    await fill(user);
    await user.click(screen.getByRole('button', { name: 'Create account' }));

    await waitFor(() =>
      expect(screen.getByLabelText('Password')).toHaveAccessibleDescription(
        /^Error: This password appears in a list of leaked passwords\./,
      ),
    );
    expect(screen.getByLabelText('Email')).toHaveAccessibleDescription(
      'Error: This email domain does not accept mail.',
    );
    expect(screen.getByLabelText('Password')).toHaveFocus();
    const alert = screen.getByRole('alert');
    expect(alert).toHaveTextContent('Some fields are not valid.');
    // A field the form does not have is listed in the alert.
    expect(alert).toHaveTextContent('Registration is closed today.');
    await expectAccessible();
  });

  it('says when the email is already registered', async () => {
    hub.on(
      'POST',
      '/api/accounts',
      problem(409, { title: 'Conflict', detail: 'An account with this email already exists.' }),
    );
    const { user } = await openRegister();
    await fill(user);
    await user.click(screen.getByRole('button', { name: 'Create account' }));
    const alert = screen.getByRole('alert');
    await waitFor(() =>
      expect(alert).toHaveTextContent('An account with this email already exists.'),
    );
    expect(alert).toHaveFocus();
  });
});
