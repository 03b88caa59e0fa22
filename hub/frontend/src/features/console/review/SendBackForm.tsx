import { useFieldArray, useForm } from 'react-hook-form';
import { zodResolver } from '@hookform/resolvers/zod';
import * as z from 'zod/mini';
import { ApiError, isApiError, toFormPath } from '../../../api/problem';
import { TextAreaField } from '../../../components/TextAreaField';
import { t } from '../../../i18n';
import { useProblem } from '../../../lib/useProblem';
import { DecisionForm } from '../DecisionForm';

/** The hub's limits on a review's reasons. */
export const MAX_REASONS = 20;
export const MAX_REASON_LENGTH = 500;

interface Values {
  reasons: { text: string }[];
}

const schema = z.object({
  reasons: z
    .array(
      z.object({
        text: z.string().check(
          z.refine((value) => value.trim().length > 0, t('console.review.v.reasonRequired')),
          z.refine(
            (value) => value.trim().length <= MAX_REASON_LENGTH,
            t('console.review.v.reasonTooLong', { max: MAX_REASON_LENGTH }),
          ),
        ),
      }),
    )
    .check(
      z.minLength(1, t('console.review.v.reasonsRequired')),
      z.maxLength(MAX_REASONS, t('console.review.v.tooManyReasons', { max: MAX_REASONS })),
    ),
});

/** The hub names a reason `reasons[1]`; the form's field for it is `reasons.1.text`. */
function forForm(error: unknown): unknown {
  if (!isApiError(error) || !error.problem.errors) return error;
  const errors = error.problem.errors.map((e) => {
    const path = toFormPath(e.field);
    return { ...e, field: /^reasons\.\d+$/.test(path) ? `${path}.text` : path };
  });
  return new ApiError(error.status, { ...error.problem, errors }, error.retryAfterSeconds);
}

interface SendBackFormProps {
  doctorName: string;
  busy: boolean;
  /** Sends the reasons; rejects with the hub's problem. */
  onSend: (reasons: string[]) => Promise<void>;
  onCancel: () => void;
}

/** The reasons to send a doctor's onboarding back with: a short list, one reason per item. */
export function SendBackForm({ doctorName, busy, onSend, onCancel }: SendBackFormProps) {
  const form = useForm<Values>({
    resolver: zodResolver(schema),
    defaultValues: { reasons: [{ text: '' }] },
  });
  const { fields, append, remove } = useFieldArray({ control: form.control, name: 'reasons' });
  const problem = useProblem(form);
  const errors = form.formState.errors;
  const listError = errors.reasons?.message ?? errors.reasons?.root?.message;

  const submit = async (values: Values) => {
    problem.clear();
    try {
      await onSend(values.reasons.map((reason) => reason.text.trim()));
    } catch (error) {
      problem.report(forForm(error));
    }
  };

  const removeAt = (index: number) => {
    remove(index);
    // Focus stays in the list: on the reason before the removed one (or the new first).
    setTimeout(() => form.setFocus(`reasons.${Math.max(0, index - 1)}.text`), 0);
  };

  return (
    <DecisionForm
      title={t('console.review.sendBackTitle', { name: doctorName })}
      lead={t('console.review.sendBackLead')}
      problem={problem}
      onSubmit={(event) => void form.handleSubmit(submit)(event)}
      busy={busy}
      submitLabel={t(busy ? 'console.review.sendingBack' : 'console.review.sendBackSubmit')}
      submitTone="primary"
      onCancel={onCancel}
    >
      {listError ? <p className="field__error">{listError}</p> : null}
      <ol className="reasons">
        {fields.map((field, index) => (
          <li key={field.id} className="reasons__item">
            <TextAreaField
              label={t('console.review.reasonN', { n: index + 1 })}
              rows={2}
              maxLength={MAX_REASON_LENGTH + 100}
              error={errors.reasons?.[index]?.text?.message}
              {...form.register(`reasons.${index}.text`)}
            />
            {fields.length > 1 ? (
              <button
                type="button"
                className="button button--quiet button--small"
                onClick={() => removeAt(index)}
              >
                {t('common.remove')}{' '}
                <span className="visually-hidden">
                  {t('console.review.reasonN', { n: index + 1 }).toLowerCase()}
                </span>
              </button>
            ) : null}
          </li>
        ))}
      </ol>
      <div>
        <button
          type="button"
          className="button button--secondary button--small"
          disabled={fields.length >= MAX_REASONS}
          onClick={() => append({ text: '' })}
        >
          {t('console.review.addReason')}
        </button>
        {fields.length >= MAX_REASONS ? (
          <p className="field__hint">
            {t('console.review.v.tooManyReasons', { max: MAX_REASONS })}
          </p>
        ) : null}
      </div>
    </DecisionForm>
  );
}
