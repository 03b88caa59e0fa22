import type { FormEventHandler, ReactNode } from 'react';
import { useId } from 'react';
import { ProblemAlert } from '../../components/ProblemAlert';
import { t } from '../../i18n';
import type { ProblemState } from '../../lib/useProblem';

interface DecisionFormProps {
  title: string;
  /** A sentence under the title. */
  lead?: string;
  problem: ProblemState;
  onSubmit: FormEventHandler<HTMLFormElement>;
  busy: boolean;
  submitLabel: string;
  submitTone: 'primary' | 'danger';
  onCancel: () => void;
  /** The form's fields, between the hub's problem and the buttons. */
  children: ReactNode;
}

/** The second step of an operator's decision: a titled form with the hub's problem, then submit or cancel. */
export function DecisionForm({
  title,
  lead,
  problem,
  onSubmit,
  busy,
  submitLabel,
  submitTone,
  onCancel,
  children,
}: DecisionFormProps) {
  const headingId = useId();
  return (
    <form className="form subpanel" aria-labelledby={headingId} noValidate onSubmit={onSubmit}>
      <h3 id={headingId}>{title}</h3>
      {lead ? <p className="muted">{lead}</p> : null}
      <ProblemAlert
        ref={problem.alertRef}
        error={problem.error}
        otherFields={problem.otherFields}
        secondsLeft={problem.secondsLeft}
      />
      {children}
      <div className="actions">
        <button
          type="submit"
          className={`button button--${submitTone}`}
          disabled={busy || problem.blocked}
        >
          {submitLabel}
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
