import { act, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { expectAccessible } from '../../test/axe';
import { doctor } from '../../test/fixtures';
import { currentPath, renderApp } from '../../test/render';
import { json, problem } from '../../test/server';
import { hub } from '../../test/setup';
import { pollInterval, POLL_MS, type DoctorInsurer } from './api';
import { formatDate } from './format';
import { consent, insurer, minutesAgo, sync } from './testData';

const PATH = '/api/doctors/d-1/insurers';

function serve(insurers: DoctorInsurer[]) {
  hub.on('GET', PATH, json(insurers));
}

async function open() {
  const rendered = renderApp('/insurers', doctor);
  await screen.findByRole('heading', { level: 1, name: 'Insurers' });
  await screen.findByRole('heading', { level: 2, name: 'Your insurers' });
  return rendered;
}

const group = (name: string) => screen.getByRole('region', { name });
const card = (name: string) => screen.getByRole('article', { name });

afterEach(() => {
  vi.useRealTimers();
});

describe('insurers', () => {
  it('puts the insurers joined in one list and the others in another, each state in words', async () => {
    serve([
      insurer('acme', 'Acme Health', {
        consent: consent('acme', 'ACTIVE', { activatedAt: '2026-03-04T09:00:00Z' }),
        sync: sync({ deliveredVersion: 4, deliveredAt: minutesAgo(5) }),
      }),
      insurer('bright', 'Bright Care', { consent: consent('bright', 'ENROLLING') }),
      insurer('cover', 'Cover All', {
        consent: consent('cover', 'REJECTED', { reason: 'Your licence number does not match' }),
      }),
      insurer('delta', 'Delta Mutual', {
        consent: consent('delta', 'REVOKED', { revokedAt: '2026-02-20T12:00:00Z' }),
      }),
      insurer('echo', 'Echo Insurance', {
        consent: consent('echo', 'FAILED', { reason: 'The insurer did not answer in time' }),
      }),
      insurer('fern', 'Fern Life'),
      insurer('gone', 'Gone Assurance', {
        joinable: false,
        consent: consent('gone', 'REVOKED', { revokedAt: '2026-01-10T12:00:00Z' }),
      }),
    ]);
    await open();

    const yours = within(group('Your insurers')).getAllByRole('article');
    expect(yours.map((a) => a.getAttribute('aria-labelledby'))).toEqual([
      'insurer-acme',
      'insurer-bright',
    ]);
    const others = within(group('Other insurers on DocPort')).getAllByRole('article');
    expect(others).toHaveLength(5);

    const acme = card('Acme Health');
    expect(acme).toHaveTextContent(`Active since ${formatDate('2026-03-04T09:00:00Z')}`);
    expect(acme).toHaveTextContent('Networks: Acme Health Network');
    expect(acme).toHaveTextContent('Up to date (version 4, delivered 5 minutes ago)');
    expect(within(acme).getByRole('button', { name: 'Leave Acme Health' })).toBeVisible();
    expect(within(acme).queryByRole('button', { name: /Join/ })).toBeNull();

    const bright = card('Bright Care');
    expect(bright).toHaveTextContent('Waiting for Bright Care to accept you');
    expect(within(bright).getByRole('button', { name: 'Leave Bright Care' })).toBeVisible();

    expect(card('Cover All')).toHaveTextContent(
      'Cover All declined: Your licence number does not match',
    );
    expect(within(card('Cover All')).getByRole('button', { name: 'Join Cover All' })).toBeVisible();
    expect(card('Delta Mutual')).toHaveTextContent(
      `You left on ${formatDate('2026-02-20T12:00:00Z')}`,
    );
    expect(card('Echo Insurance')).toHaveTextContent(
      'Could not be completed: The insurer did not answer in time',
    );
    expect(card('Fern Life')).toHaveTextContent('Not joined.');
    expect(within(card('Fern Life')).getByRole('button', { name: 'Join Fern Life' })).toBeVisible();
    expect(card('Gone Assurance')).toHaveTextContent('no longer connected to DocPort');
    expect(within(card('Gone Assurance')).queryByRole('button')).toBeNull();

    expect(screen.getByRole('link', { name: 'Insurers' })).toHaveAttribute('aria-current', 'page');
    await expectAccessible();
  });

  it('tells the sync health of each insurer joined', async () => {
    serve([
      insurer('acme', 'Acme Health', {
        consent: consent('acme', 'ACTIVE', { activatedAt: '2026-03-04T09:00:00Z' }),
        sync: sync({
          wantedVersion: 5,
          deliveredVersion: 4,
          deliveredAt: minutesAgo(120),
          state: 'PENDING',
          attempts: 3,
          lastError: 'HTTP 503 from the insurer',
        }),
      }),
      insurer('bright', 'Bright Care', {
        consent: consent('bright', 'ACTIVE', { activatedAt: '2026-03-04T09:00:00Z' }),
        sync: sync({ wantedVersion: 5, deliveredVersion: 4, state: 'DEAD', attempts: 1 }),
      }),
      insurer('cover', 'Cover All', {
        deliveryPaused: true,
        consent: consent('cover', 'ACTIVE', { activatedAt: '2026-03-04T09:00:00Z' }),
        sync: sync({ wantedVersion: 5, deliveredVersion: 4, state: 'PENDING' }),
      }),
    ]);
    await open();

    const acme = card('Acme Health');
    expect(acme).toHaveTextContent('Retrying: 3 failed attempts');
    expect(acme).toHaveTextContent('Last error: HTTP 503 from the insurer');
    expect(acme).toHaveTextContent('Acme Health holds version 4, delivered 2 hours ago.');
    expect(card('Bright Care')).toHaveTextContent(
      "Your latest change was refused by the insurer; DocPort's operators have been alerted",
    );
    const cover = card('Cover All');
    expect(cover).toHaveTextContent('Deliveries paused by DocPort');
    expect(cover).toHaveTextContent('Sending your latest change (version 5)');
    // Something is pending: the page says it keeps itself current.
    expect(screen.getByText(/This page updates by itself/)).toBeVisible();
    await expectAccessible();
  });

  it('joins an insurer and follows the saga until the insurer accepts', async () => {
    vi.useFakeTimers({ shouldAdvanceTime: true });
    const fern = insurer('fern', 'Fern Life');
    serve([fern]);
    const requested = consent('fern', 'REQUESTED');
    hub.on('POST', '/api/doctors/d-1/consents/fern', json(requested, 202));
    const { user } = await open();
    expect(group('Your insurers')).toHaveTextContent('You have not joined any insurer yet.');

    serve([{ ...fern, consent: consent('fern', 'ENROLLING') }]);
    await user.click(screen.getByRole('button', { name: 'Join Fern Life' }));

    const heading = await within(group('Your insurers')).findByRole('heading', {
      name: 'Fern Life',
    });
    await waitFor(() => expect(heading).toHaveFocus());
    expect(hub.sent('POST', '/api/doctors/d-1/consents/fern')).toHaveLength(1);
    expect(card('Fern Life')).toHaveTextContent('Waiting for Fern Life to accept you');
    expect(screen.getByText(/You asked to join Fern Life\./)).toBeVisible();
    expect(
      within(card('Fern Life')).getByRole('button', { name: 'Leave Fern Life' }),
    ).toBeVisible();
    expect(group('Other insurers on DocPort')).toHaveTextContent(
      'There are no other insurers on DocPort at the moment.',
    );
    await expectAccessible();

    serve([
      {
        ...fern,
        consent: consent('fern', 'ACTIVE', { activatedAt: '2026-03-04T09:00:00Z' }),
        sync: sync({ deliveredVersion: 4, deliveredAt: minutesAgo(0) }),
      },
    ]);
    const asked = hub.sent('GET', PATH).length;
    await act(() => vi.advanceTimersByTimeAsync(POLL_MS));
    await waitFor(() => expect(card('Fern Life')).toHaveTextContent('Active since'));
    expect(hub.sent('GET', PATH).length).toBeGreaterThan(asked);

    // Nothing moves any more: no more asking.
    const settled = hub.sent('GET', PATH).length;
    await act(() => vi.advanceTimersByTimeAsync(POLL_MS * 3));
    expect(hub.sent('GET', PATH)).toHaveLength(settled);
    expect(screen.queryByText(/This page updates by itself/)).toBeNull();
  });

  it('sends a doctor whose onboarding is not finished to onboarding', async () => {
    serve([insurer('fern', 'Fern Life')]);
    hub.on(
      'POST',
      '/api/doctors/d-1/consents/fern',
      problem(409, {
        title: 'Onboarding not finished',
        detail:
          'Insurers can be joined once DocPort has approved your profile; your onboarding (GET /api/doctors/d-1/onboarding) says what is left.',
      }),
    );
    hub.on('GET', '/api/doctors/d-1/onboarding', json({ step: 'DRAFT' }));
    hub.on('GET', '/api/doctors/d-1/documents', json([]));
    hub.on('GET', '/api/doctors/d-1', json({ id: 'd-1', version: 1 }, 200, { ETag: '"1"' }));
    const { user, router } = await open();

    await user.click(screen.getByRole('button', { name: 'Join Fern Life' }));

    const alert = await within(card('Fern Life')).findByRole('alert');
    expect(alert).toHaveTextContent(
      'Insurers can be joined once DocPort has approved your profile',
    );
    await waitFor(() => expect(alert).toHaveFocus());
    // Still where it was, and may be tried again.
    expect(within(group('Other insurers on DocPort')).getByRole('article')).toBe(card('Fern Life'));
    expect(screen.getByRole('button', { name: 'Join Fern Life' })).toBeEnabled();
    await expectAccessible();

    await user.click(within(alert).getByRole('link', { name: 'Finish your onboarding' }));
    await screen.findByRole('heading', { level: 1, name: 'Onboarding' });
    expect(currentPath(router)).toBe('/onboarding');
  });

  it('asks before leaving an insurer, then shows it being withdrawn', async () => {
    const acme = insurer('acme', 'Acme Health', {
      consent: consent('acme', 'ACTIVE', { activatedAt: '2026-03-04T09:00:00Z' }),
    });
    serve([acme]);
    const withdrawing = consent('acme', 'WITHDRAWING', {
      ending: 'REVOKED',
      reason: 'revoked by the doctor',
    });
    hub.on('DELETE', '/api/doctors/d-1/consents/acme', json(withdrawing, 202));
    const { user } = await open();

    const leave = within(card('Acme Health')).getByRole('button', { name: 'Leave Acme Health' });
    await user.click(leave);
    let dialog = screen.getByRole('dialog', { name: 'Leave Acme Health?' });
    expect(dialog).toHaveAccessibleDescription(/Your profile will be withdrawn from Acme Health/);
    await expectAccessible(dialog);
    await user.click(within(dialog).getByRole('button', { name: 'Cancel' }));
    expect(screen.queryByRole('dialog')).toBeNull();
    expect(hub.sent('DELETE', '/api/doctors/d-1/consents/acme')).toHaveLength(0);

    serve([{ ...acme, consent: withdrawing }]);
    await user.click(leave);
    dialog = screen.getByRole('dialog', { name: 'Leave Acme Health?' });
    await user.click(within(dialog).getByRole('button', { name: 'Yes, leave Acme Health' }));

    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
    expect(hub.sent('DELETE', '/api/doctors/d-1/consents/acme')).toHaveLength(1);
    const acmeCard = card('Acme Health');
    expect(acmeCard).toHaveTextContent('Being withdrawn');
    expect(acmeCard).toHaveTextContent('You are leaving: your profile is being removed');
    expect(within(acmeCard).queryByRole('button')).toBeNull();
    expect(screen.getByText(/You are leaving Acme Health\./)).toBeVisible();
    await waitFor(() =>
      expect(within(acmeCard).getByRole('heading', { name: 'Acme Health' })).toHaveFocus(),
    );
  });

  it('shows in the dialog why leaving did not work', async () => {
    serve([
      insurer('acme', 'Acme Health', {
        consent: consent('acme', 'ENROLLING'),
      }),
    ]);
    hub.on(
      'DELETE',
      '/api/doctors/d-1/consents/acme',
      problem(409, {
        title: 'Nothing to revoke',
        detail: 'Your profile is being withdrawn from Acme Health already.',
      }),
    );
    const { user } = await open();
    await user.click(screen.getByRole('button', { name: 'Leave Acme Health' }));
    const dialog = screen.getByRole('dialog', { name: 'Leave Acme Health?' });
    await user.click(within(dialog).getByRole('button', { name: 'Yes, leave Acme Health' }));
    expect(await within(dialog).findByRole('alert')).toHaveTextContent(
      'being withdrawn from Acme Health already',
    );
  });

  it('says so when no insurer is on DocPort yet', async () => {
    serve([]);
    await open();
    expect(group('Your insurers')).toHaveTextContent('You have not joined any insurer yet.');
    expect(group('Other insurers on DocPort')).toHaveTextContent(
      'No insurer is connected to DocPort yet.',
    );
    expect(screen.queryByText(/This page updates by itself/)).toBeNull();
    await expectAccessible();
  });

  it('shows why the list could not be loaded, and tries again', async () => {
    hub.once(
      'GET',
      PATH,
      problem(500, { title: 'Internal Server Error', detail: 'Database down' }),
    );
    serve([insurer('fern', 'Fern Life')]);
    const { user } = renderApp('/insurers', doctor);
    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent('Database down');
    await user.click(within(alert).getByRole('button', { name: 'Try again' }));
    expect(await screen.findByRole('article', { name: 'Fern Life' })).toBeVisible();
  });
});

describe('pollInterval', () => {
  it('asks again only while a consent or a delivery is under way', () => {
    const settled = insurer('a', 'A', {
      consent: consent('a', 'ACTIVE'),
      sync: sync({ deliveredVersion: 4 }),
    });
    expect(pollInterval([settled, insurer('b', 'B')])).toBe(false);
    for (const status of ['REQUESTED', 'ENROLLING', 'WITHDRAWING'] as const) {
      expect(pollInterval([settled, insurer('b', 'B', { consent: consent('b', status) })])).toBe(
        POLL_MS,
      );
    }
    expect(pollInterval([{ ...settled, sync: sync({ state: 'PENDING' }) }])).toBe(POLL_MS);
    expect(pollInterval(undefined)).toBe(false);
  });
});
