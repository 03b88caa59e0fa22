import { render } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { createMemoryRouter } from 'react-router';
import { AppRouter } from '../app/AppRouter';
import { AppProviders } from '../app/AppProviders';
import { createQueryClient } from '../app/queryClient';
import { routes } from '../app/routes';
import type { Session } from '../features/auth/api';
import { hub } from './setup';
import { json, problem } from './server';

/**
 * Renders the whole app at a path, as a browser would open it, with the fake hub answering
 * `GET /api/session` with this session (or 401 for null).
 */
export function renderApp(path: string, session: Session | null = null) {
  hub.on('GET', '/api/session', () =>
    session ? json(session) : problem(401, { title: 'Unauthorized' }),
  );
  const router = createMemoryRouter(routes, { initialEntries: [path] });
  const queryClient = createQueryClient({ retry: false });
  const user = userEvent.setup();
  const view = render(
    <AppProviders queryClient={queryClient}>
      <AppRouter router={router} />
    </AppProviders>,
  );
  return { ...view, user, router, queryClient };
}

/** The path and query the app is showing. */
export function currentPath(router: { state: { location: { pathname: string; search: string } } }) {
  return router.state.location.pathname + router.state.location.search;
}
