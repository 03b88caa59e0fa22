import { render, screen } from '@testing-library/react';
import { createMemoryRouter } from 'react-router';
import { describe, expect, it, vi } from 'vitest';
import { expectAccessible } from '../test/axe';
import { AppRouter } from './AppRouter';
import { RouteError } from './RouteError';

function Broken(): never {
  throw new Error('boom');
}

describe('error boundary', () => {
  it('shows a friendly message when a page fails', async () => {
    vi.spyOn(console, 'error').mockImplementation(() => {});
    const router = createMemoryRouter(
      [
        {
          element: (
            <main id="main">
              <Broken />
            </main>
          ),
          errorElement: (
            <main id="main">
              <RouteError />
            </main>
          ),
          path: '/',
        },
      ],
      { initialEntries: ['/'] },
    );
    render(<AppRouter router={router} />);
    expect(
      await screen.findByRole('heading', { level: 1, name: 'Something went wrong' }),
    ).toBeVisible();
    expect(screen.getByRole('button', { name: 'Reload the page' })).toBeVisible();
    expect(screen.getByRole('link', { name: 'Go to the home page' })).toHaveAttribute('href', '/');
    await expectAccessible();
  });
});
