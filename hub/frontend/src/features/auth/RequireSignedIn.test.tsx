import { screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { expectAccessible } from '../../test/axe';
import { awaitingCode, doctor, operatorToEnrol } from '../../test/fixtures';
import { currentPath, renderApp } from '../../test/render';
import { json, noContent, problem } from '../../test/server';
import { hub } from '../../test/setup';

describe('route guard', () => {
  it('sends someone not signed in to sign in, remembering the page', async () => {
    const { router } = renderApp('/security?tab=1', null);
    await screen.findByRole('heading', { level: 1, name: 'Sign in' });
    expect(currentPath(router)).toBe('/sign-in?next=%2Fsecurity%3Ftab%3D1');
  });

  it('does not add next for the home page', async () => {
    const { router } = renderApp('/', null);
    await screen.findByRole('heading', { level: 1, name: 'Sign in' });
    expect(currentPath(router)).toBe('/sign-in');
  });

  it('sends a sign-in waiting for its code to the code screen', async () => {
    const { router } = renderApp('/security', awaitingCode);
    await screen.findByRole('heading', { level: 1, name: 'Two-step sign-in' });
    expect(currentPath(router)).toBe('/second-factor?next=%2Fsecurity');
  });

  it('sends an operator without a second factor to set one up, from anywhere', async () => {
    hub.on(
      'POST',
      '/api/me/second-factor',
      json({
        secret: 'JBSWY3DPEHPK3PXP',
        otpauthUri: 'otpauth://x',
        qrCode: 'data:image/svg+xml;base64,PHN2Zy8+',
      }),
    );
    const { router } = renderApp('/security', operatorToEnrol);
    await screen.findByRole('heading', { level: 1, name: 'Turn on two-step sign-in' });
    expect(currentPath(router)).toBe('/security/second-factor');
    expect(
      screen.getByText('Operators must use two-step sign-in. Set it up to continue.'),
    ).toBeVisible();
  });

  it('lets a signed-in account through and sends it away from sign-in', async () => {
    const { router } = renderApp('/sign-in', doctor);
    await screen.findByRole('heading', { level: 1, name: 'Welcome to DocPort' });
    expect(currentPath(router)).toBe('/');
  });
});

describe('app shell', () => {
  it('shows the home page with the account and a card for security', async () => {
    renderApp('/', doctor);
    const heading = await screen.findByRole('heading', { level: 1, name: 'Welcome to DocPort' });
    await waitFor(() => expect(heading).toHaveFocus());
    expect(
      screen.getByText('You are signed in as anna.berger@example.org (Doctor).'),
    ).toBeVisible();
    expect(screen.getByRole('link', { name: 'Account security' })).toHaveAttribute(
      'href',
      '/security',
    );
    const nav = screen.getByRole('navigation', { name: 'Main' });
    expect(within(nav).getByRole('link', { name: 'Home' })).toHaveAttribute('aria-current', 'page');
    expect(within(nav).getByRole('link', { name: 'Security' })).toBeVisible();
    expect(screen.getByRole('banner')).toHaveTextContent('Signed in as anna.berger@example.org');
    await expectAccessible();
  });

  it('signs out', async () => {
    hub.on('DELETE', '/api/session', noContent());
    const { user, router } = renderApp('/security', doctor);
    await screen.findByRole('heading', { level: 1, name: 'Account security' });
    await user.click(screen.getByRole('button', { name: 'Sign out' }));

    await screen.findByRole('heading', { level: 1, name: 'Sign in' });
    expect(screen.getByRole('status')).toHaveTextContent('You have signed out.');
    expect(currentPath(router)).toBe('/sign-in');
    expect(screen.queryByRole('button', { name: 'Sign out' })).not.toBeInTheDocument();
    expect(hub.sent('DELETE', '/api/session')[0]?.headers.get('X-XSRF-TOKEN')).toBe('token-1');
  });

  it('has a friendly 404 page', async () => {
    renderApp('/no-such-page', null);
    await screen.findByRole('heading', { level: 1, name: 'Page not found' });
    expect(screen.getByRole('link', { name: 'Go to the home page' })).toHaveAttribute('href', '/');
    await expectAccessible();
  });

  it('says when the hub cannot be reached, and tries again', async () => {
    const { user } = renderApp('/', null);
    hub.on('GET', '/api/session', problem(503, { title: 'Service Unavailable' }));
    // renderApp declared the session first; the 503 above is the latest answer and wins.
    await screen.findByRole('heading', { level: 1, name: 'DocPort cannot be reached' });
    await expectAccessible();
    hub.on('GET', '/api/session', json(doctor));
    await user.click(screen.getByRole('button', { name: 'Try again' }));
    await screen.findByRole('heading', { level: 1, name: 'Welcome to DocPort' });
  });
});
