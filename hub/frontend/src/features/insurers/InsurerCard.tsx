import { useState } from 'react';
import { Link } from 'react-router';
import { hasProblem } from '../../api/problem';
import { ConfirmDialog } from '../../components/ConfirmDialog';
import { ProblemAlert } from '../../components/ProblemAlert';
import { t } from '../../i18n';
import { useProblem } from '../../lib/useProblem';
import {
  canJoin,
  canLeave,
  isCurrent,
  ONBOARDING_NOT_FINISHED,
  useJoinInsurer,
  useLeaveInsurer,
  type DoctorInsurer,
} from './api';
import { consentWords, syncWords, type Words } from './words';

/** The id of an insurer's heading, which takes focus when its card moves to the other list. */
export const insurerHeadingId = (insurerId: string) => `insurer-${insurerId}`;

interface InsurerCardProps {
  doctorId: string;
  insurer: DoctorInsurer;
  now: number;
  onJoined: (insurer: DoctorInsurer) => void;
  onLeaving: (insurer: DoctorInsurer) => void;
}

function Line({ words, className = '' }: { words: Words; className?: string }) {
  return (
    <p className={`insurer__state insurer__state--${words.tone} ${className}`.trim()}>
      {words.text}
    </p>
  );
}

/** One insurer: the doctor's connection to it in words, its sync health, and join or leave. */
export function InsurerCard({ doctorId, insurer, now, onJoined, onLeaving }: InsurerCardProps) {
  const { name } = insurer;
  const headingId = insurerHeadingId(insurer.insurerId);
  const [confirming, setConfirming] = useState(false);
  const problem = useProblem();
  const join = useJoinInsurer(doctorId, () => onJoined(insurer));
  const leave = useLeaveInsurer(doctorId, () => onLeaving(insurer));

  const current = isCurrent(insurer);
  const state = consentWords(insurer);
  // Deliveries matter while the insurer is to hold the doctor's profile.
  const flowing = canLeave(insurer);
  const sync = flowing ? syncWords(insurer, now) : null;
  const ended = Boolean(insurer.consent?.status) && !current;

  const onJoin = () => {
    problem.clear();
    join.mutate(insurer.insurerId, { onError: problem.report });
  };
  const onLeave = () => {
    leave.reset();
    setConfirming(true);
  };
  const onConfirmLeave = () => {
    leave.mutate(insurer.insurerId, { onSuccess: () => setConfirming(false) });
  };

  return (
    <article className="card insurer" aria-labelledby={headingId}>
      <h3 id={headingId} tabIndex={-1} className="insurer__name">
        {name}
      </h3>
      {insurer.networks.length ? (
        <p className="insurer__networks">
          {t('insurers.networks', { names: insurer.networks.map((n) => n.name).join(', ') })}
        </p>
      ) : null}
      {state ? (
        <div aria-live="polite" className="insurer__status">
          <Line words={state} />
          {state.details?.map((detail) => (
            <p key={detail}>{detail}</p>
          ))}
        </div>
      ) : (
        <p className="insurer__state insurer__state--neutral">{t('insurers.neverJoined')}</p>
      )}
      {sync ? (
        <div className="insurer__sync">
          <p className="insurer__sync-label">{t('insurers.sync', { name })}</p>
          <Line words={sync} />
          {sync.details?.map((detail) => (
            <p key={detail} className="insurer__detail">
              {detail}
            </p>
          ))}
        </div>
      ) : null}
      {flowing && insurer.deliveryPaused ? (
        <div className="insurer__sync">
          <Line words={{ text: t('insurers.sync.paused'), tone: 'waiting' }} />
          <p className="insurer__detail">{t('insurers.sync.pausedBody')}</p>
        </div>
      ) : null}
      {!current && !insurer.joinable ? (
        <p className="insurer__detail">{t('insurers.notJoinable', { name })}</p>
      ) : ended ? (
        <p className="insurer__detail">{t('insurers.again')}</p>
      ) : null}
      <ProblemAlert ref={problem.alertRef} error={problem.error}>
        {hasProblem(problem.error, 409, ONBOARDING_NOT_FINISHED) ? (
          <p>
            <Link to="/onboarding">{t('insurers.finishOnboarding')}</Link>
          </p>
        ) : null}
      </ProblemAlert>
      {canJoin(insurer) || flowing ? (
        <div className="actions insurer__actions">
          {canJoin(insurer) ? (
            <button
              type="button"
              className="button button--primary"
              disabled={join.isPending}
              onClick={onJoin}
            >
              {join.isPending ? (
                <>
                  <span className="spinner" aria-hidden="true" />
                  {t('insurers.joining', { name })}
                </>
              ) : (
                t('insurers.join', { name })
              )}
            </button>
          ) : null}
          {flowing ? (
            <button type="button" className="button button--secondary" onClick={onLeave}>
              {t('insurers.leave', { name })}
            </button>
          ) : null}
        </div>
      ) : null}
      <ConfirmDialog
        open={confirming}
        title={t('insurers.leaveTitle', { name })}
        confirmLabel={
          leave.isPending ? t('insurers.leaving', { name }) : t('insurers.leaveConfirm', { name })
        }
        busy={leave.isPending}
        onConfirm={onConfirmLeave}
        onCancel={() => setConfirming(false)}
        alert={<ProblemAlert error={leave.error} />}
      >
        <p>{t('insurers.leaveBody', { name })}</p>
      </ConfirmDialog>
    </article>
  );
}
