import { screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { expectAccessible } from '../../test/axe';
import { doctor, operator } from '../../test/fixtures';
import { currentPath, renderApp } from '../../test/render';
import { hub } from '../../test/setup';
import {
  anna,
  applications,
  delivery,
  licencePdf,
  queue,
  ravi,
  serveConsole,
  serveDoctor,
} from './testData';

describe('operator console', () => {
  it('is in an operator’s header and home page', async () => {
    renderApp('/', operator);
    await screen.findByRole('heading', { level: 1, name: 'Welcome to DocPort' });
    const nav = screen.getByRole('navigation', { name: 'Main' });
    expect(within(nav).getByRole('link', { name: 'Console' })).toHaveAttribute('href', '/console');
    const cards = screen.getByRole('list', { name: 'What you can do' });
    expect(within(cards).getByRole('link', { name: 'Review queue' })).toHaveAttribute(
      'href',
      '/console/review',
    );
    expect(within(cards).getByRole('link', { name: 'Insurer applications' })).toHaveAttribute(
      'href',
      '/console/insurers',
    );
    expect(within(cards).getByRole('link', { name: 'Delivery health' })).toHaveAttribute(
      'href',
      '/console/delivery',
    );
    expect(within(cards).queryByRole('link', { name: 'Your profile' })).toBeNull();
    await expectAccessible();
  });

  it('is not offered to doctors', async () => {
    renderApp('/', doctor);
    await screen.findByRole('heading', { level: 1, name: 'Welcome to DocPort' });
    const nav = screen.getByRole('navigation', { name: 'Main' });
    expect(within(nav).queryByRole('link', { name: 'Console' })).toBeNull();
    expect(screen.queryByRole('link', { name: 'Review queue' })).toBeNull();
  });

  it('turns doctors away without asking the hub for operators’ data', async () => {
    renderApp('/console/review', doctor);
    expect(
      await screen.findByText('The console is for DocPort operators. Your account cannot use it.'),
    ).toBeVisible();
    expect(hub.requests.filter((r) => r.path.startsWith('/api/operator'))).toEqual([]);
  });

  it('opens on the review queue and counts what waits in each part', async () => {
    serveConsole({ queue, applications: applications.slice(0, 1), delivery });
    serveDoctor(anna, [licencePdf]);
    serveDoctor(ravi, []);
    const { router } = renderApp('/console', operator);
    await screen.findByRole('heading', { level: 1, name: 'Review queue (2)' });
    expect(currentPath(router)).toBe('/console/review');
    const nav = screen.getByRole('navigation', { name: 'Operator console' });
    expect(
      await within(nav).findByRole('link', { name: 'Review queue (2 waiting)' }),
    ).toHaveAttribute('aria-current', 'page');
    expect(
      await within(nav).findByRole('link', { name: 'Insurer applications (1 waiting)' }),
    ).toHaveAttribute('href', '/console/insurers');
    expect(
      await within(nav).findByRole('link', { name: 'Delivery (2 need attention)' }),
    ).toHaveAttribute('href', '/console/delivery');
  });
});
