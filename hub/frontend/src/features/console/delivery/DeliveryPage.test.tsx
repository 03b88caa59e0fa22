import { act, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { expectAccessible } from '../../../test/axe';
import { operator } from '../../../test/fixtures';
import { currentPath, renderApp } from '../../../test/render';
import { json, problem } from '../../../test/server';
import { hub } from '../../../test/setup';
import { formatMoment } from '../format';
import { deadLetters, deferred, delivery, insurers, serveConsole } from '../testData';

const DEAD_LETTERS = '/api/operator/insurers/acme/dead-letters';

async function open(path = '/console/delivery') {
  serveConsole({ delivery, insurers });
  const rendered = renderApp(path, operator);
  await screen.findByRole('heading', { level: 1, name: 'Delivery health' });
  const table = await screen.findByRole('table', {
    name: 'Delivery to 3 insurers. 2 need attention.',
  });
  await within(table).findByRole('rowheader', { name: /^Acme Health/ });
  return { ...rendered, table };
}

function row(table: HTMLElement, name: string): HTMLElement {
  return within(table).getByRole('rowheader', { name: new RegExp(`^${name}`) })
    .parentElement as HTMLElement;
}

afterEach(() => {
  vi.useRealTimers();
});

describe('delivery health', () => {
  it('shows backlog, lag in words and dead letters per insurer, the troubled ones marked', async () => {
    const { table } = await open();
    expect(
      screen.getByRole('region', { name: 'Delivery to 3 insurers. 2 need attention.' }),
    ).toHaveAttribute('tabindex', '0');
    const names = within(table)
      .getAllByRole('rowheader')
      .map((cell) => cell.querySelector('.delivery__name')?.textContent);
    expect(names).toEqual(['Acme Health', 'Bharat Mutual', 'City Cover']);

    const acme = row(table, 'Acme Health');
    expect(within(acme).getByRole('rowheader')).toHaveTextContent('Acme Health acme');
    const cells = within(acme)
      .getAllByRole('cell')
      .map((cell) => cell.textContent);
    expect(cells.slice(0, 5)).toEqual([
      'Running Not answering Needs attention Last error: HTTP 422 from https://fhir.acme.example/r4/Practitioner',
      '12 3 retrying',
      '3 min behind',
      '2',
      expect.stringContaining(formatMoment('2026-03-05T10:00:00Z')),
    ]);
    expect(acme).toHaveClass('delivery__row--attention');

    const bharat = row(table, 'Bharat Mutual');
    expect(bharat).toHaveTextContent('Paused');
    expect(bharat).toHaveTextContent('1 hr, 20 min behind');
    expect(bharat).toHaveTextContent('Never');
    expect(bharat).toHaveTextContent('Needs attention');
    expect(
      within(bharat).getByRole('button', { name: 'Resume deliveries to Bharat Mutual' }),
    ).toBeEnabled();

    const city = row(table, 'City Cover');
    expect(city).toHaveTextContent('Up to date');
    expect(city).not.toHaveTextContent('Not answering');
    expect(city).not.toHaveClass('delivery__row--attention');
    expect(
      within(city).getByRole('button', { name: 'Pause deliveries to City Cover' }),
    ).toBeEnabled();
    expect(screen.getByText(/Refreshes every 10 seconds while this page is open/)).toBeVisible();
    await expectAccessible();
  });

  it('refreshes every 10 seconds by itself', async () => {
    vi.useFakeTimers({ toFake: ['setInterval', 'clearInterval'] });
    const { table } = await open();
    const before = hub.sent('GET', '/api/operator/delivery').length;
    hub.on(
      'GET',
      '/api/operator/delivery',
      json(
        delivery.map((s) =>
          s.insurerId === 'acme'
            ? { ...s, circuit: 'CLOSED', backlog: 0, deadLetters: 0, oldestPendingSeconds: 0 }
            : s,
        ),
      ),
    );
    act(() => {
      vi.advanceTimersByTime(10_000);
    });
    await waitFor(() => expect(row(table, 'Acme Health')).toHaveTextContent('Up to date'));
    expect(hub.sent('GET', '/api/operator/delivery').length).toBe(before + 1);
    expect(
      screen.getByRole('table', { name: 'Delivery to 3 insurers. 1 needs attention.' }),
    ).toBeVisible();
  });

  it('pauses deliveries only once confirmed', async () => {
    const { user, table } = await open();
    const city = row(table, 'City Cover');
    const pause = within(city).getByRole('button', { name: 'Pause deliveries to City Cover' });
    await user.click(pause);
    let dialog = screen.getByRole('dialog', { name: 'Pause deliveries to City Cover?' });
    expect(dialog).toHaveTextContent(
      'Changes to doctors keep queueing for City Cover and are delivered when you resume.',
    );
    await user.click(within(dialog).getByRole('button', { name: 'Cancel' }));
    expect(screen.queryByRole('dialog')).toBeNull();
    expect(hub.sent('POST', '/api/operator/insurers/city/pause')).toHaveLength(0);

    const answer = deferred();
    hub.on('POST', '/api/operator/insurers/city/pause', answer.answer);
    await user.click(pause);
    dialog = screen.getByRole('dialog', { name: 'Pause deliveries to City Cover?' });
    await user.click(within(dialog).getByRole('button', { name: 'Pause deliveries' }));
    expect(within(dialog).getByRole('button', { name: 'Pausing…' })).toBeDisabled();
    expect(hub.sent('POST', '/api/operator/insurers/city/pause')).toHaveLength(1);

    hub.on(
      'GET',
      '/api/operator/delivery',
      json(delivery.map((s) => (s.insurerId === 'city' ? { ...s, paused: true } : s))),
    );
    answer.release(json({ ...insurers[2], paused: true }));
    expect(
      await screen.findByText(
        'Deliveries to City Cover are paused. Changes queue up until you resume.',
      ),
    ).toBeVisible();
    expect(screen.queryByRole('dialog')).toBeNull();
    expect(city).toHaveTextContent('Paused');
    expect(
      within(city).getByRole('button', { name: 'Resume deliveries to City Cover' }),
    ).toHaveFocus();
  });

  it('shows why a pause failed inside the dialog', async () => {
    const { user, table } = await open();
    hub.on(
      'POST',
      '/api/operator/insurers/city/pause',
      problem(404, { detail: 'No insurer city.' }),
    );
    await user.click(within(row(table, 'City Cover')).getByRole('button', { name: /^Pause/ }));
    const dialog = screen.getByRole('dialog');
    await user.click(within(dialog).getByRole('button', { name: 'Pause deliveries' }));
    expect(await within(dialog).findByRole('alert')).toHaveTextContent('No insurer city.');
  });

  it('resumes deliveries', async () => {
    const { user, table } = await open();
    hub.on('POST', '/api/operator/insurers/bharat/resume', json({ ...insurers[1], paused: false }));
    await user.click(
      within(row(table, 'Bharat Mutual')).getByRole('button', {
        name: 'Resume deliveries to Bharat Mutual',
      }),
    );
    expect(await screen.findByText('Deliveries to Bharat Mutual resumed.')).toBeVisible();
    expect(hub.sent('POST', '/api/operator/insurers/bharat/resume')).toHaveLength(1);
  });

  it('lists an insurer’s dead letters and replays one', async () => {
    hub.on('GET', DEAD_LETTERS, json(deadLetters));
    const { user, table, router } = await open();
    await user.click(
      within(row(table, 'Acme Health')).getByRole('button', {
        name: 'Dead letters of Acme Health',
      }),
    );
    const heading = await screen.findByRole('heading', {
      level: 2,
      name: 'Dead letters: Acme Health (2)',
    });
    expect(heading).toHaveFocus();
    expect(currentPath(router)).toBe('/console/delivery?insurer=acme');
    const panel = screen.getByRole('region', { name: 'Dead letters: Acme Health (2)' });
    const first = within(panel).getByRole('article', { name: 'Dead letter 41' });
    expect(first).toHaveTextContent('Reason');
    expect(first).toHaveTextContent('Practitioner.qualification[0].code: unknown code MBBS');
    expect(first).toHaveTextContent('AnswerHTTP 422');
    expect(first).toHaveTextContent('(version 3)');
    expect(first).toHaveTextContent(`Failed${formatMoment('2026-03-05T09:58:00Z')}`);
    expect(within(first).getByText('The insurer’s answer (OperationOutcome)')).toBeVisible();
    await expectAccessible();

    hub.on('POST', '/api/operator/dead-letters/41/replay', new Response(null, { status: 200 }));
    hub.on('GET', DEAD_LETTERS, json(deadLetters.slice(1)));
    await user.click(within(first).getByRole('button', { name: 'Replay dead letter 41' }));
    expect(
      await within(panel).findByText(
        'Dead letter 41 replayed: the doctor’s current profile is on its way to Acme Health again.',
      ),
    ).toBeVisible();
    await waitFor(() =>
      expect(within(panel).queryByRole('article', { name: 'Dead letter 41' })).toBeNull(),
    );
    expect(
      hub.sent('POST', '/api/operator/dead-letters/41/replay')[0]?.headers.get('X-XSRF-TOKEN'),
    ).toBe('token-1');
  });

  it('shows the problem when a dead letter was replayed already', async () => {
    hub.on('GET', DEAD_LETTERS, json(deadLetters));
    const { user } = await open('/console/delivery?insurer=acme');
    const second = await screen.findByRole('article', { name: 'Dead letter 42' });
    hub.on(
      'POST',
      '/api/operator/dead-letters/42/replay',
      problem(409, { title: 'Conflict', detail: 'Dead letter 42 was replayed at 10:01 by olaf.' }),
    );
    await user.click(within(second).getByRole('button', { name: 'Replay dead letter 42' }));
    expect(await within(second).findByRole('alert')).toHaveTextContent(
      'Dead letter 42 was replayed at 10:01 by olaf.',
    );
    expect(within(second).getByRole('button', { name: 'Replay dead letter 42' })).toBeEnabled();
  });

  it('includes replayed dead letters on request, and closes back to the table', async () => {
    hub.on('GET', DEAD_LETTERS, json([]));
    const { user, table, router } = await open();
    const opener = within(row(table, 'Acme Health')).getByRole('button', {
      name: 'Dead letters of Acme Health',
    });
    await user.click(opener);
    expect(await screen.findByText('No open dead letters for Acme Health.')).toBeVisible();

    hub.on('GET', DEAD_LETTERS, json([{ ...deadLetters[0], replayedAt: '2026-03-05T10:05:00Z' }]));
    await user.click(screen.getByRole('checkbox', { name: 'Include replayed ones' }));
    const replayed = await screen.findByRole('article', { name: 'Dead letter 41' });
    expect(replayed).toHaveTextContent(`Replayed${formatMoment('2026-03-05T10:05:00Z')}`);
    expect(within(replayed).queryByRole('button', { name: /Replay/ })).toBeNull();
    expect(hub.requests.filter((r) => r.path.startsWith(DEAD_LETTERS)).map((r) => r.path)).toEqual([
      DEAD_LETTERS,
      `${DEAD_LETTERS}?all=true`,
    ]);

    await user.click(screen.getByRole('button', { name: 'Close dead letters' }));
    expect(screen.queryByRole('heading', { name: /Dead letters:/ })).toBeNull();
    expect(currentPath(router)).toBe('/console/delivery');
    await waitFor(() => expect(opener).toHaveFocus());
  });

  it("shows the hub's problem, and the last known state when a refresh fails", async () => {
    serveConsole({ insurers });
    hub.on(
      'GET',
      '/api/operator/delivery',
      problem(503, { detail: 'The outbox database is not reachable.' }),
    );
    const { user } = renderApp('/console/delivery', operator);
    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent('The outbox database is not reachable.');

    hub.on('GET', '/api/operator/delivery', json(delivery));
    await user.click(within(alert).getByRole('button', { name: 'Try again' }));
    await screen.findByRole('table');
    hub.on(
      'GET',
      '/api/operator/delivery',
      problem(503, { detail: 'The outbox database is not reachable.' }),
    );
    await user.click(screen.getByRole('button', { name: 'Refresh now' }));
    const stale = await screen.findByRole('alert');
    expect(stale).toHaveTextContent(
      /The outbox database is not reachable\.Showing what was known at/,
    );
    expect(screen.getByRole('table')).toBeVisible();
  });

  it('says when there is nobody to deliver to', async () => {
    serveConsole();
    renderApp('/console/delivery', operator);
    expect(
      await screen.findByRole('heading', { level: 2, name: 'No insurers to deliver to yet' }),
    ).toBeVisible();
    await expectAccessible();
  });
});
