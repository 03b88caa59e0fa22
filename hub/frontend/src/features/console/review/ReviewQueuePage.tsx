import { useEffect, useRef, useState } from 'react';
import { ProblemAlert } from '../../../components/ProblemAlert';
import { t } from '../../../i18n';
import { QueuePage, useFocusedNotice } from '../QueuePage';
import { DoctorReview } from './DoctorReview';
import { QUEUE_POLL_MS, useReviewQueue, type QueueEntry } from './api';

/** Doctors shown at once; each loads its profile and documents list. */
export const PAGE_SIZE = 10;

const hasId = (entry: QueueEntry): entry is QueueEntry & { doctorId: string } =>
  Boolean(entry.doctorId);

/** The onboarding review queue, oldest first: each doctor's profile and documents, and the decision. */
export function ReviewQueuePage() {
  const queue = useReviewQueue({ poll: true });
  const [shown, setShown] = useState(PAGE_SIZE);
  const listRef = useRef<HTMLOListElement>(null);
  // After "Show more", focus goes to the first doctor it added.
  const firstAdded = useRef<number | null>(null);

  useEffect(() => {
    if (firstAdded.current === null) return;
    listRef.current?.children[firstAdded.current]?.querySelector('h2')?.focus();
    firstAdded.current = null;
  }, [shown]);

  const notice = useFocusedNotice();

  const entries = (queue.data ?? []).filter(hasId);
  const heading =
    queue.data === undefined
      ? t('console.review.title')
      : t('console.review.titleCount', { count: entries.length });

  return (
    <QueuePage
      heading={heading}
      lead={t('console.review.lead')}
      notice={notice}
      query={queue}
      loadingLabel={t('console.review.loading')}
      isEmpty={entries.length === 0}
      empty={{
        title: t('console.review.empty'),
        body: t('console.review.emptyBody', { seconds: QUEUE_POLL_MS / 1000 }),
      }}
    >
      {queue.isError ? <ProblemAlert error={queue.error} /> : null}
      <ol ref={listRef} className="review-list" aria-label={t('console.review.listLabel')}>
        {entries.slice(0, shown).map((entry) => (
          <li key={entry.doctorId}>
            <DoctorReview entry={entry} onDecided={notice.show} />
          </li>
        ))}
      </ol>
      {entries.length > shown ? (
        <p>
          <button
            type="button"
            className="button button--secondary"
            onClick={() => {
              firstAdded.current = shown;
              setShown(shown + PAGE_SIZE);
            }}
          >
            {t('console.review.showMore', {
              count: Math.min(PAGE_SIZE, entries.length - shown),
              total: entries.length - shown,
            })}
          </button>
        </p>
      ) : null}
    </QueuePage>
  );
}
