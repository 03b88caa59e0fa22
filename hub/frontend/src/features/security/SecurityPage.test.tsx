import { screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { expectAccessible } from '../../test/axe';
import { doctor, doctorWith2fa, operator, operatorToEnrol } from '../../test/fixtures';
import { currentPath, renderApp } from '../../test/render';
import { json, noContent, problem } from '../../test/server';
import { hub } from '../../test/setup';

const enrolment = {
  secret: 'JBSWY3DPEHPK3PXPJBSW',
  otpauthUri: 'otpauth://totp/DocPort:anna?secret=JBSWY3DPEHPK3PXPJBSW&issuer=DocPort',
  qrCode: 'data:image/svg+xml;base64,PHN2ZyB4bWxucz0iaHR0cDovL3d3dy53My5vcmcvMjAwMC9zdmciLz4=',
};
const codes = Array.from({ length: 10 }, (_, i) => `code-${String(i).padStart(4, '0')}-abcd`);

function stubClipboard() {
  const writeText = vi.fn().mockResolvedValue(undefined);
  Object.defineProperty(navigator, 'clipboard', { value: { writeText }, configurable: true });
  return writeText;
}

describe('account security', () => {
  it('shows that two-step sign-in is off, with a way to set it up', async () => {
    renderApp('/security', doctor);
    await screen.findByRole('heading', { level: 1, name: 'Account security' });
    const section = screen.getByRole('region', { name: 'Two-step sign-in' });
    expect(section).toHaveTextContent('Status: Off');
    expect(within(section).getByRole('link', { name: 'Set up two-step sign-in' })).toHaveAttribute(
      'href',
      '/security/second-factor',
    );
    expect(screen.getByRole('link', { name: 'Security' })).toHaveAttribute('aria-current', 'page');
    await expectAccessible();
  });

  it('turns on two-step sign-in: QR code, key, first code, recovery codes', async () => {
    hub.on('POST', '/api/me/second-factor', json(enrolment));
    hub.on('PUT', '/api/me/second-factor', json({ recoveryCodes: codes }));
    const { user, router } = renderApp('/security', doctor);
    // After user-event's setup, which puts in its own clipboard.
    const writeText = stubClipboard();
    const createObjectURL = vi.fn(() => 'blob:codes');
    Object.assign(URL, { createObjectURL, revokeObjectURL: vi.fn() });
    await screen.findByRole('heading', { level: 1, name: 'Account security' });
    await user.click(screen.getByRole('link', { name: 'Set up two-step sign-in' }));

    await screen.findByRole('heading', { level: 1, name: 'Turn on two-step sign-in' });
    const qr = await screen.findByRole('img', {
      name: 'QR code: scan it with your authenticator app',
    });
    expect(qr).toHaveAttribute('src', enrolment.qrCode);
    expect(screen.getByText('JBSW Y3DP EHPK 3PXP JBSW')).toBeVisible();
    await expectAccessible();
    await user.click(screen.getByRole('button', { name: 'Copy key' }));
    expect(writeText).toHaveBeenCalledWith(enrolment.secret);

    await user.type(screen.getByLabelText('Authentication code'), '123456');
    await user.click(screen.getByRole('button', { name: 'Turn on two-step sign-in' }));

    const heading = await screen.findByRole('heading', {
      level: 1,
      name: 'Save your recovery codes',
    });
    await waitFor(() => expect(heading).toHaveFocus());
    const list = screen.getByRole('list', { name: 'Recovery codes' });
    expect(within(list).getAllByRole('listitem')).toHaveLength(10);
    expect(hub.sent('PUT', '/api/me/second-factor')[0]?.body).toEqual({ code: '123456' });
    expect(hub.sent('PUT', '/api/me/second-factor')[0]?.headers.get('X-XSRF-TOKEN')).toBe(
      'token-1',
    );
    await expectAccessible();

    await user.click(screen.getByRole('button', { name: 'Copy codes' }));
    expect(writeText).toHaveBeenLastCalledWith(codes.join('\n'));
    expect(screen.getByText('Copied.')).toBeVisible();
    await user.click(screen.getByRole('button', { name: 'Download codes' }));
    expect(createObjectURL).toHaveBeenCalledTimes(1);

    hub.on('GET', '/api/session', json(doctorWith2fa));
    await user.click(screen.getByRole('button', { name: 'I have saved my recovery codes' }));
    await screen.findByRole('heading', { level: 1, name: 'Account security' });
    expect(currentPath(router)).toBe('/security');
    expect(screen.getAllByRole('status')[0]).toHaveTextContent('Two-step sign-in is on.');
    expect(screen.getByRole('region', { name: 'Two-step sign-in' })).toHaveTextContent(
      'Status: On',
    );
    expect(hub.sent('POST', '/api/me/second-factor')).toHaveLength(1);
  });

  it('shows a wrong first code beside the field', async () => {
    hub.on('POST', '/api/me/second-factor', json(enrolment));
    hub.on(
      'PUT',
      '/api/me/second-factor',
      problem(400, {
        title: 'Bad Request',
        detail: 'The code does not match.',
        errors: [{ field: 'code', message: 'This code is not the current one. Try the next.' }],
      }),
    );
    const { user } = renderApp('/security/second-factor', doctor);
    await user.type(await screen.findByLabelText('Authentication code'), '654321');
    await user.click(screen.getByRole('button', { name: 'Turn on two-step sign-in' }));

    const code = screen.getByLabelText('Authentication code');
    await waitFor(() =>
      expect(code).toHaveAccessibleDescription(
        'Error: This code is not the current one. Try the next. The code changes every 30 seconds.',
      ),
    );
    expect(code).toHaveFocus();
    expect(screen.getByRole('alert')).toHaveTextContent('The code does not match.');
    await expectAccessible();
  });

  it('sends an operator home once the required setup is done', async () => {
    hub.on('POST', '/api/me/second-factor', json(enrolment));
    hub.on('PUT', '/api/me/second-factor', json({ recoveryCodes: codes }));
    const { user, router } = renderApp('/security/second-factor', operatorToEnrol);
    await user.type(await screen.findByLabelText('Authentication code'), '123456');
    await user.click(screen.getByRole('button', { name: 'Turn on two-step sign-in' }));
    hub.on('GET', '/api/session', json(operator));
    await user.click(await screen.findByRole('button', { name: 'I have saved my recovery codes' }));
    await screen.findByRole('heading', { level: 1, name: 'Welcome to DocPort' });
    expect(currentPath(router)).toBe('/');
  });

  it('does not start a new setup when two-step sign-in is already on', async () => {
    renderApp('/security/second-factor', doctorWith2fa);
    await screen.findByRole('heading', { level: 1, name: 'Two-step sign-in is on' });
    expect(hub.sent('POST', '/api/me/second-factor')).toHaveLength(0);
  });

  it('turns two-step sign-in off with a current code', async () => {
    hub.on('DELETE', '/api/me/second-factor', noContent());
    const { user } = renderApp('/security', doctorWith2fa);
    await screen.findByRole('heading', { level: 1, name: 'Account security' });
    await user.click(screen.getByRole('button', { name: 'Turn off two-step sign-in' }));
    await expectAccessible();
    await user.type(screen.getByLabelText('Authentication code'), '123456');
    hub.on('GET', '/api/session', json(doctor));
    await user.click(screen.getByRole('button', { name: 'Turn off two-step sign-in' }));

    const section = screen.getByRole('region', { name: 'Two-step sign-in' });
    await waitFor(() => expect(section).toHaveTextContent('Status: Off'));
    expect(within(section).getByRole('status')).toHaveTextContent('Two-step sign-in is off.');
    expect(hub.sent('DELETE', '/api/me/second-factor')[0]?.body).toEqual({ code: '123456' });
  });

  it("shows the hub's reason when it refuses to turn it off", async () => {
    hub.on(
      'DELETE',
      '/api/me/second-factor',
      problem(409, { title: 'Conflict', detail: 'Operators must keep a second factor.' }),
    );
    const { user } = renderApp('/security', doctorWith2fa);
    await user.click(await screen.findByRole('button', { name: 'Turn off two-step sign-in' }));
    await user.type(screen.getByLabelText('Authentication code'), '123456');
    await user.click(screen.getByRole('button', { name: 'Turn off two-step sign-in' }));
    await waitFor(() =>
      expect(screen.getByRole('alert')).toHaveTextContent('Operators must keep a second factor.'),
    );
  });

  it('cancelling a form gives focus back to the button that opened it', async () => {
    const { user } = renderApp('/security', doctorWith2fa);
    await user.click(await screen.findByRole('button', { name: 'Create new recovery codes' }));
    await user.click(screen.getByRole('button', { name: 'Cancel' }));
    expect(screen.getByRole('button', { name: 'Create new recovery codes' })).toHaveFocus();
  });

  it('does not offer operators to turn it off', async () => {
    renderApp('/security', operator);
    await screen.findByRole('heading', { level: 1, name: 'Account security' });
    expect(screen.queryByRole('button', { name: 'Turn off two-step sign-in' })).toBeNull();
    expect(screen.getByText('Operators must keep two-step sign-in on.')).toBeVisible();
  });

  it('creates new recovery codes', async () => {
    hub.on('POST', '/api/me/recovery-codes', json({ recoveryCodes: codes }));
    const { user } = renderApp('/security', doctorWith2fa);
    await user.click(await screen.findByRole('button', { name: 'Create new recovery codes' }));
    await user.type(screen.getByLabelText('Authentication code'), '123456');
    await user.click(screen.getByRole('button', { name: 'Create new recovery codes' }));

    const heading = await screen.findByRole('heading', { name: 'Save your recovery codes' });
    expect(heading.tagName).toBe('H3');
    await waitFor(() => expect(heading).toHaveFocus());
    expect(screen.getAllByRole('listitem').map((li) => li.textContent)).toEqual(
      expect.arrayContaining(codes),
    );
    expect(hub.sent('POST', '/api/me/recovery-codes')[0]?.body).toEqual({ code: '123456' });
    await expectAccessible();
    await user.click(screen.getByRole('button', { name: 'I have saved my recovery codes' }));
    expect(screen.queryByRole('list', { name: 'Recovery codes' })).toBeNull();
    expect(screen.getByRole('heading', { level: 2, name: 'Two-step sign-in' })).toHaveFocus();
  });

  it('sends the user to sign in when the session has ended meanwhile', async () => {
    hub.on('POST', '/api/me/recovery-codes', problem(401, { title: 'Unauthorized' }));
    const { user, router } = renderApp('/security', doctorWith2fa);
    await user.click(await screen.findByRole('button', { name: 'Create new recovery codes' }));
    await user.type(screen.getByLabelText('Authentication code'), '123456');
    hub.on('GET', '/api/session', problem(401, { title: 'Unauthorized' }));
    await user.click(screen.getByRole('button', { name: 'Create new recovery codes' }));

    await screen.findByRole('heading', { level: 1, name: 'Sign in' });
    expect(currentPath(router)).toBe('/sign-in?next=%2Fsecurity');
  });

  it('signs out everywhere after confirming', async () => {
    hub.on('DELETE', '/api/sessions', noContent());
    const { user, router } = renderApp('/security', doctor);
    await user.click(await screen.findByRole('button', { name: 'Sign out everywhere' }));

    const dialog = screen.getByRole('dialog', { name: 'Sign out everywhere?' });
    expect(within(dialog).getByRole('button', { name: 'Cancel' })).toHaveFocus();
    await expectAccessible();
    await user.click(within(dialog).getByRole('button', { name: 'Yes, sign out everywhere' }));

    await screen.findByRole('heading', { level: 1, name: 'Sign in' });
    expect(screen.getByRole('status')).toHaveTextContent(
      'You have been signed out on all your devices.',
    );
    expect(currentPath(router)).toBe('/sign-in');
    expect(hub.sent('DELETE', '/api/sessions')).toHaveLength(1);
  });

  it('keeps the session when the confirmation is cancelled', async () => {
    const { user } = renderApp('/security', doctor);
    const open = await screen.findByRole('button', { name: 'Sign out everywhere' });
    await user.click(open);
    await user.click(screen.getByRole('button', { name: 'Cancel' }));
    expect(screen.queryByRole('dialog')).toBeNull();
    expect(open).toHaveFocus();
    expect(hub.sent('DELETE', '/api/sessions')).toHaveLength(0);
  });
});
