import { flushSync } from 'react-dom';
import { RouterProvider, type DataRouter } from 'react-router';

// Lets navigations ask to be rendered at once (`navigate(to, { flushSync: true })`).
function flushNow(update: () => unknown): undefined {
  flushSync(update);
}

export function AppRouter({ router }: { router: DataRouter }) {
  return <RouterProvider router={router} flushSync={flushNow} />;
}
