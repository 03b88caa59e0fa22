import { useId, useRef, useState } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import { Loading } from '../../../components/Loading';
import { ProblemAlert } from '../../../components/ProblemAlert';
import { t } from '../../../i18n';
import { isApiError } from '../../../api/problem';
import { useDoctor } from '../../profile/api';
import { formatAgo, formatMoment } from '../format';
import { Documents } from './Documents';
import { DoctorSummary, fullName } from './DoctorSummary';
import { SendBackForm } from './SendBackForm';
import { reviewQueueKey, useReviewDoctor, type QueueEntry } from './api';

interface DecisionProps {
  doctorId: string;
  doctorName: string;
  onDecided: (message: string) => void;
}

/** Approve, or send back with reasons. Each button is disabled while a decision is on its way. */
function Decision({ doctorId, doctorName, onDecided }: DecisionProps) {
  const queryClient = useQueryClient();
  const review = useReviewDoctor(doctorId);
  const [sendingBack, setSendingBack] = useState(false);
  const sendBackButton = useRef<HTMLButtonElement>(null);

  const approve = async () => {
    if (review.isPending) return;
    try {
      await review.mutateAsync({ approved: true, reasons: [] });
      onDecided(t('console.review.approved', { name: doctorName }));
    } catch {
      // Shown by the alert below.
    }
  };

  if (sendingBack) {
    return (
      <SendBackForm
        doctorName={doctorName}
        busy={review.isPending}
        onSend={async (reasons) => {
          await review.mutateAsync({ approved: false, reasons });
          onDecided(t('console.review.sentBack', { name: doctorName, count: reasons.length }));
        }}
        onCancel={() => {
          review.reset();
          setSendingBack(false);
          setTimeout(() => sendBackButton.current?.focus(), 0);
        }}
      />
    );
  }

  // A decision another operator made first, or a doctor no longer in review.
  const gone = isApiError(review.error) && [404, 409].includes(review.error.status);
  return (
    <div className="review__decision">
      <ProblemAlert error={review.error}>
        {gone ? (
          <button
            type="button"
            className="button button--secondary button--small"
            onClick={() => void queryClient.invalidateQueries({ queryKey: reviewQueueKey })}
          >
            {t('console.review.reload')}
          </button>
        ) : null}
      </ProblemAlert>
      <div className="actions">
        <button
          type="button"
          className="button button--primary"
          disabled={review.isPending}
          onClick={() => void approve()}
        >
          {t(review.isPending ? 'console.review.approving' : 'console.review.approve')}
        </button>
        <button
          ref={sendBackButton}
          type="button"
          className="button button--secondary"
          disabled={review.isPending}
          onClick={() => {
            review.reset();
            setSendingBack(true);
          }}
        >
          {t('console.review.sendBack')}
        </button>
      </div>
    </div>
  );
}

function Notes({ title, items }: { title: string; items: string[] | undefined }) {
  if (!items?.length) return null;
  return (
    <div className="callout">
      <h3>{title}</h3>
      <ul className="messages">
        {items.map((item, index) => (
          <li key={`${index}:${item}`}>{item}</li>
        ))}
      </ul>
    </div>
  );
}

interface DoctorReviewProps {
  entry: QueueEntry & { doctorId: string };
  onDecided: (message: string) => void;
}

/** One doctor in the queue: who they are, their documents, and the decision. */
export function DoctorReview({ entry, onDecided }: DoctorReviewProps) {
  const { doctorId } = entry;
  const doctor = useDoctor(doctorId);
  const headingId = useId();
  const profileHeadingId = useId();
  const name =
    (doctor.data && fullName(doctor.data.doctor)) ||
    entry.familyName ||
    t('console.review.unnamed', { id: doctorId });

  return (
    <article className="card review" aria-labelledby={headingId}>
      <header className="review__header">
        <h2 id={headingId} tabIndex={-1}>
          {name}
        </h2>
        <p className="muted">
          {entry.updatedAt
            ? t('console.review.waitingSince', {
                date: formatMoment(entry.updatedAt),
                ago: formatAgo(entry.updatedAt),
              })
            : null}
          {entry.remindersSent
            ? ` ${t('console.review.reminders', { count: entry.remindersSent })}`
            : null}
        </p>
      </header>
      <Notes title={t('console.review.checkNotes')} items={entry.reviewNotes} />
      <Notes title={t('console.review.problems')} items={entry.problems} />
      <div className="review__body">
        <section aria-labelledby={`${profileHeadingId} ${headingId}`}>
          <h3 id={profileHeadingId}>{t('console.review.profile')}</h3>
          {doctor.isPending ? (
            <Loading label={t('console.review.loadingProfile')} />
          ) : doctor.isError ? (
            <ProblemAlert error={doctor.error}>
              <button
                type="button"
                className="button button--secondary button--small"
                onClick={() => void doctor.refetch()}
              >
                {t('app.tryAgain')}
              </button>
            </ProblemAlert>
          ) : (
            <DoctorSummary doctor={doctor.data.doctor} />
          )}
        </section>
        <Documents doctorId={doctorId} doctorName={name} doctorHeadingId={headingId} />
      </div>
      <Decision doctorId={doctorId} doctorName={name} onDecided={onDecided} />
    </article>
  );
}
