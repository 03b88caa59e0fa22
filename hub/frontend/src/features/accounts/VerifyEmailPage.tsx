import { Link } from 'react-router';
import { Loading } from '../../components/Loading';
import { PageHeading } from '../../components/PageHeading';
import { ProblemAlert } from '../../components/ProblemAlert';
import { t } from '../../i18n';
import { useVerifyEmail } from './api';
import { useLinkToken } from './useLinkToken';
import { ResendVerification } from './ResendVerification';

/** The page the verification email links to: spends the token as soon as it opens. */
export function VerifyEmailPage() {
  const verify = useVerifyEmail();
  const token = useLinkToken((linkToken) => verify.mutate(linkToken));

  if (token && (verify.isIdle || verify.isPending)) {
    return (
      <div className="narrow" key="pending">
        <PageHeading>{t('verify.pendingTitle')}</PageHeading>
        <Loading label={t('verify.pending')} />
      </div>
    );
  }

  if (verify.isSuccess) {
    return (
      <div className="narrow" key="done">
        <PageHeading>{t('verify.doneTitle')}</PageHeading>
        <p className="lead">{t('verify.done', { username: verify.data.username })}</p>
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
      <PageHeading>{t('verify.failedTitle')}</PageHeading>
      {token ? (
        <ProblemAlert error={verify.error} fallback="verify.failed" />
      ) : (
        <p className="lead">{t('verify.missingToken')}</p>
      )}
      <p>{t('verify.resendLead')}</p>
      <ResendVerification />
    </div>
  );
}
