import { screen, waitFor, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { expectAccessible } from '../../test/axe';
import { doctor } from '../../test/fixtures';
import { currentPath, renderApp } from '../../test/render';
import { json, problem } from '../../test/server';
import { hub } from '../../test/setup';
import type { BarChartSpec } from './charts';
import type { PracticeFigures } from './figures';
import { emptyFigures, practiceFigures, TODAY } from './testData';

// Canvas drawing is the browser's; here the chart is a stand-in with the same text alternative.
const chart = vi.hoisted(() => ({ fail: false }));
vi.mock('./BarChart', () => ({
  default: ({ spec, label }: { spec: BarChartSpec; label: string }) => {
    if (chart.fail) throw new Error('The chart could not be drawn');
    return <canvas role="img" aria-label={label} data-bars={spec.labels.length} />;
  },
}));

const STATS = '/api/doctors/d-1/practice-stats';

function serve(figures: PracticeFigures | ((query: URLSearchParams) => Response)) {
  hub.on('GET', '/api/doctors/d-1/onboarding', json({ step: 'ACTIVE' }));
  hub.on('GET', STATS, (request) => {
    const query = new URL(request.path, 'http://hub').searchParams;
    return typeof figures === 'function' ? figures(query) : json(figures);
  });
}

function statsQueries(): URLSearchParams[] {
  return hub.requests
    .filter((r) => r.method === 'GET' && r.path.startsWith(`${STATS}?`))
    .map((r) => new URL(r.path, 'http://hub').searchParams);
}

async function openDashboard(path = '/') {
  const app = renderApp(path, doctor);
  await screen.findByRole('heading', { level: 1, name: 'Your practice' });
  return app;
}

/** Opens the dashboard and waits for its figures. */
async function openFigures(path = '/') {
  const app = await openDashboard(path);
  await screen.findByText('Appointments this week', { selector: 'dt' });
  return app;
}

/** A summary figure's value and note, by its term. */
function figure(term: string) {
  const dt = screen.getByText(term, { selector: 'dt' });
  const [value, note] = within(dt.parentElement!).getAllByRole('definition');
  return { value: value?.textContent, note: note?.textContent };
}

function cells(row: HTMLElement): string[] {
  return Array.from(row.querySelectorAll('th, td')).map((cell) => cell.textContent ?? '');
}

function rowOf(table: HTMLElement, header: string | RegExp): string[] {
  return cells(within(table).getByRole('row', { name: header }));
}

const section = (name: string) => screen.getByRole('region', { name });

beforeEach(() => {
  chart.fail = false;
  vi.useFakeTimers({ toFake: ['Date'] });
  vi.setSystemTime(TODAY);
});

afterEach(() => {
  vi.useRealTimers();
});

describe('practice dashboard', () => {
  it('is an active doctor’s home, asking for this range in the browser’s time zone', async () => {
    serve(practiceFigures());
    await openFigures();

    const [query] = statsQueries();
    expect(query?.get('from')).toBe('2027-01-11');
    expect(query?.get('weeks')).toBe('12');
    expect(query?.get('timeZone')).toBe(Intl.DateTimeFormat().resolvedOptions().timeZone);
    expect(screen.getByLabelText('Weeks shown')).toHaveValue('recent');
    expect(screen.getByLabelText('Weeks shown')).toHaveAccessibleDescription(
      `Weeks start on Monday, in your time zone (${query?.get('timeZone')}).`,
    );
    expect(document.title).toBe('Your practice · DocPort');
  });

  it('sums up this week, cancellations, no-shows and the next four weeks’ slots', async () => {
    serve(practiceFigures());
    await openFigures();

    expect(figure('Appointments this week')).toEqual({ value: '14', note: 'Week of 8 Mar 2027' });
    expect(figure('Cancellation rate')).toEqual({
      value: '9.8%',
      note: '11 of 112 appointments in these weeks',
    });
    expect(figure('No-show rate')).toEqual({
      value: '4.5%',
      note: '5 of 112 appointments in these weeks',
    });
    expect(figure('Slots booked, next 4 weeks')).toEqual({
      value: '36.8%',
      note: '25 of 68 slots on offer',
    });
  });

  it('draws each chart with a heading, a key, a text alternative and its figures in a table', async () => {
    serve(practiceFigures());
    await openFigures();

    const weekly = section('Appointments per week');
    expect(
      await within(weekly).findByRole('img', {
        name: 'Stacked bar chart of appointments per week from 11 Jan 2027 to 4 Apr 2027. The figures are in the table “Appointments per week”.',
      }),
    ).toBeInTheDocument();
    expect(
      within(within(weekly).getByRole('list', { name: 'Key' }))
        .getAllByRole('listitem')
        .map((item) => item.textContent),
    ).toEqual(['Attended', 'Booked, not yet held', 'Cancelled', 'No-show']);
    const weeks = within(weekly).getByRole('table', { name: 'Appointments per week' });
    expect(cells(within(weeks).getAllByRole('row')[0]!)).toEqual([
      'Week of',
      'Attended',
      'Booked, not yet held',
      'Cancelled',
      'No-show',
      'Total',
    ]);
    expect(rowOf(weeks, /^11 Jan 2027/)).toEqual(['11 Jan 2027', '8', '0', '1', '1', '10']);
    expect(rowOf(weeks, /^8 Mar 2027/)).toEqual([
      '8 Mar 2027 (this week)',
      '6',
      '5',
      '2',
      '1',
      '14',
    ]);
    expect(rowOf(weeks, /^All weeks/)).toEqual(['All weeks', '76', '20', '11', '5', '112']);

    const insurers = section('Appointments by insurer');
    await within(insurers).findByRole('img', {
      name: /^Stacked bar chart of appointments by insurer/,
    });
    const byInsurer = within(insurers).getByRole('table', { name: 'Appointments by insurer' });
    expect(rowOf(byInsurer, /^Allianz Care/)).toEqual(['Allianz Care', '60', '7', '3', '70']);
    expect(rowOf(byInsurer, /^Star Health/)).toEqual(['Star Health', '36', '4', '2', '42']);
    expect(rowOf(byInsurer, /^All insurers/)).toEqual(['All insurers', '96', '11', '5', '112']);

    const slots = section('Slot utilisation');
    await within(slots).findByRole('img', {
      name: /^Bar chart of the share of slots booked per week from 8 Mar 2027 to 4 Apr 2027/,
    });
    const utilisation = within(slots).getByRole('table', { name: 'Slot utilisation' });
    expect(within(utilisation).getAllByRole('row')).toHaveLength(5);
    expect(rowOf(utilisation, /^8 Mar 2027/)).toEqual([
      '8 Mar 2027 (this week)',
      '20',
      '12',
      '60%',
    ]);
    expect(rowOf(utilisation, /^29 Mar 2027/)).toEqual([
      '29 Mar 2027',
      '0',
      '0',
      'No slots on offer',
    ]);
    await expectAccessible();
  });

  it('shows a chart’s table on demand', async () => {
    serve(practiceFigures());
    const { user } = await openFigures();
    const weekly = section('Appointments per week');
    const toggle = within(weekly).getByRole('button', { name: 'Show the figures as a table' });
    expect(toggle).toHaveAttribute('aria-pressed', 'false');
    expect(screen.queryByRole('region', { name: 'Appointments per week: table' })).toBeNull();

    await user.click(toggle);
    expect(toggle).toHaveAttribute('aria-pressed', 'true');
    const shown = screen.getByRole('region', { name: 'Appointments per week: table' });
    expect(shown).toHaveAttribute('tabindex', '0');
    expect(within(shown).getByRole('table', { name: 'Appointments per week' })).toBeVisible();
    await expectAccessible();

    await user.click(toggle);
    expect(screen.queryByRole('region', { name: 'Appointments per week: table' })).toBeNull();
  });

  it('switches to the last 26 weeks, and keeps the choice in the address', async () => {
    const half = practiceFigures();
    serve((query) =>
      json(
        query.get('weeks') === '27'
          ? { ...half, weeks: half.weeks.slice(0, 9), insurers: half.insurers.slice(1) }
          : practiceFigures(),
      ),
    );
    const { user, router } = await openFigures();

    await user.selectOptions(screen.getByLabelText('Weeks shown'), 'Last 26 weeks');
    await waitFor(() => expect(statsQueries()).toHaveLength(2));
    expect(statsQueries()[1]?.get('from')).toBe('2026-09-07');
    expect(statsQueries()[1]?.get('weeks')).toBe('27');
    expect(currentPath(router)).toBe('/?range=half');
    await waitFor(() =>
      expect(
        within(section('Appointments by insurer')).queryByRole('row', { name: /^Allianz Care/ }),
      ).toBeNull(),
    );
    expect(figure('Slots booked this week')).toEqual({
      value: '60%',
      note: '12 of 20 slots on offer',
    });
  });

  it('opens on the range in the address', async () => {
    serve(practiceFigures());
    await openDashboard('/?range=quarter');
    await waitFor(() => expect(statsQueries()).toHaveLength(1));
    expect(statsQueries()[0]?.get('from')).toBe('2026-12-14');
    expect(statsQueries()[0]?.get('weeks')).toBe('17');
    expect(screen.getByLabelText('Weeks shown')).toHaveValue('quarter');
  });

  it('says what to do when nothing is booked yet', async () => {
    serve(emptyFigures());
    await openDashboard();
    const empty = await screen.findByRole('region', { name: 'No appointments yet' });
    expect(empty).toHaveTextContent('Set your hours and join insurers to be booked.');
    expect(within(empty).getByRole('link', { name: 'Set your hours' })).toHaveAttribute(
      'href',
      '/availability',
    );
    expect(within(empty).getByRole('link', { name: 'Join insurers' })).toHaveAttribute(
      'href',
      '/insurers',
    );
    expect(screen.queryByRole('table')).toBeNull();
    expect(screen.queryByText('Cancellation rate')).toBeNull();
    await expectAccessible();
  });

  it('shows how full the slots are even before the first booking', async () => {
    serve(emptyFigures(10));
    await openDashboard();
    await screen.findByRole('region', { name: 'No appointments yet' });
    const utilisation = within(section('Slot utilisation')).getByRole('table', {
      name: 'Slot utilisation',
    });
    expect(rowOf(utilisation, /^8 Mar 2027/)).toEqual(['8 Mar 2027 (this week)', '10', '0', '0%']);
  });

  it('says when no slots are on offer from this week on', async () => {
    const figures = practiceFigures();
    serve({
      ...figures,
      weeks: figures.weeks.map((week) =>
        week.offeredSlots === undefined ? week : { ...week, offeredSlots: 0, takenSlots: 0 },
      ),
    });
    await openDashboard();
    const slots = await screen.findByRole('region', { name: 'Slot utilisation' });
    expect(slots).toHaveTextContent('You have no slots on offer from this week on');
    expect(within(slots).getByRole('link', { name: 'Set your hours' })).toHaveAttribute(
      'href',
      '/availability',
    );
    expect(figure('Slots booked, next 4 weeks').note).toBe('No slots on offer');
    expect(figure('Slots booked, next 4 weeks').value).toBe('—No figure');
  });

  it('shows that it is loading, then a failure, and tries again', async () => {
    let answer: (response: Response) => void = () => undefined;
    serve(() => problem(500));
    hub.once(
      'GET',
      STATS,
      () =>
        new Promise<Response>((resolve) => {
          answer = resolve;
        }),
    );
    const { user } = await openDashboard();
    expect(await screen.findByText('Loading your practice figures…')).toBeVisible();

    answer(problem(503, { title: 'Service Unavailable' }));
    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent('Your practice figures could not be loaded. Please try again.');
    await expectAccessible();

    serve(practiceFigures());
    await user.click(within(alert).getByRole('button', { name: 'Try again' }));
    expect(await screen.findByText('Appointments this week', { selector: 'dt' })).toBeVisible();
    expect(screen.queryByRole('alert')).toBeNull();
  });

  it('shows the table when a chart cannot be drawn', async () => {
    chart.fail = true;
    vi.spyOn(console, 'error').mockImplementation(() => undefined);
    serve(practiceFigures());
    await openFigures();
    const weekly = section('Appointments per week');
    expect(
      await within(weekly).findByText(
        'The chart could not be drawn. The figures are in the table below.',
      ),
    ).toBeVisible();
    expect(
      within(weekly).queryByRole('button', { name: 'Show the figures as a table' }),
    ).toBeNull();
    expect(
      within(weekly).getByRole('region', { name: 'Appointments per week: table' }),
    ).toBeVisible();
  });
});
