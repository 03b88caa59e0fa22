import { useId, useRef, useState, type ReactNode } from 'react';
import { useSearchParams } from 'react-router';
import { ConfirmDialog } from '../../../components/ConfirmDialog';
import { Loading } from '../../../components/Loading';
import { Notice } from '../../../components/Notice';
import { PageHeading } from '../../../components/PageHeading';
import { ProblemAlert } from '../../../components/ProblemAlert';
import { t } from '../../../i18n';
import { formatAgo, formatClock, formatDuration, formatMoment } from '../format';
import { DeadLetters } from './DeadLetters';
import {
  DELIVERY_POLL_MS,
  needsAttention,
  notAnswering,
  useDeliveryOverview,
  useInsurers,
  usePauseResume,
  type InsurerStatus,
} from './api';

const numbers = new Intl.NumberFormat();

/** How far behind an insurer's delivery is, in words. */
export function lagText(status: InsurerStatus): string {
  const lag = status.oldestPendingSeconds ?? 0;
  if (!status.backlog && lag <= 0) return t('console.delivery.upToDate');
  return t('console.delivery.behind', { duration: formatDuration(lag) });
}

interface ActionsProps {
  status: InsurerStatus & { insurerId: string };
  name: string;
  onNotice: (message: string) => void;
  onDeadLetters: () => void;
}

/** The health table's columns, in order. */
const COLUMNS = [
  'insurer',
  'state',
  'backlog',
  'lag',
  'deadLetters',
  'lastSuccess',
  'actions',
] as const;

function RowActions({ status, name, onNotice, onDeadLetters }: ActionsProps) {
  const change = usePauseResume(status.insurerId);
  const [confirming, setConfirming] = useState(false);

  const run = async (action: 'pause' | 'resume') => {
    if (change.isPending) return;
    try {
      await change.mutateAsync(action);
      setConfirming(false);
      onNotice(
        t(action === 'pause' ? 'console.delivery.paused' : 'console.delivery.resumed', { name }),
      );
    } catch {
      // Shown in the dialog, or below the buttons.
    }
  };

  return (
    <div className="row-actions">
      {status.paused ? (
        <button
          type="button"
          className="button button--primary button--small"
          disabled={change.isPending}
          onClick={() => void run('resume')}
        >
          {t(change.isPending ? 'console.delivery.resuming' : 'console.delivery.resume')}{' '}
          <span className="visually-hidden">{t('console.delivery.deliveriesTo', { name })}</span>
        </button>
      ) : (
        <button
          type="button"
          className="button button--secondary button--small"
          disabled={change.isPending}
          onClick={() => {
            change.reset();
            setConfirming(true);
          }}
        >
          {t('console.delivery.pause')}{' '}
          <span className="visually-hidden">{t('console.delivery.deliveriesTo', { name })}</span>
        </button>
      )}
      <button type="button" className="button button--quiet button--small" onClick={onDeadLetters}>
        {t('console.delivery.deadLettersButton')}{' '}
        <span className="visually-hidden">{t('console.delivery.of', { name })}</span>
      </button>
      {!confirming ? <ProblemAlert error={change.error} /> : null}
      <ConfirmDialog
        open={confirming}
        title={t('console.delivery.pauseTitle', { name })}
        confirmLabel={t(
          change.isPending ? 'console.delivery.pausing' : 'console.delivery.pauseConfirm',
        )}
        busy={change.isPending}
        alert={<ProblemAlert error={change.error} />}
        onConfirm={() => void run('pause')}
        onCancel={() => {
          change.reset();
          setConfirming(false);
        }}
      >
        <p>{t('console.delivery.pauseBody', { name })}</p>
      </ConfirmDialog>
    </div>
  );
}

interface RowProps {
  status: InsurerStatus & { insurerId: string };
  name: string;
  now: number;
  onNotice: (message: string) => void;
  onDeadLetters: () => void;
}

/** A cell with its column's name, which the stacked layout on phones shows beside the value. */
function Cell({
  label,
  className,
  children,
}: {
  label: string;
  className?: string;
  children: ReactNode;
}) {
  return (
    <td role="cell" data-label={label} className={className}>
      <div>{children}</div>
    </td>
  );
}

function Row({ status, name, now, onNotice, onDeadLetters }: RowProps) {
  const attention = needsAttention(status);
  const dead = status.deadLetters ?? 0;
  return (
    <tr role="row" className={attention ? 'delivery__row--attention' : undefined}>
      <th scope="row" role="rowheader">
        <span className="delivery__name">{name}</span>
        {name !== status.insurerId ? (
          <>
            {' '}
            <code className="delivery__id">{status.insurerId}</code>
          </>
        ) : null}
      </th>
      <Cell label={t('console.delivery.state')}>
        <span className={`badge ${status.paused ? 'badge--off' : 'badge--on'}`}>
          {t(status.paused ? 'console.delivery.statePaused' : 'console.delivery.stateRunning')}
        </span>
        {notAnswering(status) ? (
          <>
            {' '}
            <span className="badge badge--warn" title={t('console.delivery.notAnsweringHint')}>
              {t('console.delivery.notAnswering')}
            </span>
          </>
        ) : null}
        {attention ? (
          <>
            {' '}
            <span className="badge badge--warn">{t('console.delivery.attention')}</span>
          </>
        ) : null}
        {status.lastError ? (
          <>
            {' '}
            <span className="delivery__error">
              {t('console.delivery.lastError', { error: status.lastError })}
            </span>
          </>
        ) : null}
      </Cell>
      <Cell label={t('console.delivery.backlog')}>
        {numbers.format(status.backlog ?? 0)}
        {status.retrying ? (
          <>
            {' '}
            <span className="delivery__sub">
              {t('console.delivery.retrying', { count: status.retrying })}
            </span>
          </>
        ) : null}
      </Cell>
      <Cell label={t('console.delivery.lag')} className="delivery__lag">
        {lagText(status)}
      </Cell>
      <Cell
        label={t('console.delivery.deadLetters')}
        className={dead ? 'delivery__dead' : undefined}
      >
        {numbers.format(dead)}
      </Cell>
      <Cell label={t('console.delivery.lastSuccess')}>
        {status.lastSuccessAt ? (
          <>
            {formatAgo(status.lastSuccessAt, now)}{' '}
            <span className="delivery__sub">{formatMoment(status.lastSuccessAt)}</span>
          </>
        ) : (
          t('console.delivery.never')
        )}
      </Cell>
      <Cell label={t('console.delivery.actions')}>
        <RowActions status={status} name={name} onNotice={onNotice} onDeadLetters={onDeadLetters} />
      </Cell>
    </tr>
  );
}

const hasId = (s: InsurerStatus): s is InsurerStatus & { insurerId: string } =>
  Boolean(s.insurerId);

/** Delivery health per insurer, refreshed every 10 seconds while the page is visible. */
export function DeliveryPage() {
  const overview = useDeliveryOverview({ poll: true });
  const insurers = useInsurers();
  const [params, setParams] = useSearchParams();
  const [notice, setNotice] = useState<{ text: string; n: number } | null>(null);
  const captionId = useId();
  // The button that opened the dead letters, to go back to when they close.
  const opener = useRef<HTMLElement | null>(null);

  const names = new Map((insurers.data ?? []).map((i) => [i.id ?? '', i.name ?? '']));
  const nameOf = (id: string) => names.get(id) || id;
  const rows = (overview.data ?? [])
    .filter(hasId)
    .sort((a, b) => nameOf(a.insurerId).localeCompare(nameOf(b.insurerId)));
  const attention = rows.filter(needsAttention).length;
  const selected = params.get('insurer');
  const updatedAt = overview.dataUpdatedAt;

  const select = (id: string | null) => {
    if (id) opener.current = document.activeElement as HTMLElement | null;
    else setTimeout(() => opener.current?.focus(), 0);
    setParams(
      (current) => {
        const next = new URLSearchParams(current);
        if (id) next.set('insurer', id);
        else next.delete('insurer');
        return next;
      },
      { preventScrollReset: true },
    );
  };
  const showNotice = (text: string) => setNotice((current) => ({ text, n: (current?.n ?? 0) + 1 }));

  return (
    <div className="stack">
      <PageHeading>{t('console.delivery.title')}</PageHeading>
      <p className="lead">{t('console.delivery.lead')}</p>
      {notice ? (
        <Notice key={notice.n} tone="success">
          {notice.text}
        </Notice>
      ) : null}
      {overview.isPending ? (
        <Loading label={t('console.delivery.loading')} />
      ) : overview.isError && !overview.data ? (
        <ProblemAlert error={overview.error}>
          <button
            type="button"
            className="button button--secondary"
            onClick={() => void overview.refetch()}
          >
            {t('app.tryAgain')}
          </button>
        </ProblemAlert>
      ) : rows.length === 0 ? (
        <div className="card empty">
          <h2>{t('console.delivery.empty')}</h2>
          <p>{t('console.delivery.emptyBody')}</p>
        </div>
      ) : (
        <>
          {overview.isError ? (
            <ProblemAlert error={overview.error}>
              <p>{t('console.delivery.stale', { time: formatClock(updatedAt) })}</p>
            </ProblemAlert>
          ) : null}
          <div className="delivery__status">
            <p>
              {t('console.delivery.updated', {
                time: formatClock(updatedAt),
                seconds: DELIVERY_POLL_MS / 1000,
              })}
            </p>
            <button
              type="button"
              className="button button--secondary button--small"
              disabled={overview.isFetching}
              onClick={() => void overview.refetch()}
            >
              {t(overview.isFetching ? 'console.delivery.refreshing' : 'console.delivery.refresh')}
            </button>
          </div>
          {/* Stacked into cards on phones (styles.css); the roles keep it a table for screen
              readers even then. Between the two, it scrolls inside this labelled region. */}
          <div className="table-scroll" role="region" aria-labelledby={captionId} tabIndex={0}>
            <table role="table" className="table table--stack delivery">
              <caption id={captionId}>
                {t('console.delivery.caption', { count: rows.length })}
                {attention
                  ? ` ${t('console.delivery.captionAttention', { count: attention })}`
                  : ''}
              </caption>
              <thead role="rowgroup">
                <tr role="row">
                  {COLUMNS.map((column) => (
                    <th key={column} scope="col" role="columnheader">
                      {t(`console.delivery.${column}`)}
                    </th>
                  ))}
                </tr>
              </thead>
              <tbody role="rowgroup">
                {rows.map((status) => (
                  <Row
                    key={status.insurerId}
                    status={status}
                    name={nameOf(status.insurerId)}
                    now={updatedAt}
                    onNotice={showNotice}
                    onDeadLetters={() => select(status.insurerId)}
                  />
                ))}
              </tbody>
            </table>
          </div>
        </>
      )}
      {selected ? (
        <DeadLetters
          key={selected}
          insurerId={selected}
          insurerName={nameOf(selected)}
          onClose={() => select(null)}
        />
      ) : null}
    </div>
  );
}
