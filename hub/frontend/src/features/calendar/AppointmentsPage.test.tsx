import { screen, waitFor, within } from '@testing-library/react';
import { afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { expectAccessible } from '../../test/axe';
import { doctor } from '../../test/fixtures';
import { currentPath, renderApp } from '../../test/render';
import { json, problem } from '../../test/server';
import { hub } from '../../test/setup';
import { formatDate, formatLongDate, formatTime, formatTimeRange } from './format';
import { availability, booked, held, needsRescheduling, NOW, practices, slots } from './testData';
import type { Appointment } from './types';

const BASE = '/api/doctors/d-1';
const IST = 'Asia/Kolkata';

/** The hub's appointment book: actions change what the next read answers. */
function serve(appointments: Appointment[] = [booked, held]) {
  let book = appointments;
  hub.on('GET', `${BASE}/appointments`, () => json(book));
  hub.on('GET', `${BASE}/slots`, json(slots));
  hub.on('GET', `${BASE}/locations`, json(practices));
  hub.on('GET', `${BASE}/availability`, json(availability, 200, { ETag: '"3"' }));
  const change = (id: string, to: Partial<Appointment>) => {
    book = book.map((a) => (a.id === id ? { ...a, ...to, version: (a.version ?? 0) + 1 } : a));
    return json(book.find((a) => a.id === id));
  };
  return { change };
}

/** As toHaveTextContent reads text: Intl's narrow spaces as plain ones. */
const plain = (text: string) => text.replace(/\s+/g, ' ');
/** A day of the week view: its short name shown, its date in full for screen readers. */
const dayLink = (date: string) => new RegExp(`\\(${formatLongDate(date)}\\)$`);
const card = (name: RegExp | string) => screen.getByRole('article', { name });
const sentPaths = (what: string) =>
  hub.requests.filter((r) => r.path.startsWith(`${BASE}/${what}?`)).map((r) => r.path);

beforeEach(() => {
  // Only the clock: the tests' timers stay real.
  vi.useFakeTimers({ toFake: ['Date'] });
  vi.setSystemTime(NOW);
});

afterEach(() => {
  vi.useRealTimers();
});

// The route loads the page's code on the first visit; load it once here, so that each test
// times only itself.
beforeAll(async () => {
  await import('./AppointmentsPage');
});

describe('appointments', () => {
  it("shows today's appointments with what can be done with each", async () => {
    serve();
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
    renderApp('/appointments', doctor);
    await screen.findByRole('heading', { level: 1, name: 'Appointments' });
    const priya = await screen.findByRole('article', { name: /^Priya Sharma/ });
    expect(screen.getByRole('heading', { level: 2 })).toHaveTextContent(
      formatLongDate('2027-03-01'),
    );
    expect(sentPaths('appointments')).toEqual([
      `${BASE}/appointments?from=2027-03-01&to=2027-03-02`,
    ]);
    expect(sentPaths('slots')).toEqual([`${BASE}/slots?from=2027-03-01&to=2027-03-02`]);

    expect(priya).toHaveTextContent(plain(formatTimeRange(booked.start!, booked.end!, IST)));
    expect(priya).toHaveTextContent('Booked');
    expect(priya).toHaveTextContent('ServiceConsultation');
    expect(priya).toHaveTextContent('WhereBerger Clinic');
    expect(priya).toHaveTextContent('InsurerAcme Health');
    // It started half an hour ago.
    expect(
      within(priya)
        .getAllByRole('button')
        .map((b) => b.textContent),
    ).toEqual(
      ['Arrived', 'Seen', 'Did not come', 'Cancel'].map(
        (action) => `${action}: Priya Sharma, ${formatTime(booked.start!, IST)}`,
      ),
    );

    const meera = card(/^Meera Iyer/);
    expect(meera).toHaveTextContent('Held');
    expect(meera).toHaveTextContent(
      plain(
        `Held for the patient until ${formatTime(held.holdUntil!, IST)}: confirm it to book it.`,
      ),
    );
    expect(
      within(meera)
        .getAllByRole('button')
        .map((b) => b.textContent?.split(':')[0]),
    ).toEqual(['Confirm', 'Decline']);
    expect(screen.getByText('2 free slots')).toBeVisible();
    expect(screen.getByText('Times are in Asia/Kolkata time.')).toBeVisible();
    expect(screen.getByRole('link', { name: 'Appointments' })).toHaveAttribute(
      'aria-current',
      'page',
    );
    await expectAccessible();
  });

  it('confirms a held appointment', async () => {
    const hub_ = serve();
    hub.on('POST', `${BASE}/appointments/appt-2/confirm`, () =>
      hub_.change('appt-2', { status: 'BOOKED', holdUntil: undefined }),
    );
    const { user } = renderApp('/appointments', doctor);
    const meera = await screen.findByRole('article', { name: /^Meera Iyer/ });
    await user.click(within(meera).getByRole('button', { name: /^Confirm/ }));

    expect(
      await screen.findByText(
        `The appointment with Meera Iyer at ${formatTime(held.start!, IST)} is booked. The insurer is told.`,
      ),
    ).toBeVisible();
    await waitFor(() => expect(card(/^Meera Iyer/)).toHaveTextContent('Booked'));
    expect(card(/^Meera Iyer/)).toHaveFocus();
    expect(hub.sent('POST', `${BASE}/appointments/appt-2/confirm`)).toHaveLength(1);
  });

  it('cancels only with a reason for the patient, and shows why the hub refuses', async () => {
    const hub_ = serve();
    hub.once(
      'POST',
      `${BASE}/appointments/appt-1/cancel`,
      problem(409, {
        title: 'Appointment cannot change',
        detail: 'Appointment appt-1: it is FULFILLED and can no longer be cancelled.',
      }),
    );
    hub.on('POST', `${BASE}/appointments/appt-1/cancel`, (request) =>
      hub_.change('appt-1', {
        status: 'CANCELLED',
        cancelledBy: 'DOCTOR',
        cancellationReason: (request.body as { reason: string }).reason,
      }),
    );
    const { user } = renderApp('/appointments', doctor);
    const priya = await screen.findByRole('article', { name: /^Priya Sharma/ });
    await user.click(within(priya).getByRole('button', { name: /^Cancel/ }));

    const dialog = screen.getByRole('dialog', { name: 'Cancel this appointment?' });
    const reason = within(dialog).getByLabelText('Reason for the patient');
    expect(reason).toHaveFocus();
    expect(dialog).toHaveTextContent(
      `Priya Sharma, ${formatTime(booked.start!, IST)} on ${formatDate('2027-03-01')}`,
    );
    await expectAccessible();
    await user.click(within(dialog).getByRole('button', { name: 'Cancel appointment' }));
    await waitFor(() =>
      expect(reason).toHaveAccessibleDescription(
        'Error: Say why, for the patient. The insurer passes it on to the patient. Up to 500 characters.',
      ),
    );
    expect(hub.sent('POST', `${BASE}/appointments/appt-1/cancel`)).toHaveLength(0);

    await user.type(reason, 'The doctor is unwell today.');
    await user.click(within(dialog).getByRole('button', { name: 'Cancel appointment' }));
    expect(await within(dialog).findByRole('alert')).toHaveTextContent(
      'Appointment appt-1: it is FULFILLED and can no longer be cancelled.',
    );

    await user.click(within(dialog).getByRole('button', { name: 'Cancel appointment' }));
    expect(
      await screen.findByText(
        `The appointment with Priya Sharma at ${formatTime(booked.start!, IST)} is cancelled. The insurer is told.`,
      ),
    ).toBeVisible();
    expect(screen.queryByRole('dialog')).not.toBeInTheDocument();
    expect(hub.sent('POST', `${BASE}/appointments/appt-1/cancel`).map((r) => r.body)).toEqual([
      { reason: 'The doctor is unwell today.' },
      { reason: 'The doctor is unwell today.' },
    ]);
    await waitFor(() =>
      expect(card(/^Priya Sharma/)).toHaveTextContent(
        'You cancelled it: The doctor is unwell today.',
      ),
    );
    expect(within(card(/^Priya Sharma/)).queryAllByRole('button')).toEqual([]);
  });

  it('records a no-show only once the doctor confirms it', async () => {
    const hub_ = serve();
    hub.on('POST', `${BASE}/appointments/appt-1/no-show`, () =>
      hub_.change('appt-1', { status: 'NOSHOW' }),
    );
    const { user } = renderApp('/appointments', doctor);
    const priya = await screen.findByRole('article', { name: /^Priya Sharma/ });
    await user.click(within(priya).getByRole('button', { name: /^Did not come/ }));
    const dialog = screen.getByRole('dialog', { name: 'Record that the patient did not come?' });
    await user.click(within(dialog).getByRole('button', { name: 'Cancel' }));
    expect(hub.sent('POST', `${BASE}/appointments/appt-1/no-show`)).toHaveLength(0);

    await user.click(within(priya).getByRole('button', { name: /^Did not come/ }));
    await user.click(screen.getByRole('button', { name: 'Record no-show' }));
    expect(
      await screen.findByText('Priya Sharma is marked as not come. The insurer is told.'),
    ).toBeVisible();
    expect(hub.sent('POST', `${BASE}/appointments/appt-1/no-show`)).toHaveLength(1);
    await waitFor(() => expect(card(/^Priya Sharma/)).toHaveTextContent('Did not come'));
  });

  it('shows why the hub refuses a change of status beside the appointment', async () => {
    serve();
    hub.on(
      'POST',
      `${BASE}/appointments/appt-1/arrived`,
      problem(409, {
        title: 'Appointment cannot change',
        detail: 'Appointment appt-1: it is CANCELLED, and cannot become ARRIVED.',
      }),
    );
    const { user } = renderApp('/appointments', doctor);
    const priya = await screen.findByRole('article', { name: /^Priya Sharma/ });
    await user.click(within(priya).getByRole('button', { name: /^Arrived/ }));
    expect(await within(priya).findByRole('alert')).toHaveTextContent(
      'it is CANCELLED, and cannot become ARRIVED',
    );
  });

  it('shows a week, Monday first, and moves by weeks', async () => {
    serve([booked, held, needsRescheduling]);
    const { user, router } = renderApp('/appointments?view=week&date=2027-03-03', doctor);
    const wednesday = await screen.findByRole('link', { name: dayLink('2027-03-03') });
    expect(sentPaths('appointments')).toEqual([
      `${BASE}/appointments?from=2027-03-01&to=2027-03-08`,
    ]);
    const day = wednesday.closest('li')!;
    expect(day).toHaveTextContent('Needs rescheduling');
    expect(day).toHaveTextContent(
      plain(`${formatTimeRange(slots[2]!.start!, slots[3]!.end!, IST)}: Leave: Conference`),
    );
    const monday = screen.getByRole('link', { name: dayLink('2027-03-01') }).closest('li')!;
    expect(monday).toHaveTextContent('Priya Sharma');
    expect(monday).toHaveTextContent('Today');
    expect(screen.getByRole('button', { name: 'Week' })).toHaveAttribute('aria-pressed', 'true');
    await expectAccessible();

    await user.click(screen.getByRole('button', { name: 'Next week' }));
    await waitFor(() =>
      expect(sentPaths('appointments')).toContain(
        `${BASE}/appointments?from=2027-03-08&to=2027-03-15`,
      ),
    );
    expect(currentPath(router)).toBe('/appointments?view=week&date=2027-03-08');
    await user.click(screen.getByRole('button', { name: 'Today' }));
    expect(currentPath(router)).toBe('/appointments?view=week&date=2027-03-01');

    await user.click(await screen.findByRole('link', { name: dayLink('2027-03-03') }));
    expect(currentPath(router)).toBe('/appointments?view=day&date=2027-03-03');
    const unnamed = await screen.findByRole('article', { name: /^Patient \(no name given\)/ });
    expect(unnamed).toHaveTextContent('Patient at the insurerM-77');
    expect(unnamed).toHaveTextContent(
      'Outside your hours now (leave: Conference); the insurer is arranging another time.',
    );
  });

  it('lists two weeks, and says so when they are empty', async () => {
    serve([]);
    const { user } = renderApp('/appointments?view=list', doctor);
    expect(await screen.findByText('No appointments in these two weeks.')).toBeVisible();
    expect(sentPaths('appointments')).toEqual([
      `${BASE}/appointments?from=2027-03-01&to=2027-03-15`,
    ]);
    expect(sentPaths('slots')).toEqual([]);
    await user.click(screen.getByRole('button', { name: 'Later' }));
    await waitFor(() =>
      expect(sentPaths('appointments')).toContain(
        `${BASE}/appointments?from=2027-03-15&to=2027-03-29`,
      ),
    );
  });

  it('offers to try again when the appointments cannot be read', async () => {
    serve();
    hub.once('GET', `${BASE}/appointments`, problem(503, { title: 'Service Unavailable' }));
    const { user } = renderApp('/appointments', doctor);
    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent('Service Unavailable');
    await user.click(within(alert).getByRole('button', { name: 'Try again' }));
    expect(await screen.findByRole('article', { name: /^Priya Sharma/ })).toBeVisible();
  });
});
