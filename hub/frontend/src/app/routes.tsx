import { Navigate, type RouteObject } from 'react-router';
import { RequireSignedIn, ENROL_PATH } from '../features/auth/RequireSignedIn';
import { SignInPage } from '../features/auth/SignInPage';
import { HomePage } from '../features/home/HomePage';
import { AppShell, StartingUp } from './AppShell';
import { RouteError, ShellError } from './RouteError';

/**
 * The app's routes. Sign-in and home are in the main bundle; every other page is loaded when
 * first visited. New features add their routes under the guard.
 */
export const routes: RouteObject[] = [
  {
    element: <AppShell />,
    errorElement: <ShellError />,
    // Shown while the first page's code loads, when the app opens on a lazily loaded page.
    hydrateFallbackElement: <StartingUp />,
    children: [
      {
        errorElement: <RouteError />,
        children: [
          { path: 'sign-in', element: <SignInPage /> },
          {
            path: 'second-factor',
            lazy: async () => ({
              Component: (await import('../features/auth/SecondFactorPage')).SecondFactorPage,
            }),
          },
          {
            path: 'register',
            lazy: async () => ({
              Component: (await import('../features/accounts/RegisterPage')).RegisterPage,
            }),
          },
          {
            path: 'verify-email',
            lazy: async () => ({
              Component: (await import('../features/accounts/VerifyEmailPage')).VerifyEmailPage,
            }),
          },
          {
            path: 'unlock',
            lazy: async () => ({
              Component: (await import('../features/accounts/UnlockPage')).UnlockPage,
            }),
          },
          {
            element: <RequireSignedIn />,
            children: [
              { index: true, element: <HomePage /> },
              {
                path: 'security',
                lazy: async () => ({
                  Component: (await import('../features/security/SecurityPage')).SecurityPage,
                }),
              },
              {
                path: 'profile',
                lazy: async () => ({
                  Component: (await import('../features/profile/ProfilePage')).ProfilePage,
                }),
              },
              {
                path: 'onboarding',
                lazy: async () => ({
                  Component: (await import('../features/onboarding/OnboardingPage')).OnboardingPage,
                }),
              },
              {
                path: 'insurers',
                lazy: async () => ({
                  Component: (await import('../features/insurers/InsurersPage')).InsurersPage,
                }),
              },
              {
                path: 'privacy',
                lazy: async () => ({
                  Component: (await import('../features/privacy/PrivacyPage')).PrivacyPage,
                }),
              },
              {
                path: 'console',
                lazy: async () => ({
                  Component: (await import('../features/console/ConsoleLayout')).ConsoleLayout,
                }),
                children: [
                  { index: true, element: <Navigate to="review" replace /> },
                  {
                    path: 'review',
                    lazy: async () => ({
                      Component: (await import('../features/console/review/ReviewQueuePage'))
                        .ReviewQueuePage,
                    }),
                  },
                  {
                    path: 'insurers',
                    lazy: async () => ({
                      Component: (await import('../features/console/insurers/ApplicationsPage'))
                        .ApplicationsPage,
                    }),
                  },
                  {
                    path: 'delivery',
                    lazy: async () => ({
                      Component: (await import('../features/console/delivery/DeliveryPage'))
                        .DeliveryPage,
                    }),
                  },
                ],
              },
              {
                path: 'availability',
                lazy: async () => ({
                  Component: (await import('../features/calendar/AvailabilityPage'))
                    .AvailabilityPage,
                }),
              },
              {
                path: 'appointments',
                lazy: async () => ({
                  Component: (await import('../features/calendar/AppointmentsPage'))
                    .AppointmentsPage,
                }),
              },
              {
                path: 'calendar-settings',
                lazy: async () => ({
                  Component: (await import('../features/calendar/CalendarSettingsPage'))
                    .CalendarSettingsPage,
                }),
              },
              {
                path: ENROL_PATH.slice(1),
                lazy: async () => ({
                  Component: (await import('../features/security/EnrolSecondFactorPage'))
                    .EnrolSecondFactorPage,
                }),
              },
            ],
          },
          {
            path: '*',
            lazy: async () => ({ Component: (await import('./NotFoundPage')).NotFoundPage }),
          },
        ],
      },
    ],
  },
];
