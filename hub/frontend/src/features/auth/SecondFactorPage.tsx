import { useMemo, useState } from 'react';
import { useForm } from 'react-hook-form';
import { zodResolver } from '@hookform/resolvers/zod';
import * as z from 'zod/mini';
import { Navigate, useNavigate, useSearchParams } from 'react-router';
import { hasProblem } from '../../api/problem';
import { PageHeading } from '../../components/PageHeading';
import { ProblemAlert } from '../../components/ProblemAlert';
import { TextField } from '../../components/TextField';
import { t } from '../../i18n';
import { safeNext, withNext } from '../../lib/safeNext';
import { useProblem } from '../../lib/useProblem';
import { useSession, useVerifySecondFactor } from './api';
import { recoveryCodeSchema, totpSchema } from './codeSchemas';
import { pathAfterSignIn } from './nextPath';

type Kind = 'totp' | 'recovery';
type Values = { code: string };

/** The second step of signing in: a code from the authenticator app, or a recovery code. */
export function SecondFactorPage() {
  const session = useSession();
  const [params] = useSearchParams();
  const next = params.get('next');
  const navigate = useNavigate();
  const verify = useVerifySecondFactor();
  const [kind, setKind] = useState<Kind>('totp');

  const schema = useMemo(
    () => z.object({ code: kind === 'totp' ? totpSchema : recoveryCodeSchema }),
    [kind],
  );
  const form = useForm<Values>({
    resolver: zodResolver(schema),
    defaultValues: { code: '' },
  });
  const problem = useProblem(form);

  if (!session) return <Navigate to={withNext('/sign-in', safeNext(next))} replace />;
  if (session.stage !== 'SECOND_FACTOR')
    return <Navigate to={pathAfterSignIn(session, next)} replace />;

  const onSubmit = form.handleSubmit(async ({ code }) => {
    problem.clear();
    try {
      const signedIn = await verify.mutateAsync(code);
      void navigate(pathAfterSignIn(signedIn, next), { replace: true });
    } catch (error) {
      if (hasProblem(error, 401)) form.resetField('code');
      problem.report(error);
    }
  });

  const switchKind = () => {
    setKind((current) => (current === 'totp' ? 'recovery' : 'totp'));
    form.reset({ code: '' });
    problem.clear();
  };

  const totp = kind === 'totp';
  return (
    <div className="narrow">
      <PageHeading>{t('secondFactor.title')}</PageHeading>
      <p className="lead">{t(totp ? 'secondFactor.lead' : 'secondFactor.leadRecovery')}</p>
      <ProblemAlert
        ref={problem.alertRef}
        error={problem.error}
        secondsLeft={problem.secondsLeft}
        otherFields={problem.otherFields}
        fallback={hasProblem(problem.error, 401) ? 'secondFactor.wrongCode' : undefined}
      />
      <form className="card form" noValidate onSubmit={onSubmit}>
        <TextField
          key={kind}
          label={t(totp ? 'secondFactor.code' : 'secondFactor.recoveryCode')}
          hint={t(totp ? 'secondFactor.codeHint' : 'secondFactor.recoveryHint')}
          inputMode={totp ? 'numeric' : 'text'}
          autoComplete={totp ? 'one-time-code' : 'off'}
          autoCapitalize="none"
          spellCheck={false}
          className={totp ? 'field--code' : undefined}
          error={form.formState.errors.code?.message}
          {...form.register('code')}
        />
        <button
          type="submit"
          className="button button--primary button--block"
          disabled={verify.isPending || problem.blocked}
        >
          {t('secondFactor.submit')}
        </button>
        <button type="button" className="button button--link" onClick={switchKind}>
          {t(totp ? 'secondFactor.useRecovery' : 'secondFactor.useApp')}
        </button>
      </form>
    </div>
  );
}
