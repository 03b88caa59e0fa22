import { Link } from 'react-router';
import { Loading } from '../../components/Loading';
import { PageHeading } from '../../components/PageHeading';
import { ProblemAlert } from '../../components/ProblemAlert';
import { t } from '../../i18n';
import { useUnlockAccount } from './api';
import { useLinkToken } from './useLinkToken';

/** The page the "account locked" email links to. */
export function UnlockPage() {
  const unlock = useUnlockAccount();
  const token = useLinkToken((linkToken) => unlock.mutate(linkToken));

  if (token && (unlock.isIdle || unlock.isPending)) {
    return (
      <div className="narrow" key="pending">
        <PageHeading>{t('unlock.pendingTitle')}</PageHeading>
        <Loading label={t('unlock.pending')} />
      </div>
    );
  }

  if (unlock.isSuccess) {
    return (
      <div className="narrow" key="done">
        <PageHeading>{t('unlock.doneTitle')}</PageHeading>
        <p className="lead">{t('unlock.done')}</p>
        <p>
          <Link to="/sign-in" className="button button--primary">
            {t('common.signIn')}
          </Link>
        </p>
      </div>
    );
  }

  return (
    <div className="narrow" key="failed">
      <PageHeading>{t('unlock.failedTitle')}</PageHeading>
      {token ? (
        <ProblemAlert error={unlock.error} fallback="unlock.failed" />
      ) : (
        <p className="lead">{t('unlock.missingToken')}</p>
      )}
      <p>{t('unlock.whatNext')}</p>
      <p>
        <Link to="/sign-in">{t('common.signIn')}</Link>
      </p>
    </div>
  );
}
