import type { ReactNode } from 'react';
import { useId, useRef, useState } from 'react';
import { ProblemAlert } from '../../../components/ProblemAlert';
import { t } from '../../../i18n';
import { QueuePage, useFocusedNotice } from '../QueuePage';
import { RejectForm } from './RejectForm';
import {
  useApplications,
  useDecideApplication,
  useRetestConnection,
  type Application,
  type ApplicationStatus,
} from './api';

/** Statuses still on the way to live; the others leave the list. */
const ONBOARDING: readonly ApplicationStatus[] = [
  'AWAITING_APPROVAL',
  'ISSUING_CREDENTIALS',
  'TESTING_CONNECTION',
  'CONNECTION_FAILED',
];

const TONE: Record<ApplicationStatus, string> = {
  AWAITING_APPROVAL: 'badge--warn',
  ISSUING_CREDENTIALS: 'badge--info',
  TESTING_CONNECTION: 'badge--info',
  CONNECTION_FAILED: 'badge--off',
  LIVE: 'badge--on',
  REJECTED: 'badge--off',
};

export function statusName(status: ApplicationStatus | undefined): string {
  return t(`console.insurers.status.${status ?? 'AWAITING_APPROVAL'}`);
}

function Fact({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div className="facts__item">
      <dt>{label}</dt>
      <dd>{children}</dd>
    </div>
  );
}

function Details({ application }: { application: Application }) {
  const networks = application.networks ?? [];
  const connector = application.connector;
  const address = application.address;
  const addressText = address
    ? [...(address.lines ?? []), address.city, address.state, address.postalCode, address.country]
        .filter(Boolean)
        .join(', ')
    : '';
  const none = <span className="muted">{t('console.review.none')}</span>;
  return (
    <dl className="facts">
      <Fact label={t('console.insurers.id')}>
        <code>{application.id}</code>
      </Fact>
      <Fact label={t('console.insurers.contact')}>
        {application.contactEmail ? (
          <a href={`mailto:${application.contactEmail}`}>{application.contactEmail}</a>
        ) : (
          none
        )}
      </Fact>
      <Fact label={t('console.insurers.networks')}>
        {networks.length ? (
          <ul className="facts__list">
            {networks.map((network, index) => (
              <li key={`${index}:${network.id ?? ''}`}>
                {network.name ?? network.id}
                {network.productType ? ` (${network.productType})` : ''}
                {network.id && network.name ? (
                  <>
                    {' '}
                    <code className="muted">{network.id}</code>
                  </>
                ) : null}
              </li>
            ))}
          </ul>
        ) : (
          none
        )}
      </Fact>
      <Fact label={t('console.insurers.connector')}>
        {connector?.kind || connector?.baseUrl ? (
          <>
            {connector.kind ?? ''}
            {connector.baseUrl ? (
              <>
                <br />
                <code className="break">{connector.baseUrl}</code>
              </>
            ) : null}
            {connector.auth?.type ? (
              <>
                <br />
                {t('console.insurers.auth', { type: connector.auth.type })}
              </>
            ) : null}
          </>
        ) : (
          none
        )}
      </Fact>
      {application.identifier?.value ? (
        <Fact label={t('console.insurers.identifier')}>
          <code className="break">
            {[application.identifier.system, application.identifier.value]
              .filter(Boolean)
              .join(' | ')}
          </code>
        </Fact>
      ) : null}
      {addressText ? <Fact label={t('console.insurers.address')}>{addressText}</Fact> : null}
    </dl>
  );
}

interface CardProps {
  application: Application & { id: string };
  onNotice: (message: string) => void;
}

/** One application: who the insurer is, where it stands, and what the operator can do now. */
function ApplicationCard({ application, onNotice }: CardProps) {
  const { id } = application;
  const name = application.name || id;
  const decide = useDecideApplication(id);
  const retest = useRetestConnection(id);
  const [rejecting, setRejecting] = useState(false);
  const rejectButton = useRef<HTMLButtonElement>(null);
  const headingId = useId();
  const status = application.status ?? 'AWAITING_APPROVAL';
  const busy = decide.isPending || retest.isPending;

  const approve = async () => {
    if (busy) return;
    retest.reset();
    try {
      const progress = await decide.mutateAsync({ approved: true });
      onNotice(t('console.insurers.approved', { name, status: statusName(progress.step) }));
    } catch {
      // Shown by the alert.
    }
  };

  const testAgain = async () => {
    if (busy) return;
    decide.reset();
    try {
      const progress = await retest.mutateAsync(undefined);
      onNotice(t('console.insurers.retested', { name, status: statusName(progress.step) }));
    } catch {
      // Shown by the alert.
    }
  };

  return (
    <article className="card review" aria-labelledby={headingId}>
      <header className="review__header">
        <h2 id={headingId}>{name}</h2>
        <p>
          <span className={`badge ${TONE[status]}`}>
            <span className="visually-hidden">{t('console.insurers.statusLabel')}</span>{' '}
            {statusName(status)}
          </span>
        </p>
      </header>
      <p>{t(`console.insurers.statusBody.${status}`)}</p>
      {status === 'CONNECTION_FAILED' && application.statusReason ? (
        <div className="callout callout--danger">
          <p>
            <strong>{t('console.insurers.failedBecause')}</strong> {application.statusReason}
          </p>
        </div>
      ) : null}
      <Details application={application} />
      {rejecting ? (
        <RejectForm
          insurerName={name}
          busy={decide.isPending}
          onReject={async (reason) => {
            await decide.mutateAsync({ approved: false, reason });
            onNotice(t('console.insurers.rejected', { name }));
          }}
          onCancel={() => {
            decide.reset();
            setRejecting(false);
            setTimeout(() => rejectButton.current?.focus(), 0);
          }}
        />
      ) : (
        <>
          <ProblemAlert error={decide.error ?? retest.error} />
          {status === 'AWAITING_APPROVAL' ? (
            <div className="actions">
              <button
                type="button"
                className="button button--primary"
                disabled={busy}
                onClick={() => void approve()}
              >
                {t(decide.isPending ? 'console.insurers.approving' : 'console.insurers.approve')}
              </button>
              <button
                ref={rejectButton}
                type="button"
                className="button button--secondary"
                disabled={busy}
                onClick={() => {
                  decide.reset();
                  setRejecting(true);
                }}
              >
                {t('console.insurers.reject')}
              </button>
            </div>
          ) : status === 'CONNECTION_FAILED' ? (
            <div className="actions">
              <button
                type="button"
                className="button button--primary"
                disabled={busy}
                onClick={() => void testAgain()}
              >
                {t(retest.isPending ? 'console.insurers.testing' : 'console.insurers.testAgain')}
              </button>
            </div>
          ) : null}
        </>
      )}
    </article>
  );
}

const isOnboarding = (a: Application): a is Application & { id: string } =>
  Boolean(a.id) && ONBOARDING.includes(a.status ?? 'AWAITING_APPROVAL');

/** Insurer registrations waiting for an operator, or on their way to live. */
export function ApplicationsPage() {
  const applications = useApplications({ poll: true });
  const notice = useFocusedNotice();

  const list = (applications.data ?? []).filter(isOnboarding);
  const waiting = list.filter(
    (a) => a.status !== 'ISSUING_CREDENTIALS' && a.status !== 'TESTING_CONNECTION',
  );
  return (
    <QueuePage
      heading={
        applications.data === undefined
          ? t('console.insurers.title')
          : t('console.insurers.titleCount', { count: list.length })
      }
      lead={t('console.insurers.lead')}
      notice={notice}
      query={applications}
      loadingLabel={t('console.insurers.loading')}
      isEmpty={list.length === 0}
      empty={{ title: t('console.insurers.empty'), body: t('console.insurers.emptyBody') }}
    >
      {waiting.length ? <p>{t('console.insurers.needYou', { count: waiting.length })}</p> : null}
      <ul className="review-list" aria-label={t('console.insurers.listLabel')}>
        {list.map((application) => (
          <li key={application.id}>
            <ApplicationCard application={application} onNotice={notice.show} />
          </li>
        ))}
      </ul>
    </QueuePage>
  );
}
