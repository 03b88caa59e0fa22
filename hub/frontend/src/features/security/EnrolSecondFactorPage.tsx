import { useState } from 'react';
import { Link, useNavigate } from 'react-router';
import { useQueryClient } from '@tanstack/react-query';
import { Loading } from '../../components/Loading';
import { PageHeading } from '../../components/PageHeading';
import { ProblemAlert } from '../../components/ProblemAlert';
import { t } from '../../i18n';
import { useOnMount } from '../../lib/useOnMount';
import { refreshSession, useSession } from '../auth/api';
import { CodeForm } from './CodeForm';
import { RecoveryCodesPanel } from './RecoveryCodesPanel';
import { useBeginEnrolment, useConfirmEnrolment } from './api';

/** `ABCDEFGHIJKL` as `ABCD EFGH IJKL`, easier to type into an app. */
export function groupSecret(secret: string): string {
  return secret.replace(/\s+/g, '').replace(/(.{4})(?=.)/g, '$1 ');
}

function SecretKey({ secret }: { secret: string }) {
  const [copied, setCopied] = useState<boolean | null>(null);
  return (
    <div className="secret">
      <p>{t('enrol.manual')}</p>
      <p className="secret__value">
        <code>{groupSecret(secret)}</code>
      </p>
      <button
        type="button"
        className="button button--secondary button--small"
        onClick={() =>
          navigator.clipboard.writeText(secret).then(
            () => setCopied(true),
            () => setCopied(false),
          )
        }
      >
        {t('enrol.copyKey')}
      </button>
      <span role="status" className="secret__status">
        {copied === true ? t('codes.copied') : copied === false ? t('codes.copyFailed') : null}
      </span>
    </div>
  );
}

/**
 * Turning on two-step sign-in: a new secret (QR code and key), a first code to prove the app has
 * it, then the recovery codes. Operators are sent here until they have done it.
 */
export function EnrolSecondFactorPage() {
  const session = useSession();
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  const begin = useBeginEnrolment();
  const confirm = useConfirmEnrolment();
  const [finishing, setFinishing] = useState(false);

  const required = session?.stage === 'ENROL_SECOND_FACTOR';
  const alreadyOn = !!session?.secondFactor && !confirm.isSuccess;

  useOnMount(() => {
    if (!alreadyOn) begin.mutate();
  });

  if (!session) return null;

  if (confirm.isSuccess) {
    const finish = async () => {
      setFinishing(true);
      try {
        await refreshSession(queryClient);
      } finally {
        void navigate(required ? '/' : '/security', {
          replace: true,
          state: { notice: 'enabled' },
        });
      }
    };
    return (
      <div className="narrow" key="codes">
        <RecoveryCodesPanel
          codes={confirm.data.recoveryCodes}
          username={session.email ?? session.username}
          onSaved={() => void finish()}
          busy={finishing}
        />
      </div>
    );
  }

  if (alreadyOn) {
    return (
      <div className="narrow" key="on">
        <PageHeading>{t('enrol.alreadyOnTitle')}</PageHeading>
        <p className="lead">{t('enrol.alreadyOn')}</p>
        <p>
          <Link to="/security">{t('common.backToSecurity')}</Link>
        </p>
      </div>
    );
  }

  return (
    <div className="narrow" key="enrol">
      <PageHeading>{t('enrol.title')}</PageHeading>
      {required ? <p className="lead">{t('enrol.required')}</p> : null}
      <p>{t('enrol.lead')}</p>
      {begin.isError ? (
        <>
          <ProblemAlert error={begin.error} />
          <button type="button" className="button button--primary" onClick={() => begin.mutate()}>
            {t('app.tryAgain')}
          </button>
        </>
      ) : !begin.data ? (
        <Loading label={t('enrol.preparing')} />
      ) : (
        <ol className="steps card">
          <li>{t('enrol.step1')}</li>
          <li>
            <p>{t('enrol.step2')}</p>
            <img
              className="qr"
              src={begin.data.qrCode}
              alt={t('enrol.qrAlt')}
              width={200}
              height={200}
            />
            <SecretKey secret={begin.data.secret} />
          </li>
          <li>
            <p>{t('enrol.step3')}</p>
            <CodeForm
              submitLabel={t('enrol.submit')}
              busy={confirm.isPending}
              onSubmit={(code) => confirm.mutateAsync(code)}
            />
          </li>
        </ol>
      )}
      {required ? null : (
        <p className="aside">
          <Link to="/security">{t('common.backToSecurity')}</Link>
        </p>
      )}
    </div>
  );
}
