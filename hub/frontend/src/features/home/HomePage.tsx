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
