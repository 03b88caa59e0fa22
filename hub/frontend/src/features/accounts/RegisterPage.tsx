import { useId, useState } from 'react';
import { useForm } from 'react-hook-form';
import { zodResolver } from '@hookform/resolvers/zod';
import { Link } from 'react-router';
import { hasProblem } from '../../api/problem';
import { PageHeading } from '../../components/PageHeading';
import { ProblemAlert } from '../../components/ProblemAlert';
import { ShowPasswordToggle } from '../../components/ShowPasswordToggle';
import { TextField } from '../../components/TextField';
import { t } from '../../i18n';
import { useProblem } from '../../lib/useProblem';
import { useRegister } from './api';
import { ResendVerification } from './ResendVerification';
import { PASSWORD_MAX, registrationSchema, type RegistrationValues } from './schemas';

function CheckEmail({ email }: { email: string }) {
  return (
    <div className="narrow">
      <PageHeading>{t('register.checkTitle')}</PageHeading>
      <p className="lead">{t('register.checkBody', { email })}</p>
      <p>{t('register.checkNothing')}</p>
      <ResendVerification email={email} />
      <p className="aside">
        <Link to="/sign-in">{t('common.signIn')}</Link>
      </p>
    </div>
  );
}

/** Self-registration of a doctor, then "check your email". */
export function RegisterPage() {
  const register = useRegister();
  const form = useForm<RegistrationValues>({
    resolver: zodResolver(registrationSchema),
    defaultValues: { email: '', password: '', confirmPassword: '' },
  });
  const problem = useProblem(form);
  const [shown, setShown] = useState(false);
  const [registered, setRegistered] = useState<string | null>(null);
  const passwordId = useId();
  const confirmId = useId();

  if (registered !== null) return <CheckEmail email={registered} />;

  const onSubmit = form.handleSubmit(async ({ email, password }) => {
    problem.clear();
    try {
      await register.mutateAsync({ email, password });
      setRegistered(email);
    } catch (error) {
      problem.report(error);
    }
  });

  const errors = form.formState.errors;
  const conflict = hasProblem(problem.error, 409);
  return (
    <div className="narrow">
      <PageHeading>{t('register.title')}</PageHeading>
      <p className="lead">{t('register.lead')}</p>
      <ProblemAlert
        ref={problem.alertRef}
        error={problem.error}
        secondsLeft={problem.secondsLeft}
        otherFields={problem.otherFields}
        fallback={conflict ? 'register.conflict' : undefined}
      >
        {conflict ? (
          <p>
            <Link to="/sign-in">{t('common.signIn')}</Link>
          </p>
        ) : null}
      </ProblemAlert>
      <form className="card form" noValidate onSubmit={onSubmit}>
        <TextField
          label={t('common.email')}
          type="email"
          autoComplete="email"
          autoCapitalize="none"
          spellCheck={false}
          error={errors.email?.message}
          {...form.register('email')}
        />
        <TextField
          id={passwordId}
          label={t('common.password')}
          type={shown ? 'text' : 'password'}
          autoComplete="new-password"
          maxLength={PASSWORD_MAX}
          hint={t('register.passwordHint')}
          error={errors.password?.message}
          addon={
            <ShowPasswordToggle
              shown={shown}
              onToggle={() => setShown((value) => !value)}
              controls={`${passwordId} ${confirmId}`}
            />
          }
          {...form.register('password')}
        />
        <TextField
          id={confirmId}
          label={t('common.confirmPassword')}
          type={shown ? 'text' : 'password'}
          autoComplete="new-password"
          maxLength={PASSWORD_MAX}
          error={errors.confirmPassword?.message}
          {...form.register('confirmPassword')}
        />
        <button
          type="submit"
          className="button button--primary button--block"
          disabled={register.isPending || problem.blocked}
        >
          {t('register.submit')}
        </button>
      </form>
      <p className="aside">
        {t('register.haveAccount')} <Link to="/sign-in">{t('common.signIn')}</Link>
      </p>
    </div>
  );
}
