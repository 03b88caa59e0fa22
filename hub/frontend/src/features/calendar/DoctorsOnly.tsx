import { Link } from 'react-router';
import { PageHeading } from '../../components/PageHeading';
import { t } from '../../i18n';
import { useSession } from '../auth/api';

/** The page for an account that is not a doctor's with a profile. */
export function DoctorsOnly({ title }: { title: string }) {
  const session = useSession();
  const needsProfile = session?.role === 'DOCTOR' && !session.doctorId;
  return (
    <div className="narrow">
      <PageHeading>{title}</PageHeading>
      <p>{needsProfile ? t('calendar.profileFirst') : t('calendar.doctorsOnly')}</p>
      <p>
        {needsProfile ? (
          <Link to="/profile">{t('calendar.createProfile')}</Link>
        ) : (
          <Link to="/">{t('common.goHome')}</Link>
        )}
      </p>
    </div>
  );
}
