import { useForm } from 'react-hook-form';
import { zodResolver } from '@hookform/resolvers/zod';
import { Notice } from '../../components/Notice';
import { ProblemAlert } from '../../components/ProblemAlert';
import { TextField } from '../../components/TextField';
import { t } from '../../i18n';
import { useProblem } from '../../lib/useProblem';
import { useResendVerification } from './api';
import { resendSchema, type ResendValues } from './schemas';

/**
 * "Send the link again": with the address when the screen knows it, else with a field for it.
 * Its answer never says whether the address has an account.
 */
export function ResendVerification({ email }: { email?: string }) {
  const resend = useResendVerification();
  const form = useForm<ResendValues>({
    resolver: zodResolver(resendSchema),
    defaultValues: { email: email ?? '' },
  });
  const problem = useProblem(form);

  const onSubmit = form.handleSubmit(async (values) => {
    problem.clear();
    try {
      await resend.mutateAsync(values.email);
    } catch (error) {
      problem.report(error);
    }
  });

  if (resend.isSuccess) return <Notice tone="success">{t('resend.sent')}</Notice>;

  return (
    <form className="resend" noValidate onSubmit={onSubmit}>
      <ProblemAlert
        ref={problem.alertRef}
        error={problem.error}
        secondsLeft={problem.secondsLeft}
        otherFields={problem.otherFields}
      />
      {email ? null : (
        <TextField
          label={t('resend.emailLabel')}
          type="email"
          autoComplete="email"
          error={form.formState.errors.email?.message}
          {...form.register('email')}
        />
      )}
      <button
        type="submit"
        className="button button--secondary"
        disabled={resend.isPending || problem.blocked}
      >
        {t('resend.button')}
      </button>
    </form>
  );
}
