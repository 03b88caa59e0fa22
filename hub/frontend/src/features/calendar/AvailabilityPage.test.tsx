import { screen, waitFor, within } from '@testing-library/react';
import { beforeAll, describe, expect, it } from 'vitest';
import { expectAccessible } from '../../test/axe';
import { doctor, operator } from '../../test/fixtures';
import { renderApp } from '../../test/render';
import { json, problem } from '../../test/server';
import { hub } from '../../test/setup';
import { formatWallTime } from './format';
import { availability, practices } from './testData';
import type { AffectedAppointment, Availability } from './types';

const PATH = '/api/doctors/d-1/availability';

function serve(current: Availability = availability, etag = '"3"') {
  hub.on('GET', PATH, () => json(current, 200, { ETag: etag }));
  hub.on('GET', '/api/doctors/d-1/locations', json(practices));
}

function savesAs(etag = '"4"') {
  hub.on('PUT', PATH, (request) => json(request.body, 200, { ETag: etag }));
}

async function open() {
  const view = renderApp('/availability', doctor);
  await screen.findByRole('heading', { level: 1, name: 'Availability' });
  await screen.findByRole('region', { name: 'Hours at Berger Clinic' });
  return view;
}

const region = (name: string) => screen.getByRole('region', { name });
const group = (name: string, within_: HTMLElement = document.body) =>
  within(within_).getByRole('group', { name });
const range = (start: string, end: string) => `${formatWallTime(start)}–${formatWallTime(end)}`;

const affected: AffectedAppointment = {
  id: 'appt-9',
  insurerId: 'acme-health',
  start: '2027-04-01T04:00:00Z',
  end: '2027-04-01T04:15:00Z',
  locationId: 'loc-1',
  serviceId: 'consult',
  serviceName: 'Consultation',
  reason: 'leave: Conference',
};

// The route loads the page's code on the first visit; load it once here, so that each test
// times only itself.
beforeAll(async () => {
  await import('./AvailabilityPage');
});

describe('availability', () => {
  it("shows each practice's week at a glance, Monday to Sunday", async () => {
    serve();
    await open();
    const week = screen.getByRole('list', { name: 'Your week at Berger Clinic' });
    const [monday, tuesday, wednesday] = within(week)
      .getAllByRole('listitem')
      .filter((item) => item.parentElement === week);
    expect(monday).toHaveTextContent('Monday');
    expect(
      within(monday!)
        .getAllByRole('button')
        .map((b) => b.textContent),
    ).toEqual([
      `${range('09:00', '13:00')} Consultation, change hours 1`,
      `${range('15:00', '17:00')} Consultation, change hours 2`,
    ]);
    expect(tuesday).toHaveTextContent('Closed');
    expect(within(wednesday!).getAllByRole('button')).toHaveLength(1);
    expect(within(region('Hours at Berger Clinic')).getByLabelText('Time zone')).toHaveValue(
      'Asia/Kolkata',
    );
    // The profile's other practice, without hours yet.
    const rao = region('Hours at Rao Clinic');
    expect(within(rao).getByText(/No weekly hours here yet/)).toBeVisible();
    expect(screen.getByRole('link', { name: 'Availability' })).toHaveAttribute(
      'aria-current',
      'page',
    );
    await expectAccessible();
  });

  it('takes the doctor from a block of the week to the hours that set it', async () => {
    serve();
    const { user } = await open();
    const berger = region('Hours at Berger Clinic');
    await user.click(within(berger).getByRole('button', { name: /change hours 2$/ }));
    expect(within(group('Hours 2', berger)).getByLabelText('From')).toHaveFocus();
  });

  it('saves new hours with If-Match, keeping the allotments, without a preview', async () => {
    serve();
    savesAs();
    const { user } = await open();
    const rao = region('Hours at Rao Clinic');
    await user.click(within(rao).getByRole('button', { name: 'Add weekly hours' }));
    const hours = group('Hours 1', rao);
    await user.click(within(hours).getByRole('checkbox', { name: 'Friday' }));
    await user.clear(within(hours).getByLabelText('Until'));
    await user.type(within(hours).getByLabelText('Until'), '12:30');
    const zone = within(rao).getByLabelText('Time zone');
    expect(document.getElementById('time-zones')).toBeNull();
    await user.clear(zone);
    expect(document.getElementById('time-zones')).toContainHTML('<option value="Asia/Kolkata">');
    await user.type(zone, 'asia/kolkata');
    await user.tab();
    expect(zone).toHaveValue('Asia/Kolkata');
    expect(
      within(screen.getByRole('list', { name: 'Your week at Rao Clinic' })).getAllByRole('button'),
    ).toHaveLength(4);
    await user.click(screen.getByRole('button', { name: 'Save availability' }));

    expect(await screen.findByText(/Your availability is saved/)).toBeVisible();
    expect(hub.sent('POST', `${PATH}/preview`)).toHaveLength(0);
    const [put] = hub.sent('PUT', PATH);
    expect(put?.headers.get('If-Match')).toBe('"3"');
    const sent = put?.body as Availability;
    expect(sent.allotments).toEqual(availability.allotments);
    expect(sent.services?.[0]?.type).toEqual(availability.services?.[0]?.type);
    expect(sent.locations?.[1]).toEqual({
      locationId: 'loc-2',
      timeZone: 'Asia/Kolkata',
      weekly: [
        {
          days: ['MONDAY', 'TUESDAY', 'WEDNESDAY', 'THURSDAY'],
          start: '09:00',
          end: '12:30',
          service: 'consult',
        },
      ],
      extra: [],
    });

    // The next save sends the new version.
    await user.click(screen.getByRole('button', { name: 'Save availability' }));
    await waitFor(() => expect(hub.sent('PUT', PATH)).toHaveLength(2));
    expect(hub.sent('PUT', PATH)[1]?.headers.get('If-Match')).toBe('"4"');
  });

  it('shows the booked appointments new leave affects, and saves only when asked', async () => {
    serve();
    savesAs();
    hub.on('POST', `${PATH}/preview`, json({ affected: [affected] }));
    hub.on(
      'GET',
      '/api/doctors/d-1/insurers',
      json([
        {
          insurerId: 'acme-health',
          name: 'Acme Health',
          networks: [],
          joinable: true,
          deliveryPaused: false,
        },
      ]),
    );
    const { user } = await open();
    const leave = region('Leave and days off');
    await user.click(within(leave).getByRole('button', { name: 'Add leave' }));
    const first = group('Leave 1', leave);
    await user.clear(within(first).getByLabelText('First day'));
    await user.type(within(first).getByLabelText('First day'), '2027-04-01');
    await user.clear(within(first).getByLabelText('Last day'));
    await user.type(within(first).getByLabelText('Last day'), '2027-04-02');
    await user.type(within(first).getByLabelText('Reason (optional)'), 'Conference');
    await user.click(screen.getByRole('button', { name: 'Save availability' }));

    const dialog = await screen.findByRole('dialog', {
      name: 'This booked appointment falls outside your new hours',
    });
    expect(dialog).toHaveTextContent('Consultation at Berger Clinic, booked through Acme Health');
    expect(dialog).toHaveTextContent('Why: leave: Conference');
    expect(dialog).toHaveTextContent('(Asia/Kolkata)');
    const [previewed] = hub.sent('POST', `${PATH}/preview`);
    expect(previewed?.headers.get('If-Match')).toBeNull();
    expect((previewed?.body as Availability).leave).toEqual([
      { start: '2027-04-01T00:00', end: '2027-04-03T00:00', reason: 'Conference' },
    ]);
    expect(within(dialog).getByRole('button', { name: 'Go back' })).toHaveFocus();
    await expectAccessible();

    await user.click(within(dialog).getByRole('button', { name: 'Go back' }));
    expect(hub.sent('PUT', PATH)).toHaveLength(0);
    expect(screen.queryByRole('dialog')).not.toBeInTheDocument();

    await user.click(screen.getByRole('button', { name: 'Save availability' }));
    const again = await screen.findByRole('dialog');
    await user.click(within(again).getByRole('button', { name: 'Save anyway' }));
    expect(await screen.findByText(/Your availability is saved/)).toBeVisible();
    expect((hub.sent('PUT', PATH)[0]?.body as Availability).leave).toHaveLength(1);
  });

  it('saves at once when the hours taken away affect no booked appointment', async () => {
    serve();
    savesAs();
    hub.on('POST', `${PATH}/preview`, json({ affected: [] }));
    const { user } = await open();
    const berger = region('Hours at Berger Clinic');
    await user.click(
      within(group('Hours 2', berger)).getByRole('button', { name: 'Remove Hours 2' }),
    );
    await user.click(screen.getByRole('button', { name: 'Save availability' }));
    expect(await screen.findByText(/Your availability is saved/)).toBeVisible();
    expect(hub.sent('POST', `${PATH}/preview`)).toHaveLength(1);
    expect((hub.sent('PUT', PATH)[0]?.body as Availability).locations?.[0]?.weekly).toHaveLength(1);
  });

  it('shows a change made elsewhere meanwhile, and lets the doctor choose', async () => {
    serve();
    const theirs: Availability = { ...availability, horizonWeeks: 12, leave: [] };
    hub.once('PUT', PATH, problem(412, { title: 'Availability changed meanwhile' }));
    savesAs('"6"');
    // Saving 8 weeks over their 12 takes time away: the hub is asked first.
    hub.on('POST', `${PATH}/preview`, json({ affected: [] }));
    const { user } = await open();
    const services = region('Services');
    await user.clear(within(services).getByLabelText('Name'));
    await user.type(within(services).getByLabelText('Name'), 'First consultation');
    serve(theirs, '"5"');
    await user.click(screen.getByRole('button', { name: 'Save availability' }));

    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent('changed somewhere else while you were editing');
    expect(within(alert).getByRole('list')).toHaveTextContent('How far ahead');
    expect(alert).toHaveFocus();
    expect(within(services).getByLabelText('Name')).toHaveValue('First consultation');

    await user.click(within(alert).getByRole('button', { name: 'Save my version instead' }));
    expect(await screen.findByText(/Your availability is saved/)).toBeVisible();
    const [, second] = hub.sent('PUT', PATH);
    expect(second?.headers.get('If-Match')).toBe('"5"');
    expect((second?.body as Availability).services?.[0]?.name).toBe('First consultation');
  });

  it('can drop its own changes for the version saved elsewhere', async () => {
    serve();
    hub.on('PUT', PATH, problem(412, { title: 'Availability changed meanwhile' }));
    const { user } = await open();
    await user.clear(screen.getByLabelText('Weeks ahead patients can book'));
    await user.type(screen.getByLabelText('Weeks ahead patients can book'), '4');
    serve({ ...availability, horizonWeeks: 10 }, '"5"');
    hub.on('POST', `${PATH}/preview`, json({ affected: [] }));
    await user.click(screen.getByRole('button', { name: 'Save availability' }));
    const alert = await screen.findByRole('alert');
    await user.click(
      within(alert).getByRole('button', { name: 'Show the current version (drop my changes)' }),
    );
    expect(screen.getByLabelText('Weeks ahead patients can book')).toHaveValue(10);
    expect(screen.getByText(/This is the current version/)).toBeVisible();
  });

  it("places the hub's field errors beside their fields, the rest in the alert", async () => {
    serve();
    hub.on(
      'PUT',
      PATH,
      problem(400, {
        title: 'Invalid availability',
        detail: '4 fields are invalid; see errors',
        errors: [
          { field: 'services[0].slotMinutes', message: 'must be 5 to 480 minutes, was 600' },
          {
            field: 'locations[0].weekly[1]',
            message: 'overlaps weekly[0] on MONDAY; a doctor sees one patient at a time',
          },
          { field: 'locations[1].timeZone', message: 'required: an IANA time zone' },
          { field: 'allotments[0].insurerId', message: 'no insurer "acme-health" on DocPort' },
        ],
      }),
    );
    const { user } = await open();
    await user.click(screen.getByRole('button', { name: 'Save availability' }));

    const length = within(region('Services')).getByLabelText('Length (minutes)');
    await waitFor(() =>
      expect(length).toHaveAccessibleDescription(
        'Error: Must be 5 to 480 minutes, was 600. 5 to 480.',
      ),
    );
    expect(length).toHaveFocus();
    expect(
      within(group('Hours 2', region('Hours at Berger Clinic'))).getByLabelText('From'),
    ).toHaveAccessibleDescription(
      'Error: Overlaps hours 1 on Monday; a doctor sees one patient at a time.',
    );
    expect(
      within(region('Hours at Rao Clinic')).getByLabelText('Time zone'),
    ).toHaveAccessibleDescription(
      /^Error: Required: an IANA time zone\. The hours at this practice are in this time zone\./,
    );
    const alert = screen.getByRole('alert');
    expect(alert).toHaveTextContent('Please correct the 3 marked fields.');
    expect(alert).toHaveTextContent(
      'Slots reserved for insurers: No insurer "acme-health" on DocPort.',
    );
  });

  it('checks hours before sending: an end before the start, overlapping hours', async () => {
    serve();
    const { user } = await open();
    const berger = region('Hours at Berger Clinic');
    const second = group('Hours 2', berger);
    await user.clear(within(second).getByLabelText('From'));
    await user.type(within(second).getByLabelText('From'), '12:00');
    const first = group('Hours 1', berger);
    await user.clear(within(first).getByLabelText('Until'));
    await user.type(within(first).getByLabelText('Until'), '08:00');
    await user.click(screen.getByRole('button', { name: 'Save availability' }));

    await waitFor(() =>
      expect(within(first).getByLabelText('Until')).toHaveAccessibleDescription(
        /^Error: The end must be after the start/,
      ),
    );
    expect(hub.sent('PUT', PATH)).toHaveLength(0);
    await user.clear(within(first).getByLabelText('Until'));
    await user.type(within(first).getByLabelText('Until'), '13:00');
    await user.click(screen.getByRole('button', { name: 'Save availability' }));
    await waitFor(() =>
      expect(within(second).getByLabelText('From')).toHaveAccessibleDescription(
        'Error: Overlaps hours 1 on a day they share: you see one patient at a time.',
      ),
    );
    expect(hub.sent('PUT', PATH)).toHaveLength(0);
  });

  it('adds a video service, its code made from its name', async () => {
    serve();
    savesAs();
    const { user } = await open();
    const services = region('Services');
    await user.click(within(services).getByRole('button', { name: 'Add a service' }));
    const second = group('Service 2', services);
    await user.type(within(second).getByLabelText('Name'), 'Video follow-up');
    await user.tab();
    expect(within(second).getByLabelText('Short code')).toHaveValue('video-follow-up');
    await user.selectOptions(within(second).getByLabelText('Where'), 'TELEMEDICINE');
    await user.click(screen.getByRole('button', { name: 'Save availability' }));
    const link = await within(second).findByLabelText('Video call link');
    await waitFor(() =>
      expect(link).toHaveAccessibleDescription(/^Error: Enter the https:\/\/ link patients join/),
    );
    await user.click(link);
    await user.paste('https://meet.example/anna');
    await user.click(screen.getByRole('button', { name: 'Save availability' }));
    await screen.findByText(/Your availability is saved/);
    expect((hub.sent('PUT', PATH)[0]?.body as Availability).services?.[1]).toEqual({
      id: 'video-follow-up',
      name: 'Video follow-up',
      slotMinutes: 15,
      bufferMinutes: 0,
      mode: 'TELEMEDICINE',
      meetingLink: 'https://meet.example/anna',
    });
  });

  it('asks before leaving with unsaved changes', async () => {
    serve();
    const { user, router } = await open();
    await user.click(screen.getByRole('link', { name: 'Home' }));
    expect(router.state.location.pathname).toBe('/');
    const nav = screen.getByRole('navigation', { name: 'Main' });
    await user.click(within(nav).getByRole('link', { name: 'Availability' }));
    await screen.findByRole('region', { name: 'Hours at Berger Clinic' });

    await user.clear(screen.getByLabelText('Weeks ahead patients can book'));
    await user.type(screen.getByLabelText('Weeks ahead patients can book'), '10');
    await user.click(screen.getByRole('link', { name: 'Home' }));
    const dialog = screen.getByRole('dialog', { name: 'Leave without saving?' });
    await user.click(within(dialog).getByRole('button', { name: 'Stay and save' }));
    expect(router.state.location.pathname).toBe('/availability');
    expect(screen.getByLabelText('Weeks ahead patients can book')).toHaveValue(10);

    await user.click(screen.getByRole('link', { name: 'Home' }));
    await user.click(screen.getByRole('button', { name: 'Leave without saving' }));
    await waitFor(() => expect(router.state.location.pathname).toBe('/'));
  });

  it('asks for a practice location first when the profile has none', async () => {
    hub.on('GET', PATH, json({}, 200, { ETag: '"0"' }));
    hub.on('GET', '/api/doctors/d-1/locations', json([]));
    renderApp('/availability', doctor);
    expect(await screen.findByText(/Your profile has no practice location yet/)).toBeVisible();
    expect(
      screen.getByRole('link', { name: 'Add a practice location to your profile' }),
    ).toHaveAttribute('href', '/profile');
    await expectAccessible();
  });

  it('is for doctors only', async () => {
    renderApp('/availability', operator);
    expect(await screen.findByText('This page is for doctors.')).toBeVisible();
  });
});
