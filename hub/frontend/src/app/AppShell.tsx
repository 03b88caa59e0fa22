import { Link, NavLink, Outlet, useNavigation } from 'react-router';
import { Loading } from '../components/Loading';
import { PageHeading } from '../components/PageHeading';
import { useSessionQuery, type Session } from '../features/auth/api';
import { SignOutButton } from '../features/auth/SignOutButton';
import { t } from '../i18n';

function Header({ session }: { session: Session | null }) {
  const signedIn = session?.stage === 'SIGNED_IN';
  const doctor = session?.role === 'DOCTOR';
  return (
    <header className="header">
      <div className="header__inner">
        <Link to="/" className="brand">
          <span className="brand__mark" aria-hidden="true" />
          {t('app.name')}
        </Link>
        {signedIn ? (
          <nav aria-label={t('layout.mainNav')} className="nav">
            <ul>
              <li>
                <NavLink to="/" end>
                  {t('layout.home')}
                </NavLink>
              </li>
              {doctor ? (
                <>
                  <li>
                    <NavLink to="/profile">{t('layout.profile')}</NavLink>
                  </li>
                  <li>
                    <NavLink to="/onboarding">{t('layout.onboarding')}</NavLink>
                  </li>
                  <li>
                    <NavLink to="/insurers">{t('insurers.nav')}</NavLink>
                  </li>
                  <li>
                    <NavLink to="/privacy">{t('privacy.nav')}</NavLink>
                  </li>
                  <li>
                    <NavLink to="/appointments">{t('layout.appointments')}</NavLink>
                  </li>
                  <li>
                    <NavLink to="/availability">{t('layout.availability')}</NavLink>
                  </li>
                </>
              ) : null}
              {session.role === 'OPERATOR' ? (
                <li>
                  <NavLink to="/console">{t('console.link')}</NavLink>
                </li>
              ) : null}
              <li>
                <NavLink to="/security">{t('layout.security')}</NavLink>
              </li>
            </ul>
          </nav>
        ) : null}
        {session ? (
          <div className="header__user">
            <span className="header__who">
              <span className="visually-hidden">{t('layout.signedInAs')} </span>
              {session.email ?? session.username}
            </span>
            <SignOutButton />
          </div>
        ) : null}
      </div>
    </header>
  );
}

function Unreachable({ onRetry }: { onRetry: () => void }) {
  return (
    <div className="narrow">
      <PageHeading>{t('app.unreachable.title')}</PageHeading>
      <p>{t('app.unreachable.body')}</p>
      <button type="button" className="button button--primary" onClick={onRetry}>
        {t('app.tryAgain')}
      </button>
    </div>
  );
}

/**
 * The frame of every page: skip link, header, `<main>` and footer. Pages render only once the
 * session is known, so that guards can decide and the CSRF cookie is set before any form is sent.
 */
export function AppShell() {
  const session = useSessionQuery();
  const navigation = useNavigation();
  return (
    <>
      <a href="#main" className="skip-link">
        {t('layout.skipLink')}
      </a>
      <Header session={session.data ?? null} />
      <main id="main" tabIndex={-1} className="main" aria-busy={navigation.state === 'loading'}>
        {navigation.state === 'loading' ? <div className="progress" aria-hidden="true" /> : null}
        {session.isPending ? (
          <Loading label={t('app.loading')} />
        ) : session.isError ? (
          <Unreachable onRetry={() => void session.refetch()} />
        ) : (
          <Outlet />
        )}
      </main>
      <footer className="footer">
        <p>{t('layout.footer')}</p>
      </footer>
    </>
  );
}

/** The page while the app's first screen loads. */
export function StartingUp() {
  return (
    <main id="main" tabIndex={-1} className="main">
      <Loading label={t('app.loading')} />
    </main>
  );
}
