import { Link } from 'react-router';
import { PageHeading } from '../../components/PageHeading';
import { t } from '../../i18n';
import { useSession } from '../auth/api';

/** The signed-in start page. Cards for further features are added here as they arrive. */
export function HomePage() {
  const session = useSession();
  if (!session) return null;
  return (
    <div>
      <PageHeading>{t('home.title')}</PageHeading>
      <p className="lead">
        {t('home.lead', {
          name: session.email ?? session.username,
          role: t(`role.${session.role}`),
        })}
      </p>
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
            <li className="card card--link">
              <h2 className="card__title">
                <Link to="/profile">{t('home.profileCard')}</Link>
              </h2>
              <p>{t('home.profileCardBody')}</p>
            </li>
            <li className="card card--link">
              <h2 className="card__title">
                <Link to="/onboarding">{t('home.onboardingCard')}</Link>
              </h2>
              <p>{t('home.onboardingCardBody')}</p>
            </li>
          </>
        ) : (
          <li className="card card--link card--primary">
            <h2 className="card__title">
              <Link to="/profile">{t('home.createProfile')}</Link>
            </h2>
            <p>{t('home.createProfileBody')}</p>
          </li>
        )}
        <li className="card card--link">
          <h2 className="card__title">
            <Link to="/security">{t('home.securityCard')}</Link>
          </h2>
          <p>{t('home.securityCardBody')}</p>
          {session.secondFactor ? null : <p className="card__note">{t('home.secondFactorOff')}</p>}
        </li>
      </ul>
    </div>
  );
}
