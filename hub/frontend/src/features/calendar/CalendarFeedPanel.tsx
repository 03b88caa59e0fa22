import { useState } from 'react';
import { ConfirmDialog } from '../../components/ConfirmDialog';
import { Loading } from '../../components/Loading';
import { Notice } from '../../components/Notice';
import { ProblemAlert } from '../../components/ProblemAlert';
import { TextField } from '../../components/TextField';
import { t } from '../../i18n';
import { useCalendarFeed, useRevokeFeed, useRotateFeed } from './api';
import { formatDateTime } from './format';

function NewLink({ url }: { url: string }) {
  const [copied, setCopied] = useState<boolean | null>(null);
  return (
    <div className="feed-link">
      <TextField
        label={t('feed.link')}
        hint={t('feed.linkHint')}
        name="feed-url"
        value={url}
        readOnly
        onFocus={(event) => event.target.select()}
        addon={
          <button
            type="button"
            className="button button--secondary field__addon"
            onClick={() =>
              navigator.clipboard.writeText(url).then(
                () => setCopied(true),
                () => setCopied(false),
              )
            }
          >
            {t('feed.copy')}
          </button>
        }
      />
      <span role="status" className="secret__status">
        {copied === true ? t('feed.copied') : copied === false ? t('feed.copyFailed') : null}
      </span>
      <p>
        <a href={url.replace(/^https?:/, 'webcal:')}>{t('feed.subscribe')}</a>
      </p>
    </div>
  );
}

/** The private iCalendar link to the doctor's appointments: made, made anew, or turned off. */
export function CalendarFeedPanel({ doctorId }: { doctorId: string }) {
  const feed = useCalendarFeed(doctorId);
  const rotate = useRotateFeed(doctorId);
  const revoke = useRevokeFeed(doctorId);
  const [asking, setAsking] = useState<'rotate' | 'revoke' | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const on = !!feed.data;
  const url = rotate.data?.url;

  const make = async () => {
    setNotice(null);
    revoke.reset();
    try {
      await rotate.mutateAsync();
    } finally {
      setAsking(null);
    }
  };
  const turnOff = async () => {
    setNotice(null);
    rotate.reset();
    try {
      await revoke.mutateAsync();
      setNotice(t('feed.turnedOff'));
    } finally {
      setAsking(null);
    }
  };

  return (
    <section className="card section" aria-labelledby="feed-heading">
      <h2 id="feed-heading">{t('feed.title')}</h2>
      <p>{t('feed.lead')}</p>
      <ProblemAlert error={rotate.error ?? revoke.error} />
      {notice ? <Notice tone="success">{notice}</Notice> : null}
      {feed.isPending ? (
        <Loading label={t('feed.loading')} />
      ) : feed.isError ? (
        <ProblemAlert error={feed.error}>
          <button
            type="button"
            className="button button--secondary"
            onClick={() => void feed.refetch()}
          >
            {t('app.tryAgain')}
          </button>
        </ProblemAlert>
      ) : (
        <>
          {url ? <NewLink url={url} /> : null}
          {on && !url ? (
            <p>
              {t('feed.onSince', { date: formatDateTime(feed.data?.createdAt ?? '') })}{' '}
              {t('feed.shownOnce')}
            </p>
          ) : null}
          {!on ? <p className="muted">{t('feed.off')}</p> : null}
          <div className="actions">
            {on ? (
              <>
                <button
                  type="button"
                  className="button button--secondary"
                  onClick={() => setAsking('rotate')}
                  disabled={rotate.isPending}
                >
                  {t('feed.rotate')}
                </button>
                <button
                  type="button"
                  className="button button--quiet"
                  onClick={() => setAsking('revoke')}
                  disabled={revoke.isPending}
                >
                  {t('feed.turnOff')}
                </button>
              </>
            ) : (
              <button
                type="button"
                className="button button--primary"
                onClick={() => void make().catch(() => undefined)}
                disabled={rotate.isPending}
              >
                {rotate.isPending ? t('common.working') : t('feed.make')}
              </button>
            )}
          </div>
        </>
      )}
      <ConfirmDialog
        open={asking === 'rotate'}
        title={t('feed.rotateTitle')}
        confirmLabel={rotate.isPending ? t('common.working') : t('feed.rotateConfirm')}
        busy={rotate.isPending}
        onConfirm={() => void make().catch(() => undefined)}
        onCancel={() => setAsking(null)}
      >
        <p>{t('feed.rotateBody')}</p>
      </ConfirmDialog>
      <ConfirmDialog
        open={asking === 'revoke'}
        title={t('feed.turnOffTitle')}
        confirmLabel={revoke.isPending ? t('common.working') : t('feed.turnOffConfirm')}
        busy={revoke.isPending}
        onConfirm={() => void turnOff().catch(() => undefined)}
        onCancel={() => setAsking(null)}
      >
        <p>{t('feed.turnOffBody')}</p>
      </ConfirmDialog>
    </section>
  );
}
