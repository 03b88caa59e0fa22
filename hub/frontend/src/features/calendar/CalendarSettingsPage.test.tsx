import { screen, waitFor, within } from '@testing-library/react';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { expectAccessible } from '../../test/axe';
import { doctor } from '../../test/fixtures';
import { renderApp } from '../../test/render';
import { json, noContent, problem } from '../../test/server';
import { hub } from '../../test/setup';
import { formatDateTime } from './format';
import { externalCalendars } from './testData';
import type { ExternalCalendar } from './types';

const FEED = '/api/doctors/d-1/calendar-feed';
const EXTERNAL = '/api/doctors/d-1/external-calendars';
const SECRET_URL = 'https://docport.example/ical/Zm9vYmFyYmF6cXV4cXV1eGNvcmdlZ3JhdWx0Z2FycGx5.ics';

beforeAll(async () => {
  await import('./CalendarSettingsPage');
});

function stubClipboard() {
  const writeText = vi.fn().mockResolvedValue(undefined);
  Object.defineProperty(navigator, 'clipboard', { value: { writeText }, configurable: true });
  return writeText;
}

function serve({ feed = true, calendars = externalCalendars } = {}) {
  hub.on('GET', FEED, () =>
    feed
      ? json({ createdAt: '2027-02-01T08:00:00Z' })
      : problem(404, { title: 'No calendar feed', detail: 'The doctor has no calendar feed.' }),
  );
  hub.on('GET', EXTERNAL, json(calendars));
}

async function open() {
  const view = renderApp('/calendar-settings', doctor);
  await screen.findByRole('heading', { level: 1, name: 'Calendar settings' });
  return view;
}

const feedPanel = () =>
  screen.getByRole('region', { name: 'Your appointments in your calendar app' });
const externalPanel = () =>
  screen.getByRole('region', { name: 'Calendars elsewhere that block your time' });

describe('calendar settings', () => {
  it('makes a calendar link, shown once, with a way to copy it', async () => {
    serve({ feed: false });
    hub.on('POST', FEED, json({ url: SECRET_URL, createdAt: '2027-03-01T10:00:00Z' }, 201));
    const { user } = await open();
    const writeText = stubClipboard();
    expect(await within(feedPanel()).findByText(/You have no link/)).toBeVisible();
    await expectAccessible();

    await user.click(within(feedPanel()).getByRole('button', { name: 'Make a link' }));
    const link = await within(feedPanel()).findByLabelText('Your calendar link');
    expect(link).toHaveValue(SECRET_URL);
    expect(link).toHaveAttribute('readonly');
    expect(link).toHaveAccessibleDescription(
      'Copy it now: for your security it is shown only this once.',
    );
    expect(
      within(feedPanel()).getByRole('link', { name: 'Open it in your calendar app' }),
    ).toHaveAttribute('href', SECRET_URL.replace('https:', 'webcal:'));
    await user.click(within(feedPanel()).getByRole('button', { name: 'Copy' }));
    expect(writeText).toHaveBeenCalledWith(SECRET_URL);
    expect(await within(feedPanel()).findByText('Copied.')).toBeVisible();
    expect(hub.sent('POST', FEED)).toHaveLength(1);
  });

  it('makes a new link only after saying the old one stops working', async () => {
    serve();
    hub.on('POST', FEED, json({ url: SECRET_URL, createdAt: '2027-03-01T10:00:00Z' }, 201));
    const { user } = await open();
    expect(
      await within(feedPanel()).findByText(
        new RegExp(`made on ${formatDateTime('2027-02-01T08:00:00Z')}`),
      ),
    ).toBeVisible();
    await user.click(within(feedPanel()).getByRole('button', { name: 'Make a new link' }));
    const dialog = screen.getByRole('dialog', { name: 'Make a new link?' });
    expect(dialog).toHaveTextContent('Your current link stops working at once');
    await user.click(within(dialog).getByRole('button', { name: 'Cancel' }));
    expect(hub.sent('POST', FEED)).toHaveLength(0);

    await user.click(within(feedPanel()).getByRole('button', { name: 'Make a new link' }));
    await user.click(
      within(screen.getByRole('dialog')).getByRole('button', { name: 'Make a new link' }),
    );
    expect(await within(feedPanel()).findByLabelText('Your calendar link')).toHaveValue(SECRET_URL);
    expect(hub.sent('POST', FEED)).toHaveLength(1);
  });

  it('turns the link off after asking', async () => {
    serve();
    hub.on('DELETE', FEED, noContent());
    const { user } = await open();
    await user.click(await within(feedPanel()).findByRole('button', { name: 'Turn off' }));
    const dialog = screen.getByRole('dialog', { name: 'Turn off your calendar link?' });
    await user.click(within(dialog).getByRole('button', { name: 'Turn off the link' }));
    expect(await within(feedPanel()).findByText('Your calendar link is off.')).toBeVisible();
    expect(within(feedPanel()).getByRole('button', { name: 'Make a link' })).toBeVisible();
    expect(hub.sent('DELETE', FEED)).toHaveLength(1);
  });

  it('lists calendars elsewhere with when they were read and what went wrong', async () => {
    serve();
    hub.on('POST', `${EXTERNAL}/${externalCalendars[1]!.id}/poll`, () =>
      json({
        ...externalCalendars[1],
        polledAt: '2027-03-01T10:00:00Z',
        busyPeriods: 2,
        lastError: undefined,
      }),
    );
    const { user } = await open();
    const list = await within(externalPanel()).findByRole('list', {
      name: 'Your calendars elsewhere',
    });
    const [rota, outlook] = within(list).getAllByRole('listitem');
    expect(rota).toHaveTextContent('Hospital rota');
    expect(rota).toHaveTextContent('calendar.google.com');
    expect(rota).toHaveTextContent(
      `Read ${formatDateTime('2027-03-01T09:00:00Z')}: 4 busy times found.`,
    );
    expect(outlook).toHaveTextContent(
      'Could not read it last time: HTTP 404 from outlook.office365.com',
    );
    await expectAccessible();

    await user.click(
      within(outlook!).getByRole('button', { name: 'Read now outlook.office365.com' }),
    );
    await waitFor(() =>
      expect(within(list).getAllByRole('listitem')[1]).toHaveTextContent('2 busy times found.'),
    );
    expect(within(list).getAllByRole('listitem')[1]).not.toHaveTextContent('Could not read it');
  });

  it('adds a calendar, with the hub’s objection beside the address', async () => {
    serve({ calendars: [] });
    hub.once(
      'POST',
      EXTERNAL,
      problem(400, {
        title: 'Invalid calendar',
        detail: 'url: must be an https:// (or webcal://) URL',
        errors: [{ field: 'url', message: 'must be an https:// (or webcal://) URL' }],
      }),
    );
    const added: ExternalCalendar = {
      id: '1a2b3c4d-5e6f-4a5b-8c7d-9e0f1a2b3c4d',
      name: 'Hospital rota',
      host: 'calendar.google.com',
      polledAt: '2027-03-01T10:00:00Z',
      busyPeriods: 3,
    };
    hub.on('POST', EXTERNAL, json(added, 201));
    const { user } = await open();
    expect(await within(externalPanel()).findByText('No calendars added.')).toBeVisible();
    const address = within(externalPanel()).getByLabelText('Private iCal address');

    await user.type(address, 'calendar.google.com/basic.ics');
    await user.click(within(externalPanel()).getByRole('button', { name: 'Add calendar' }));
    await waitFor(() =>
      expect(address).toHaveAccessibleDescription(
        /^Error: Enter the calendar’s address, starting with https:\/\/ or webcal:\/\//,
      ),
    );
    expect(hub.sent('POST', EXTERNAL)).toHaveLength(0);

    await user.clear(address);
    await user.type(address, 'webcal://calendar.google.com/basic.ics');
    await user.click(within(externalPanel()).getByRole('button', { name: 'Add calendar' }));
    await waitFor(() =>
      expect(address).toHaveAccessibleDescription(
        /^Error: must be an https:\/\/ \(or webcal:\/\/\) URL/,
      ),
    );

    await user.type(within(externalPanel()).getByLabelText('Name (optional)'), 'Hospital rota');
    await user.click(within(externalPanel()).getByRole('button', { name: 'Add calendar' }));
    expect(
      await within(externalPanel()).findByText('Hospital rota is added and read.'),
    ).toBeVisible();
    expect(hub.sent('POST', EXTERNAL).map((r) => r.body)).toEqual([
      { url: 'webcal://calendar.google.com/basic.ics' },
      { url: 'webcal://calendar.google.com/basic.ics', name: 'Hospital rota' },
    ]);
    expect(within(externalPanel()).getByRole('list')).toHaveTextContent('3 busy times found.');
    expect(address).toHaveValue('');
  });

  it('removes a calendar after saying its slots are offered again', async () => {
    serve();
    hub.on('DELETE', `${EXTERNAL}/${externalCalendars[0]!.id}`, noContent());
    const { user } = await open();
    const list = await within(externalPanel()).findByRole('list');
    await user.click(within(list).getByRole('button', { name: 'Remove Hospital rota' }));
    const dialog = screen.getByRole('dialog', { name: 'Remove Hospital rota?' });
    expect(dialog).toHaveTextContent('they are offered to insurers again');
    await user.click(within(dialog).getByRole('button', { name: 'Remove calendar' }));
    expect(await screen.findByText('Hospital rota is removed.')).toBeVisible();
    expect(within(list).getAllByRole('listitem')).toHaveLength(1);
    expect(hub.sent('DELETE', `${EXTERNAL}/${externalCalendars[0]!.id}`)).toHaveLength(1);
  });
});
