import { useEffect } from 'react';
import { useRouteError } from 'react-router';
import { PageHeading } from '../components/PageHeading';
import { t } from '../i18n';

function Crash() {
  return (
    <div className="narrow">
      <PageHeading>{t('crash.title')}</PageHeading>
      <p>{t('crash.body')}</p>
      <div className="actions">
        <button
          type="button"
          className="button button--primary"
          onClick={() => window.location.reload()}
        >
          {t('crash.reload')}
        </button>
        {/* A full page load, in case the app's state is what broke. */}
        <a href="/" className="button button--secondary">
          {t('common.goHome')}
        </a>
      </div>
    </div>
  );
}

function useLogged() {
  const error = useRouteError();
  useEffect(() => {
    console.error(error);
  }, [error]);
}

/** Shown inside the app's frame when a page fails to render or to load. */
export function RouteError() {
  useLogged();
  return <Crash />;
}

/** Shown when the frame itself fails: its own landmarks, no header. */
export function ShellError() {
  useLogged();
  return (
    <main id="main" tabIndex={-1} className="main">
      <Crash />
    </main>
  );
}
