import { useEffect, useState, type ReactNode } from 'react';
import { Link } from 'react-router';
import { Loading } from '../../components/Loading';
import { PageHeading } from '../../components/PageHeading';
import { ProblemAlert } from '../../components/ProblemAlert';
import { t } from '../../i18n';
import { useSession } from '../auth/api';
import { isCurrent, pollInterval, useDoctorInsurers, type DoctorInsurer } from './api';
import { useNow } from './format';
import { InsurerCard, insurerHeadingId } from './InsurerCard';

function InsurerList({
  id,
  title,
  empty,
  children,
}: {
  id: string;
  title: string;
  empty: string;
  children: ReactNode[];
}) {
  return (
    <section aria-labelledby={id} className="insurers__group">
      <h2 id={id}>{title}</h2>
      {children.length ? (
        <ul className="insurers__list">{children}</ul>
      ) : (
        <p className="insurers__empty">{empty}</p>
      )}
    </section>
  );
}

function Insurers({ doctorId }: { doctorId: string }) {
  const insurers = useDoctorInsurers(doctorId);
  const now = useNow();
  const [notice, setNotice] = useState('');
  // The insurer whose card should take focus once rendered (it moves between the lists).
  const [focusId, setFocusId] = useState<string | null>(null);

  useEffect(() => {
    if (!focusId) return;
    document.getElementById(insurerHeadingId(focusId))?.focus();
    setFocusId(null);
  }, [focusId, insurers.data]);

  if (insurers.isPending) return <Loading label={t('insurers.loading')} />;
  if (insurers.isError && !insurers.data) {
    return (
      <ProblemAlert error={insurers.error}>
        <button
          type="button"
          className="button button--secondary"
          onClick={() => void insurers.refetch()}
        >
          {t('app.tryAgain')}
        </button>
      </ProblemAlert>
    );
  }

  const all = insurers.data;
  const card = (insurer: DoctorInsurer) => (
    <li key={insurer.insurerId}>
      <InsurerCard
        doctorId={doctorId}
        insurer={insurer}
        now={now}
        onJoined={(joined) => {
          setNotice(t('insurers.joined', { name: joined.name }));
          setFocusId(joined.insurerId);
        }}
        onLeaving={(left) => {
          setNotice(t('insurers.left', { name: left.name }));
          setFocusId(left.insurerId);
        }}
      />
    </li>
  );
  const yours = all.filter(isCurrent);
  const others = all.filter((i) => !isCurrent(i));

  return (
    <>
      {/* Always present, so that what is put in it is announced. */}
      <div role="status" className="insurers__notice">
        {notice ? <p className="notice notice--success">{notice}</p> : null}
      </div>
      {insurers.isError ? <ProblemAlert error={insurers.error} /> : null}
      {pollInterval(all) ? (
        <p className="working insurers__updating">
          <span className="spinner" aria-hidden="true" />
          {t('insurers.updating')}
        </p>
      ) : null}
      <InsurerList
        id="insurers-yours"
        title={t('insurers.yours')}
        empty={
          others.length
            ? `${t('insurers.yoursEmpty')} ${t('insurers.yoursEmptyHint')}`
            : t('insurers.yoursEmpty')
        }
      >
        {yours.map(card)}
      </InsurerList>
      <InsurerList
        id="insurers-others"
        title={t('insurers.others')}
        empty={t(yours.length ? 'insurers.othersEmpty' : 'insurers.noneAtAll')}
      >
        {others.map(card)}
      </InsurerList>
    </>
  );
}

/** The insurers on DocPort: the doctor joins and leaves them and sees how each connection is. */
export function InsurersPage() {
  const session = useSession();
  if (!session) return null;
  return (
    <div className="stack insurers">
      <PageHeading>{t('insurers.title')}</PageHeading>
      <p className="lead">{t('insurers.lead')}</p>
      {session.role !== 'DOCTOR' ? (
        <p>{t('insurers.doctorsOnly')}</p>
      ) : session.doctorId ? (
        <Insurers doctorId={session.doctorId} />
      ) : (
        <>
          <p>{t('insurers.noProfile')}</p>
          <p>
            <Link to="/profile" className="button button--primary">
              {t('home.createProfile')}
            </Link>
          </p>
        </>
      )}
    </div>
  );
}
