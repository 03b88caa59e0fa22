import { useForm } from 'react-hook-form';
import { zodResolver } from '@hookform/resolvers/zod';
import * as z from 'zod/mini';
import { TextAreaField } from '../../../components/TextAreaField';
import { t } from '../../../i18n';
import { useProblem } from '../../../lib/useProblem';
import { DecisionForm } from '../DecisionForm';

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

  const submit = async (values: Values) => {
    problem.clear();
    try {
      await onReject(values.reason.trim());
    } catch (error) {
      problem.report(error);
    }
  };

  return (
    <DecisionForm
      title={t('console.insurers.rejectTitle', { name: insurerName })}
      problem={problem}
      onSubmit={(event) => void form.handleSubmit(submit)(event)}
      busy={busy}
      submitLabel={t(busy ? 'console.insurers.rejecting' : 'console.insurers.rejectSubmit')}
      submitTone="danger"
      onCancel={onCancel}
    >
      <TextAreaField
        label={t('console.insurers.reason')}
        hint={t('console.insurers.reasonHint')}
        rows={3}
        autoFocus
        error={form.formState.errors.reason?.message}
        {...form.register('reason')}
      />
    </DecisionForm>
  );
}
