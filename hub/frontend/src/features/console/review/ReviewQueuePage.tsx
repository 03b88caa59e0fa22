import { useEffect, useRef, useState } from 'react';
import { Loading } from '../../../components/Loading';
import { Notice } from '../../../components/Notice';
import { PageHeading } from '../../../components/PageHeading';
import { ProblemAlert } from '../../../components/ProblemAlert';
import { t } from '../../../i18n';
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
  const [notice, setNotice] = useState<{ text: string; n: number } | null>(null);
  const noticeRef = useRef<HTMLDivElement>(null);
  const listRef = useRef<HTMLOListElement>(null);
  // After "Show more", focus goes to the first doctor it added.
  const firstAdded = useRef<number | null>(null);

  useEffect(() => {
    if (firstAdded.current === null) return;
    listRef.current?.children[firstAdded.current]?.querySelector('h2')?.focus();
    firstAdded.current = null;
  }, [shown]);

  // The decided doctor's card is gone: focus goes to what happened, not to the page's end.
  useEffect(() => {
    if (notice) noticeRef.current?.focus();
  }, [notice]);

  const entries = (queue.data ?? []).filter(hasId);
  const heading =
    queue.data === undefined
      ? t('console.review.title')
      : t('console.review.titleCount', { count: entries.length });

  return (
    <div className="stack">
      <PageHeading>{heading}</PageHeading>
      <p className="lead">{t('console.review.lead')}</p>
      <div ref={noticeRef} tabIndex={-1}>
        {notice ? (
          <Notice key={notice.n} tone="success">
            {notice.text}
          </Notice>
        ) : null}
      </div>
      {queue.isPending ? (
        <Loading label={t('console.review.loading')} />
      ) : queue.isError && !queue.data ? (
        <ProblemAlert error={queue.error}>
          <button
            type="button"
            className="button button--secondary"
            onClick={() => void queue.refetch()}
          >
            {t('app.tryAgain')}
          </button>
        </ProblemAlert>
      ) : entries.length === 0 ? (
        <div className="card empty">
          <h2>{t('console.review.empty')}</h2>
          <p>{t('console.review.emptyBody', { seconds: QUEUE_POLL_MS / 1000 })}</p>
        </div>
      ) : (
        <>
          {queue.isError ? <ProblemAlert error={queue.error} /> : null}
          <ol ref={listRef} className="review-list" aria-label={t('console.review.listLabel')}>
            {entries.slice(0, shown).map((entry) => (
              <li key={entry.doctorId}>
                <DoctorReview
                  entry={entry}
                  onDecided={(text) => setNotice((current) => ({ text, n: (current?.n ?? 0) + 1 }))}
                />
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
        </>
      )}
    </div>
  );
}
