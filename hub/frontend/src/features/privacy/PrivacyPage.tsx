import { useId, useMemo, useRef, useState } from 'react';
import { Link } from 'react-router';
import { Loading } from '../../components/Loading';
import { PageHeading } from '../../components/PageHeading';
import { ProblemAlert } from '../../components/ProblemAlert';
import { SelectField } from '../../components/SelectField';
import { t } from '../../i18n';
import { useSession } from '../auth/api';
import { useDoctorInsurers } from '../insurers/api';
import { formatDateTime, formatTime } from '../insurers/format';
import { useDisclosures, useHistory, type Disclosure } from './api';
import { byDay, countsInWords, describe, describeChange, summarize } from './words';

interface Older {
  hasNextPage: boolean;
  isFetchingNextPage: boolean;
  isFetchNextPageError: boolean;
  error: unknown;
  fetchNextPage: () => Promise<{ hasNextPage: boolean }>;
}

/**
 * "Load older" under a newest-first list: the button keeps focus while the page loads (it is
 * aria-disabled rather than disabled), what arrived is announced, and once there is nothing
 * older the closing sentence takes the focus the button had.
 */
function LoadOlder({
  query,
  count,
  label,
  end,
}: {
  query: Older;
  /** How many items are loaded, to announce how many a click added. */
  count: number;
  label: string;
  end: string;
}) {
  // How many were loaded before the last click; null before any.
  const [countBefore, setCountBefore] = useState<number | null>(null);
  const endRef = useRef<HTMLParagraphElement>(null);
  const busy = query.isFetchingNextPage;

  const onClick = async () => {
    if (busy) return;
    setCountBefore(count);
    const result = await query.fetchNextPage();
    if (!result.hasNextPage) setTimeout(() => endRef.current?.focus(), 0);
  };

  const added = countBefore === null ? 0 : count - countBefore;
  return (
    <div className="privacy__older">
      <p role="status" className="visually-hidden">
        {added > 0 ? t('privacy.loadedOlder', { count: added }) : ''}
      </p>
      {query.isFetchNextPageError ? <ProblemAlert error={query.error} /> : null}
      {query.hasNextPage ? (
        <button
          type="button"
          className="button button--secondary"
          aria-disabled={busy || undefined}
          onClick={() => void onClick()}
        >
          {busy ? (
            <>
              <span className="spinner" aria-hidden="true" />
              {t('privacy.loadingOlder')}
            </>
          ) : (
            label
          )}
        </button>
      ) : countBefore !== null ? (
        <p ref={endRef} tabIndex={-1} className="muted">
          {end}
        </p>
      ) : null}
    </div>
  );
}

function DisclosureItem({ disclosure, insurer }: { disclosure: Disclosure; insurer: string }) {
  return (
    <li className="disclosure">
      <p className="disclosure__head">
        <time dateTime={disclosure.at} className="disclosure__time">
          {formatTime(disclosure.at)}
        </time>{' '}
        <strong>{insurer}</strong>
      </p>
      <p className="disclosure__what">
        {describe(disclosure.interaction)}
        {disclosure.resources !== undefined ? (
          <span className="disclosure__records">
            {' · '}
            {t('privacy.records', { count: disclosure.resources })}
          </span>
        ) : null}
      </p>
      <details className="disclosure__details">
        <summary>{t('privacy.details')}</summary>
        <dl>
          <dt>{t('privacy.request')}</dt>
          <dd>
            <code>{disclosure.request}</code>
          </dd>
          {disclosure.clientId ? (
            <>
              <dt>{t('privacy.client')}</dt>
              <dd>
                <code>{disclosure.clientId}</code>
              </dd>
            </>
          ) : null}
        </dl>
      </details>
    </li>
  );
}

function Disclosures({
  doctorId,
  insurerName,
}: {
  doctorId: string;
  insurerName: (id: string) => string;
}) {
  const disclosures = useDisclosures(doctorId);
  const [insurer, setInsurer] = useState('');
  const filterId = useId();
  const loaded = useMemo(
    () => disclosures.data?.pages.flatMap((page) => page.disclosures ?? []) ?? [],
    [disclosures.data],
  );
  const summaries = useMemo(() => summarize(loaded), [loaded]);

  if (disclosures.isPending) return <Loading label={t('privacy.loading')} />;
  if (disclosures.isError && !disclosures.data) {
    return (
      <ProblemAlert error={disclosures.error}>
        <button
          type="button"
          className="button button--secondary"
          onClick={() => void disclosures.refetch()}
        >
          {t('app.tryAgain')}
        </button>
      </ProblemAlert>
    );
  }
  if (!loaded.length) {
    return (
      <section className="card section privacy__empty" aria-labelledby="privacy-empty">
        <h2 id="privacy-empty">{t('privacy.empty')}</h2>
        <p>{t('privacy.emptyBody')}</p>
        <p>
          <Link to="/insurers">{t('privacy.joinInsurers')}</Link>
        </p>
      </section>
    );
  }

  const shown = insurer ? loaded.filter((d) => (d.insurerId ?? '') === insurer) : loaded;
  const options = [
    { value: '', label: t('privacy.allInsurers') },
    ...summaries
      .map((s) => ({ value: s.insurerId, label: insurerName(s.insurerId) }))
      .sort((a, b) => a.label.localeCompare(b.label)),
  ];

  return (
    <>
      <section className="card section" aria-labelledby="privacy-summary">
        <h2 id="privacy-summary">{t('privacy.summary')}</h2>
        <ul className="privacy__summary">
          {summaries.map((s) => (
            <li key={s.insurerId}>
              <strong>{insurerName(s.insurerId)}</strong>: {countsInWords(s.counts)}
            </li>
          ))}
        </ul>
        <p className="muted">
          {disclosures.hasNextPage
            ? t('privacy.summaryLead', { count: loaded.length })
            : t('privacy.summaryAll', { count: loaded.length })}
        </p>
      </section>
      <section className="card section" aria-labelledby="privacy-activity">
        <h2 id="privacy-activity">{t('privacy.activity')}</h2>
        <SelectField
          id={filterId}
          className="privacy__filter"
          label={t('privacy.filter')}
          name="insurer"
          options={options}
          value={insurer}
          onChange={(event) => setInsurer(event.target.value)}
        />
        {shown.length ? (
          byDay(shown).map((day) => (
            // A list named by its day, not a landmark: days are many.
            <div key={day.key} className="privacy__day">
              <h3 id={`day-${day.key}`}>{day.label}</h3>
              <ol className="disclosures" aria-labelledby={`day-${day.key}`}>
                {day.items.map((d) => (
                  <DisclosureItem
                    key={`${d.id}:${d.doctorId}`}
                    disclosure={d}
                    insurer={insurerName(d.insurerId ?? '')}
                  />
                ))}
              </ol>
            </div>
          ))
        ) : (
          <p className="privacy__none">
            {t('privacy.filteredEmpty', { name: insurerName(insurer) })}{' '}
            {disclosures.hasNextPage ? t('privacy.filteredMore') : null}
          </p>
        )}
        <LoadOlder
          query={disclosures}
          count={loaded.length}
          label={t('privacy.loadOlder')}
          end={t('privacy.end')}
        />
      </section>
    </>
  );
}

function History({
  doctorId,
  username,
  insurerName,
}: {
  doctorId: string;
  username: string;
  insurerName: (id: string) => string;
}) {
  const history = useHistory(doctorId);
  const events = history.data?.pages.flatMap((page) => page.events ?? []) ?? [];
  return (
    <section className="card section" aria-labelledby="privacy-history">
      <h2 id="privacy-history">{t('privacy.history')}</h2>
      <p className="muted">{t('privacy.historyLead')}</p>
      {history.isPending ? (
        <Loading label={t('privacy.loading')} />
      ) : history.isError && !history.data ? (
        <ProblemAlert error={history.error} />
      ) : events.length ? (
        <ol className="privacy__changes">
          {events.map((entry) => (
            <li key={entry.id}>
              <time dateTime={entry.at}>{formatDateTime(entry.at)}</time>{' '}
              <strong>{describeChange(entry, insurerName)}</strong>
              <span className="muted">
                {entry.doctorVersion !== undefined
                  ? ` (${t('privacy.changeVersion', { version: entry.doctorVersion })})`
                  : null}
                {entry.actor
                  ? `, ${entry.actor === username || entry.actor === 'doctor' ? t('privacy.byYou') : t('privacy.by', { actor: entry.actor })}`
                  : null}
              </span>
            </li>
          ))}
        </ol>
      ) : (
        <p>{t('privacy.historyEmpty')}</p>
      )}
      {events.length ? (
        <LoadOlder
          query={history}
          count={events.length}
          label={t('privacy.historyOlder')}
          end={t('privacy.historyEnd')}
        />
      ) : null}
    </section>
  );
}

function Transparency({ doctorId, username }: { doctorId: string; username: string }) {
  // Only for the names: without them the insurers' ids are shown.
  const insurers = useDoctorInsurers(doctorId, { poll: false });
  const names = useMemo(
    () => new Map((insurers.data ?? []).map((i) => [i.insurerId, i.name])),
    [insurers.data],
  );
  const insurerName = (id: string) => names.get(id) ?? id;
  return (
    <>
      <Disclosures doctorId={doctorId} insurerName={insurerName} />
      <History doctorId={doctorId} username={username} insurerName={insurerName} />
    </>
  );
}

/** Who saw my data: each insurer's reads, searches, exports and notifications about the doctor. */
export function PrivacyPage() {
  const session = useSession();
  if (!session) return null;
  return (
    <div className="stack privacy">
      <PageHeading>{t('privacy.title')}</PageHeading>
      <p className="lead">{t('privacy.lead')}</p>
      {session.role !== 'DOCTOR' ? (
        <p>{t('privacy.doctorsOnly')}</p>
      ) : session.doctorId ? (
        <Transparency doctorId={session.doctorId} username={session.username} />
      ) : (
        <p>{t('privacy.noProfile')}</p>
      )}
    </div>
  );
}
