import { screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { expectAccessible } from '../../test/axe';
import { doctor, operator } from '../../test/fixtures';
import { renderApp } from '../../test/render';
import { json, problem } from '../../test/server';
import { hub } from '../../test/setup';

const statsRequests = () => hub.requests.filter((r) => r.path.includes('/practice-stats'));

describe('home page', () => {
  it.each([
    ['DRAFT', 'Not submitted yet'],
    ['CORRECTIONS_NEEDED', 'Corrections needed'],
    ['IN_REVIEW', 'In review'],
  ])('points a doctor whose onboarding is %s to onboarding first', async (step, status) => {
    hub.on('GET', '/api/doctors/d-1/onboarding', json({ step }));
    renderApp('/', doctor);
    await screen.findByRole('heading', { level: 1, name: 'Welcome to DocPort' });
    const cards = screen.getByRole('list', { name: 'What you can do' });
    const onboarding = within(cards).getAllByRole('listitem')[0]!;
    expect(
      within(onboarding).getByRole('link', { name: 'Finish your onboarding' }),
    ).toHaveAttribute('href', '/onboarding');
    expect(onboarding).toHaveTextContent(`Where it stands: ${status}.`);
    expect(onboarding).toHaveTextContent(
      'Your practice dashboard opens here once your profile is approved and active.',
    );
    expect(within(cards).getByRole('link', { name: 'Your profile' })).toBeVisible();
    expect(statsRequests()).toHaveLength(0);
    await expectAccessible();
  });

  it('still leads the way to onboarding when its state cannot be loaded', async () => {
    hub.on('GET', '/api/doctors/d-1/onboarding', problem(500));
    const { user } = renderApp('/', doctor);
    await screen.findByRole('heading', { level: 1, name: 'Welcome to DocPort' });
    expect(screen.getByRole('alert')).toHaveTextContent('DocPort had a problem.');
    expect(screen.getByRole('link', { name: 'Finish your onboarding' })).toBeVisible();

    hub.on('GET', '/api/doctors/d-1/onboarding', json({ step: 'IN_REVIEW' }));
    await user.click(screen.getByRole('button', { name: 'Try again' }));
    expect(await screen.findByText('Where it stands: In review.')).toBeVisible();
  });

  it('keeps an operator’s home as it was, without asking for a doctor’s figures', async () => {
    renderApp('/', operator);
    await screen.findByRole('heading', { level: 1, name: 'Welcome to DocPort' });
    expect(screen.getByRole('link', { name: 'Account security' })).toBeVisible();
    expect(screen.queryByRole('link', { name: 'Finish your onboarding' })).toBeNull();
    expect(hub.requests.filter((r) => r.path.startsWith('/api/doctors'))).toHaveLength(0);
  });

  it('gives an active doctor the dashboard, with their account below', async () => {
    hub.on('GET', '/api/doctors/d-1/onboarding', json({ step: 'ACTIVE' }));
    hub.on(
      'GET',
      '/api/doctors/d-1/practice-stats',
      json({ from: '2027-01-11', to: '2027-04-05', timeZone: 'UTC', weeks: [], insurers: [] }),
    );
    renderApp('/', doctor);
    await screen.findByRole('heading', { level: 1, name: 'Your practice' });
    const account = screen.getByRole('region', { name: 'Your account' });
    expect(within(account).getByRole('link', { name: 'Your profile' })).toHaveAttribute(
      'href',
      '/profile',
    );
    expect(
      within(account).getByRole('heading', { level: 3, name: 'Account security' }),
    ).toBeVisible();
    await screen.findByRole('region', { name: 'No appointments yet' });
    expect(statsRequests()).toHaveLength(1);
  });
});
