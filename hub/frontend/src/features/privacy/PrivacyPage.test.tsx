import { screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { expectAccessible } from '../../test/axe';
import { doctor } from '../../test/fixtures';
import { renderApp } from '../../test/render';
import { json, problem } from '../../test/server';
import { hub } from '../../test/setup';
import { formatDay } from '../insurers/format';
import { insurer } from '../insurers/testData';
import type { Disclosure, DisclosurePage, HistoryPage } from './api';

const DISCLOSURES = '/api/doctors/d-1/disclosures';
const HISTORY = '/api/doctors/d-1/history';

const hoursAgo = (hours: number) => new Date(Date.now() - hours * 3_600_000).toISOString();
const LONG_AGO = '2025-11-03T09:30:00Z';

function disclosure(
  id: number,
  insurerId: string,
  interaction: string,
  at: string,
  more: Partial<Disclosure> = {},
): Disclosure {
  return {
    id,
    at,
    insurerId,
    clientId: `${insurerId}-directory`,
    interaction,
    request: `Practitioner?_id=d-1&i=${id}`,
    resources: 1,
    doctorId: 'd-1',
    ...more,
  };
}

function page(disclosures: Disclosure[], next?: string): DisclosurePage {
  return next ? { disclosures, next } : { disclosures };
}

function serve(first: DisclosurePage, history: HistoryPage = { events: [] }) {
  hub.on(
    'GET',
    '/api/doctors/d-1/insurers',
    json([insurer('acme', 'Acme Health'), insurer('bright', 'Bright Care')]),
  );
  hub.on('GET', DISCLOSURES, json(first));
  hub.on('GET', HISTORY, json(history));
}

/** The paths and queries of the disclosure pages asked for. */
const asked = () => hub.requests.filter((r) => r.path.startsWith(DISCLOSURES)).map((r) => r.path);

async function open() {
  const rendered = renderApp('/privacy', doctor);
  await screen.findByRole('heading', { level: 1, name: 'Who saw my data' });
  return rendered;
}

const today = [
  disclosure(40, 'acme', 'read', hoursAgo(0), { request: 'Practitioner/d-1' }),
  disclosure(39, 'bright', 'search-type', hoursAgo(0), {
    request: 'PractitionerRole?specialty=207Q00000X',
    resources: 3,
  }),
  disclosure(38, 'acme', 'subscription-notification', hoursAgo(0)),
];

describe('who saw my data', () => {
  it('tells what each insurer received, in words, by day, with a summary', async () => {
    serve(page([...today, disclosure(12, 'acme', 'export', LONG_AGO, { resources: 7 })]), {
      events: [
        {
          id: 9,
          at: hoursAgo(1),
          kind: 'CONSENT_CHANGED',
          insurerId: 'acme',
          doctorVersion: 5,
          actor: 'consent-saga',
        },
        { id: 8, at: LONG_AGO, kind: 'DOCTOR_UPDATED', doctorVersion: 4, actor: doctor.username },
      ],
    });
    const { user } = await open();

    const activity = await screen.findByRole('region', { name: 'What insurers received' });
    const days = within(activity).getAllByRole('heading', { level: 3 });
    expect(days.map((h) => h.textContent)).toEqual(['Today', formatDay(new Date(LONG_AGO))]);

    const todays = within(screen.getByRole('list', { name: 'Today' })).getAllByRole('listitem');
    expect(todays).toHaveLength(3);
    expect(todays[0]).toHaveTextContent('Acme Health');
    expect(todays[0]).toHaveTextContent('Read your profile · 1 of your records');
    expect(todays[1]).toHaveTextContent('Bright Care');
    expect(todays[1]).toHaveTextContent('Found you in a search · 3 of your records');
    expect(todays[2]).toHaveTextContent('Was notified of your change');
    const older = within(activity).getByRole('list', { name: formatDay(new Date(LONG_AGO)) });
    expect(older).toHaveTextContent(
      'Exported the directory, which included you · 7 of your records',
    );

    // The raw request, for the curious.
    const request = within(todays[1]!).getByText('PractitionerRole?specialty=207Q00000X');
    expect(request).not.toBeVisible();
    await user.click(within(todays[1]!).getByText('Request details'));
    expect(request).toBeVisible();
    expect(todays[1]).toHaveTextContent('bright-directory');

    const summary = screen.getByRole('region', { name: 'By insurer' });
    const rows = within(summary).getAllByRole('listitem');
    expect(rows.map((r) => r.textContent)).toEqual([
      'Acme Health: 1 read, 1 export, 1 notification',
      'Bright Care: 1 search',
    ]);
    expect(summary).toHaveTextContent('Counted over all 4 records.');

    const history = screen.getByRole('region', { name: 'Changes to your profile' });
    const changes = within(history).getAllByRole('listitem');
    expect(changes[0]).toHaveTextContent(
      'Your connection to Acme Health changed (version 5), by consent-saga',
    );
    expect(changes[1]).toHaveTextContent('Profile changed (version 4), by you');
    await expectAccessible();
  });

  it('shows one insurer at a time', async () => {
    serve(page(today));
    const { user } = await open();
    const filter = await screen.findByRole('combobox', { name: 'Insurer' });
    expect(
      within(filter)
        .getAllByRole('option')
        .map((o) => o.textContent),
    ).toEqual(['All insurers', 'Acme Health', 'Bright Care']);
    await user.selectOptions(filter, 'Bright Care');
    const items = within(screen.getByRole('list', { name: 'Today' })).getAllByRole('listitem');
    expect(items).toHaveLength(1);
    expect(items[0]).toHaveTextContent('Found you in a search');
    // The summary still counts every insurer.
    expect(
      within(screen.getByRole('region', { name: 'By insurer' })).getAllByRole('listitem'),
    ).toHaveLength(2);
    await expectAccessible();
  });

  it('loads older records until there are none', async () => {
    serve(page(today, '/api/doctors/d-1/disclosures?before=38&limit=50'));
    hub.once(
      'GET',
      DISCLOSURES,
      json(page(today, '/api/doctors/d-1/disclosures?before=38&limit=50')),
    );
    hub.once(
      'GET',
      DISCLOSURES,
      json(page([disclosure(12, 'bright', 'history-instance', LONG_AGO)])),
    );
    const { user } = await open();
    const summary = await screen.findByRole('region', { name: 'By insurer' });
    expect(summary).toHaveTextContent('Counted over the 3 records shown below.');
    expect(asked()[0]).toBe(`${DISCLOSURES}?limit=50`);

    await user.click(screen.getByRole('button', { name: 'Load older' }));

    const older = await screen.findByRole('list', { name: formatDay(new Date(LONG_AGO)) });
    expect(older).toHaveTextContent('Looked at the history of your profile');
    expect(asked()[1]).toBe(`${DISCLOSURES}?limit=50&before=38`);
    expect(screen.queryByRole('button', { name: 'Load older' })).toBeNull();
    const end = screen.getByText('That is everything: there are no older records.');
    await waitFor(() => expect(end).toHaveFocus());
    expect(screen.getByText('1 older record loaded.')).toBeInTheDocument();
    expect(summary).toHaveTextContent('Bright Care: 1 search, 1 look at the history');
    expect(summary).toHaveTextContent('Counted over all 4 records.');
    await expectAccessible();
  });

  it('says so when no insurer has read anything yet', async () => {
    serve(page([]));
    await open();
    expect(
      await screen.findByRole('heading', { level: 2, name: 'No insurer has read your data yet.' }),
    ).toBeVisible();
    expect(screen.getByRole('link', { name: 'Choose your insurers' })).toHaveAttribute(
      'href',
      '/insurers',
    );
    expect(screen.queryByRole('combobox', { name: 'Insurer' })).toBeNull();
    expect(await screen.findByText('No changes yet.')).toBeVisible();
    expect(screen.getByRole('link', { name: 'Who saw my data' })).toHaveAttribute(
      'aria-current',
      'page',
    );
    await expectAccessible();
  });

  it('shows why the records could not be loaded, and names insurers by id without their list', async () => {
    hub.on('GET', '/api/doctors/d-1/insurers', problem(503, { title: 'Service Unavailable' }));
    hub.once('GET', DISCLOSURES, problem(500, { detail: 'The audit trail is not available' }));
    hub.on('GET', DISCLOSURES, json(page([disclosure(5, 'acme', 'vread', hoursAgo(0))])));
    hub.on('GET', HISTORY, json({ events: [] }));
    const { user } = await open();
    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent('The audit trail is not available');
    await user.click(within(alert).getByRole('button', { name: 'Try again' }));
    const today = await screen.findByRole('list', { name: 'Today' });
    expect(today).toHaveTextContent('acme');
    expect(today).toHaveTextContent('Read an earlier version of your profile');
  });
});
