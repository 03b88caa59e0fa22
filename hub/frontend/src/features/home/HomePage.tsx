import type { ReactNode } from 'react';
import { Link } from 'react-router';
import { Loading } from '../../components/Loading';
import { PageHeading } from '../../components/PageHeading';
import { ProblemAlert } from '../../components/ProblemAlert';
import { t } from '../../i18n';
import { useSession, type Session } from '../auth/api';
import { PracticeDashboard } from '../dashboard/PracticeDashboard';
import { useOnboarding, type Step } from '../onboarding/api';

type Level = 'h2' | 'h3';

function ProfileCard({ level: Heading = 'h2' }: { level?: Level }) {
  return (
    <li className="card card--link">
      <Heading className="card__title">
        <Link to="/profile">{t('home.profileCard')}</Link>
      </Heading>
      <p>{t('home.profileCardBody')}</p>
    </li>
  );
}

function SecurityCard({ session, level: Heading = 'h2' }: { session: Session; level?: Level }) {
  return (
    <li className="card card--link">
      <Heading className="card__title">
        <Link to="/security">{t('home.securityCard')}</Link>
      </Heading>
      <p>{t('home.securityCardBody')}</p>
      {session.secondFactor ? null : <p className="card__note">{t('home.secondFactorOff')}</p>}
    </li>
  );
}

/** A doctor's way to the dashboard while their profile is not active yet. */
function OnboardingCard({ step }: { step: Step | undefined }) {
  return (
    <li className="card card--link card--primary">
      <h2 className="card__title">
        <Link to="/onboarding">{t('dashboard.home.finishOnboarding')}</Link>
      </h2>
      {step ? (
        <p>{t('dashboard.home.onboardingStatus', { status: t(`onboarding.status.${step}`) })}</p>
      ) : null}
      <p>{t('dashboard.home.onboardingFirst')}</p>
    </li>
  );
}

/**
 * The welcome page: every account's start, and a doctor's until their profile is active.
 * `step` is the onboarding step of a doctor with a profile.
 */
function Welcome({
  session,
  step,
  children,
}: {
  session: Session;
  step?: Step;
  children?: ReactNode;
}) {
  return (
    <div>
      <PageHeading>{t('home.title')}</PageHeading>
      <p className="lead">
        {t('home.lead', {
          name: session.email ?? session.username,
          role: t(`role.${session.role}`),
        })}
      </p>
      {children}
      <ul className="cards" aria-label={t('home.cardsLabel')}>
        {session.role === 'OPERATOR' ? (
          <>
            {(['review', 'insurers', 'delivery'] as const).map((part) => (
              <li key={part} className="card card--link">
                <h2 className="card__title">
                  <Link to={`/console/${part}`}>{t(`console.home.${part}`)}</Link>
                </h2>
                <p>{t(`console.home.${part}Body`)}</p>
              </li>
            ))}
          </>
        ) : session.role !== 'DOCTOR' ? null : session.doctorId ? (
          <>
            <OnboardingCard step={step} />
            <ProfileCard />
          </>
        ) : (
          <li className="card card--link card--primary">
            <h2 className="card__title">
              <Link to="/profile">{t('home.createProfile')}</Link>
            </h2>
            <p>{t('home.createProfileBody')}</p>
          </li>
        )}
        <SecurityCard session={session} />
      </ul>
    </div>
  );
}

/** A doctor's home: the practice dashboard once onboarding is done, the way there before. */
function DoctorHome({ session, doctorId }: { session: Session; doctorId: string }) {
  const onboarding = useOnboarding(doctorId);
  if (onboarding.isPending) return <Loading label={t('dashboard.home.loading')} />;
  const step = onboarding.data?.step;
  if (step !== 'ACTIVE') {
    return (
      <Welcome session={session} step={step}>
        {onboarding.isError ? (
          <ProblemAlert error={onboarding.error}>
            <button
              type="button"
              className="button button--secondary"
              onClick={() => void onboarding.refetch()}
            >
              {t('app.tryAgain')}
            </button>
          </ProblemAlert>
        ) : null}
      </Welcome>
    );
  }
  return (
    <div className="stack">
      <PracticeDashboard doctorId={doctorId} />
      <section aria-labelledby="account-title">
        <h2 id="account-title">{t('dashboard.home.account')}</h2>
        <ul className="cards cards--tight">
          {(['appointments', 'availability'] as const).map((part) => (
            <li key={part} className="card card--link">
              <h3 className="card__title">
                <Link to={`/${part}`}>{t(`home.${part}Card`)}</Link>
              </h3>
              <p>{t(`home.${part}CardBody`)}</p>
            </li>
          ))}
          <ProfileCard level="h3" />
          <SecurityCard session={session} level="h3" />
        </ul>
      </section>
    </div>
  );
}

/** The signed-in start page. */
export function HomePage() {
  const session = useSession();
  if (!session) return null;
  if (session.role === 'DOCTOR' && session.doctorId) {
    return <DoctorHome session={session} doctorId={session.doctorId} />;
  }
  return <Welcome session={session} />;
}
