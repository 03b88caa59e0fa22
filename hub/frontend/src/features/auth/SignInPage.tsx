import { useState } from 'react';
import { useForm } from 'react-hook-form';
import { zodResolver } from '@hookform/resolvers/zod';
import * as z from 'zod/mini';
import { Link, Navigate, useLocation, useNavigate, useSearchParams } from 'react-router';
import { hasProblem } from '../../api/problem';
import { Notice } from '../../components/Notice';
import { PageHeading } from '../../components/PageHeading';
import { ProblemAlert } from '../../components/ProblemAlert';
import { ShowPasswordToggle } from '../../components/ShowPasswordToggle';
import { TextField } from '../../components/TextField';
import { t } from '../../i18n';
import { safeNext } from '../../lib/safeNext';
import { useProblem } from '../../lib/useProblem';
import { ResendVerification } from '../accounts';
import { useSession, useSignIn } from './api';
import { pathAfterSignIn } from './nextPath';
import type { SignInNotice } from './useLeave';

const signInSchema = z.object({
  username: z.string().check(z.trim(), z.minLength(1, t('validation.usernameRequired'))),
  password: z.string().check(z.minLength(1, t('validation.passwordRequired'))),
});
type SignInValues = z.infer<typeof signInSchema>;

export const EMAIL_NOT_VERIFIED = 'Email not verified';

export function SignInPage() {
  const session = useSession();
  const [params] = useSearchParams();
  const next = params.get('next');
  const location = useLocation();
  const navigate = useNavigate();
  const notice = (location.state as { notice?: SignInNotice } | null)?.notice;

  const signIn = useSignIn();
  const form = useForm<SignInValues>({
    resolver: zodResolver(signInSchema),
    defaultValues: { username: '', password: '' },
  });
  const problem = useProblem(form);
  const [passwordShown, setPasswordShown] = useState(false);
  const [unverifiedUsername, setUnverifiedUsername] = useState<string | null>(null);

  if (session?.stage === 'SIGNED_IN' && !notice) return <Navigate to={safeNext(next)} replace />;

  const onSubmit = form.handleSubmit(async (values) => {
    problem.clear();
    setUnverifiedUsername(null);
    try {
      const signedIn = await signIn.mutateAsync(values);
      void navigate(pathAfterSignIn(signedIn, next), { replace: true });
    } catch (error) {
      if (hasProblem(error, 403, EMAIL_NOT_VERIFIED)) setUnverifiedUsername(values.username);
      if (hasProblem(error, 401)) form.resetField('password');
      problem.report(error);
    }
  });

  const errors = form.formState.errors;
  return (
    <div className="narrow">
      <PageHeading>{t('signIn.title')}</PageHeading>
      <p className="lead">{t('signIn.lead')}</p>
      {notice ? <Notice tone="success">{t(`signIn.${notice}`)}</Notice> : null}
      <ProblemAlert
        ref={problem.alertRef}
        error={problem.error}
        secondsLeft={problem.secondsLeft}
        otherFields={problem.otherFields}
        fallback={
          hasProblem(problem.error, 401)
            ? 'signIn.wrongCredentials'
            : hasProblem(problem.error, 403, EMAIL_NOT_VERIFIED)
              ? 'signIn.notVerified'
              : undefined
        }
      />
      {unverifiedUsername !== null ? (
        <ResendVerification
          email={unverifiedUsername.includes('@') ? unverifiedUsername : undefined}
        />
      ) : null}
      <form className="card form" noValidate onSubmit={onSubmit}>
        <TextField
          label={t('signIn.username')}
          autoComplete="username"
          autoCapitalize="none"
          spellCheck={false}
          error={errors.username?.message}
          {...form.register('username')}
        />
        <TextField
          label={t('common.password')}
          type={passwordShown ? 'text' : 'password'}
          autoComplete="current-password"
          error={errors.password?.message}
          addon={
            <ShowPasswordToggle
              shown={passwordShown}
              onToggle={() => setPasswordShown((shown) => !shown)}
            />
          }
          {...form.register('password')}
        />
        <button
          type="submit"
          className="button button--primary button--block"
          disabled={signIn.isPending || problem.blocked}
        >
          {t('signIn.submit')}
        </button>
      </form>
      <p className="aside">
        {t('signIn.noAccount')} <Link to="/register">{t('signIn.register')}</Link>
      </p>
    </div>
  );
}
