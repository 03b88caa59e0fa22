import { useId } from 'react';
import { useForm } from 'react-hook-form';
import { zodResolver } from '@hookform/resolvers/zod';
import * as z from 'zod/mini';
import { ProblemAlert } from '../../../components/ProblemAlert';
import { TextAreaField } from '../../../components/TextAreaField';
import { t } from '../../../i18n';
import { useProblem } from '../../../lib/useProblem';

interface Values {
  reason: string;
}

const schema = z.object({
  reason: z
    .string()
    .check(z.refine((value) => value.trim().length > 0, t('console.insurers.v.reasonRequired'))),
});

interface RejectFormProps {
  insurerName: string;
  busy: boolean;
  onReject: (reason: string) => Promise<void>;
  onCancel: () => void;
}

/** Rejecting is final, so it takes a second step: the reason, then "Reject application". */
export function RejectForm({ insurerName, busy, onReject, onCancel }: RejectFormProps) {
  const form = useForm<Values>({ resolver: zodResolver(schema), defaultValues: { reason: '' } });
  const problem = useProblem(form);
  const headingId = useId();

  const submit = async (values: Values) => {
    problem.clear();
    try {
      await onReject(values.reason.trim());
    } catch (error) {
      problem.report(error);
    }
  };

  return (
    <form
      className="form subpanel"
      aria-labelledby={headingId}
      noValidate
      onSubmit={(event) => void form.handleSubmit(submit)(event)}
    >
      <h3 id={headingId}>{t('console.insurers.rejectTitle', { name: insurerName })}</h3>
      <ProblemAlert
        ref={problem.alertRef}
        error={problem.error}
        otherFields={problem.otherFields}
        secondsLeft={problem.secondsLeft}
      />
      <TextAreaField
        label={t('console.insurers.reason')}
        hint={t('console.insurers.reasonHint')}
        rows={3}
        autoFocus
        error={form.formState.errors.reason?.message}
        {...form.register('reason')}
      />
      <div className="actions">
        <button type="submit" className="button button--danger" disabled={busy || problem.blocked}>
          {t(busy ? 'console.insurers.rejecting' : 'console.insurers.rejectSubmit')}
        </button>
        <button
          type="button"
          className="button button--secondary"
          disabled={busy}
          onClick={onCancel}
        >
          {t('common.cancel')}
        </button>
      </div>
    </form>
  );
}
