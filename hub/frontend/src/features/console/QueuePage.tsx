import type { ReactNode, RefObject } from 'react';
import { useCallback, useEffect, useRef, useState } from 'react';
import { Loading } from '../../components/Loading';
import { Notice } from '../../components/Notice';
import { PageHeading } from '../../components/PageHeading';
import { ProblemAlert } from '../../components/ProblemAlert';
import { t } from '../../i18n';

interface FocusedNotice {
  notice: { text: string; n: number } | null;
  noticeRef: RefObject<HTMLDivElement | null>;
  /** Shows the text (again, if it is the same) and moves focus to it. */
  show: (text: string) => void;
}

/**
 * The success message after a decision. The decided item's card is gone, so focus goes to what
 * happened, not to the page's end.
 */
export function useFocusedNotice(): FocusedNotice {
  const [notice, setNotice] = useState<{ text: string; n: number } | null>(null);
  const noticeRef = useRef<HTMLDivElement>(null);

  useEffect(() => {
    if (notice) noticeRef.current?.focus();
  }, [notice]);

  const show = useCallback(
    (text: string) => setNotice((current) => ({ text, n: (current?.n ?? 0) + 1 })),
    [],
  );
  return { notice, noticeRef, show };
}

interface QueuePageProps {
  heading: string;
  lead: string;
  notice: FocusedNotice;
  /** The list's query, polled. */
  query: {
    isPending: boolean;
    isError: boolean;
    data: unknown;
    error: unknown;
    refetch: () => unknown;
  };
  loadingLabel: string;
  /** Nothing is waiting: the empty state shows instead of the list. */
  isEmpty: boolean;
  empty: { title: string; body: string };
  children: ReactNode;
}

/** A console queue: heading, lead and notice, then loading, the error, the empty state or the list. */
export function QueuePage({
  heading,
  lead,
  notice: { notice, noticeRef },
  query,
  loadingLabel,
  isEmpty,
  empty,
  children,
}: QueuePageProps) {
  return (
    <div className="stack">
      <PageHeading>{heading}</PageHeading>
      <p className="lead">{lead}</p>
      <div ref={noticeRef} tabIndex={-1}>
        {notice ? (
          <Notice key={notice.n} tone="success">
            {notice.text}
          </Notice>
        ) : null}
      </div>
      {query.isPending ? (
        <Loading label={loadingLabel} />
      ) : query.isError && !query.data ? (
        <ProblemAlert error={query.error}>
          <button
            type="button"
            className="button button--secondary"
            onClick={() => void query.refetch()}
          >
            {t('app.tryAgain')}
          </button>
        </ProblemAlert>
      ) : isEmpty ? (
        <div className="card empty">
          <h2>{empty.title}</h2>
          <p>{empty.body}</p>
        </div>
      ) : (
        children
      )}
    </div>
  );
}
