import { useEffect, useId, useRef } from 'react';
import { useForm } from 'react-hook-form';
import { zodResolver } from '@hookform/resolvers/zod';
import * as z from 'zod/mini';
import { ProblemAlert } from '../../components/ProblemAlert';
import { TextAreaField } from '../../components/TextAreaField';
import { t } from '../../i18n';
import { useProblem } from '../../lib/useProblem';

const schema = z.object({
  reason: z.string().check(
    z.refine((value) => value.trim().length > 0, t('appt.cancel.reasonRequired')),
    z.maxLength(500, t('appt.cancel.reasonTooLong')),
  ),
});
type Values = z.infer<typeof schema>;

interface CancelDialogProps {
  /** Who and when, e.g. "Priya Sharma, 09:00 on 3 Mar 2027". */
  what: string;
  held: boolean;
  onCancel: (reason: string) => Promise<void>;
  onClose: () => void;
}

/**
 * Cancelling an appointment (or declining a hold), with the reason the insurer passes on to the
 * patient. A modal `<dialog>`: focus starts in the reason and goes back to the opener after.
 */
export function CancelDialog({ what, held, onCancel, onClose }: CancelDialogProps) {
  const ref = useRef<HTMLDialogElement>(null);
  const titleId = useId();
  const form = useForm<Values>({ resolver: zodResolver(schema), defaultValues: { reason: '' } });
  const problem = useProblem(form);
  const busy = form.formState.isSubmitting;

  useEffect(() => {
    const dialog = ref.current;
    if (!dialog) return;
    const opener = document.activeElement as HTMLElement | null;
    dialog.showModal();
    form.setFocus('reason');
    return () => {
      if (dialog.open) dialog.close();
      opener?.focus?.();
    };
  }, [form]);

  return (
    <dialog
      ref={ref}
      className="dialog"
      aria-labelledby={titleId}
      onCancel={(event) => {
        event.preventDefault();
        if (!busy) onClose();
      }}
    >
      <form
        className="dialog__content form"
        noValidate
        onSubmit={form.handleSubmit(async ({ reason }) => {
          problem.clear();
          try {
            await onCancel(reason.trim());
          } catch (error) {
            problem.report(error);
          }
        })}
      >
        <h2 id={titleId} className="dialog__title">
          {held ? t('appt.cancel.titleHeld') : t('appt.cancel.title')}
        </h2>
        <p>{what}</p>
        <ProblemAlert
          ref={problem.alertRef}
          error={problem.error}
          otherFields={problem.otherFields}
        />
        <TextAreaField
          label={t('appt.cancel.reason')}
          hint={t('appt.cancel.reasonHint')}
          maxLength={500}
          error={form.formState.errors.reason?.message}
          {...form.register('reason')}
        />
        <div className="actions">
          <button type="submit" className="button button--danger" disabled={busy}>
            {busy
              ? t('common.working')
              : held
                ? t('appt.cancel.confirmHeld')
                : t('appt.cancel.confirm')}
          </button>
          <button
            type="button"
            className="button button--secondary"
            onClick={onClose}
            disabled={busy}
          >
            {t('appt.cancel.keep')}
          </button>
        </div>
      </form>
    </dialog>
  );
}
