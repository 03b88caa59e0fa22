import type { ReactNode } from 'react';
import { useEffect, useId, useRef, useState } from 'react';
import { Loading } from '../../../components/Loading';
import { Notice } from '../../../components/Notice';
import { PageHeading } from '../../../components/PageHeading';
import { ProblemAlert } from '../../../components/ProblemAlert';
import { t } from '../../../i18n';
import { formatMoment } from '../format';
import { useDeadLetters, useReplay, type DeadLetter } from './api';

/** The insurer's OperationOutcome, indented when it is JSON. */
function pretty(text: string): string {
  try {
    return JSON.stringify(JSON.parse(text), null, 2);
  } catch {
    return text;
  }
}

function Fact({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div className="facts__item">
      <dt>{label}</dt>
      <dd>{children}</dd>
    </div>
  );
}

interface ItemProps {
  letter: DeadLetter & { id: number };
  insurerId: string;
  onReplayed: (id: number) => void;
}

function DeadLetterItem({ letter, insurerId, onReplayed }: ItemProps) {
  const replay = useReplay(insurerId);
  const headingId = useId();

  const send = async () => {
    if (replay.isPending) return;
    try {
      await replay.mutateAsync(letter.id);
      onReplayed(letter.id);
    } catch {
      // Shown by the alert (a 409 says it was replayed already).
    }
  };

  return (
    <li>
      <article className="dead-letter" aria-labelledby={headingId}>
        <h3 id={headingId}>{t('console.deadLetters.item', { id: letter.id })}</h3>
        <dl className="facts facts--compact">
          <Fact label={t('console.deadLetters.doctor')}>
            <code className="break">{letter.doctorId}</code>
            {letter.doctorVersion != null
              ? ` ${t('console.deadLetters.version', { version: letter.doctorVersion })}`
              : null}
          </Fact>
          {letter.createdAt ? (
            <Fact label={t('console.deadLetters.failedAt')}>{formatMoment(letter.createdAt)}</Fact>
          ) : null}
          {letter.httpStatus ? (
            <Fact label={t('console.deadLetters.answer')}>
              {t('console.deadLetters.http', { status: letter.httpStatus })}
            </Fact>
          ) : null}
          {letter.reason ? (
            <Fact label={t('console.deadLetters.reason')}>{letter.reason}</Fact>
          ) : null}
          {letter.replayedAt ? (
            <Fact label={t('console.deadLetters.replayedAt')}>
              {formatMoment(letter.replayedAt)}
            </Fact>
          ) : null}
        </dl>
        {letter.operationOutcome ? (
          <details className="dead-letter__outcome">
            <summary>{t('console.deadLetters.outcome')}</summary>
            <pre>{pretty(letter.operationOutcome)}</pre>
          </details>
        ) : null}
        <ProblemAlert error={replay.error} />
        {letter.replayedAt ? null : (
          <button
            type="button"
            className="button button--primary button--small"
            disabled={replay.isPending}
            onClick={() => void send()}
          >
            {t(replay.isPending ? 'console.deadLetters.replaying' : 'console.deadLetters.replay')}{' '}
            <span className="visually-hidden">
              {t('console.deadLetters.item', { id: letter.id }).toLowerCase()}
            </span>
          </button>
        )}
      </article>
    </li>
  );
}

interface DeadLettersProps {
  insurerId: string;
  insurerName: string;
  onClose: () => void;
}

const hasId = (letter: DeadLetter): letter is DeadLetter & { id: number } =>
  typeof letter.id === 'number';

/** An insurer's dead letters (open ones, or all), each with its failure and a replay button. */
export function DeadLetters({ insurerId, insurerName, onClose }: DeadLettersProps) {
  const [all, setAll] = useState(false);
  const letters = useDeadLetters(insurerId, all);
  const [notice, setNotice] = useState<{ id: number; n: number } | null>(null);
  const noticeRef = useRef<HTMLDivElement>(null);
  const headingId = useId();
  const checkboxId = useId();

  useEffect(() => {
    if (notice) noticeRef.current?.focus();
  }, [notice]);

  const list = (letters.data ?? []).filter(hasId);
  return (
    <section className="card section dead-letters" aria-labelledby={headingId}>
      <PageHeading level={2} id={headingId}>
        {letters.data === undefined
          ? t('console.deadLetters.title', { name: insurerName })
          : t('console.deadLetters.titleCount', { name: insurerName, count: list.length })}
      </PageHeading>
      <p className="muted">{t('console.deadLetters.lead')}</p>
      <div className="dead-letters__tools">
        <label className="checkbox" htmlFor={checkboxId}>
          <input
            id={checkboxId}
            type="checkbox"
            checked={all}
            onChange={(event) => setAll(event.target.checked)}
          />
          {t('console.deadLetters.includeReplayed')}
        </label>
        <button type="button" className="button button--secondary button--small" onClick={onClose}>
          {t('console.deadLetters.close')}
        </button>
      </div>
      <div ref={noticeRef} tabIndex={-1}>
        {notice ? (
          <Notice key={notice.n} tone="success">
            {t('console.deadLetters.replayed', { id: notice.id, name: insurerName })}
          </Notice>
        ) : null}
      </div>
      {letters.isPending ? (
        <Loading label={t('console.deadLetters.loading')} />
      ) : letters.isError ? (
        <ProblemAlert error={letters.error}>
          <button
            type="button"
            className="button button--secondary button--small"
            onClick={() => void letters.refetch()}
          >
            {t('app.tryAgain')}
          </button>
        </ProblemAlert>
      ) : list.length === 0 ? (
        <p>
          {t(all ? 'console.deadLetters.noneAtAll' : 'console.deadLetters.none', {
            name: insurerName,
          })}
        </p>
      ) : (
        <ul className="dead-letters__list">
          {list.map((letter) => (
            <DeadLetterItem
              key={letter.id}
              letter={letter}
              insurerId={insurerId}
              onReplayed={(id) => setNotice((current) => ({ id, n: (current?.n ?? 0) + 1 }))}
            />
          ))}
        </ul>
      )}
    </section>
  );
}
