import { useForm } from 'react-hook-form';
import { zodResolver } from '@hookform/resolvers/zod';
import { ProblemAlert } from '../../components/ProblemAlert';
import { TextField } from '../../components/TextField';
import { t } from '../../i18n';
import { useProblem } from '../../lib/useProblem';
import { totpFormSchema, type CodeValues } from '../auth/codeSchemas';

/** A form asking for a current code from the authenticator app before a sensitive change. */
export function CodeForm({
  submitLabel,
  onSubmit,
  onCancel,
  busy,
  danger = false,
}: {
  submitLabel: string;
  /** Sends the code; throws the hub's error when it is refused. */
  onSubmit: (code: string) => Promise<unknown>;
  onCancel?: () => void;
  busy: boolean;
  danger?: boolean;
}) {
  const form = useForm<CodeValues>({
    resolver: zodResolver(totpFormSchema),
    defaultValues: { code: '' },
  });
  const problem = useProblem(form);

  const submit = form.handleSubmit(async ({ code }) => {
    problem.clear();
    try {
      await onSubmit(code);
    } catch (error) {
      problem.report(error);
    }
  });

  return (
    <form className="form" noValidate onSubmit={submit}>
      <ProblemAlert
        ref={problem.alertRef}
        error={problem.error}
        secondsLeft={problem.secondsLeft}
        otherFields={problem.otherFields}
      />
      <TextField
        label={t('secondFactor.code')}
        hint={t('secondFactor.codeHint')}
        inputMode="numeric"
        autoComplete="one-time-code"
        className="field--code"
        error={form.formState.errors.code?.message}
        {...form.register('code')}
      />
      <div className="actions">
        <button
          type="submit"
          className={`button ${danger ? 'button--danger' : 'button--primary'}`}
          disabled={busy || problem.blocked}
        >
          {submitLabel}
        </button>
        {onCancel ? (
          <button type="button" className="button button--secondary" onClick={onCancel}>
            {t('common.cancel')}
          </button>
        ) : null}
      </div>
    </form>
  );
}
