import { Link } from 'react-router';
import { Loading } from '../../components/Loading';
import { PageHeading } from '../../components/PageHeading';
import { ProblemAlert } from '../../components/ProblemAlert';
import { t } from '../../i18n';
import { useSession } from '../auth/api';
import { useAvailability, usePracticeLocations } from './api';
import { AvailabilityEditor } from './AvailabilityEditor';
import { DoctorsOnly } from './DoctorsOnly';

function Availability({ doctorId }: { doctorId: string }) {
  const availability = useAvailability(doctorId);
  const practices = usePracticeLocations(doctorId);
  const failed = availability.isError ? availability : practices.isError ? practices : null;
  if (failed) {
    return (
      <ProblemAlert error={failed.error}>
        <button
          type="button"
          className="button button--secondary"
          onClick={() => void failed.refetch()}
        >
          {t('app.tryAgain')}
        </button>
      </ProblemAlert>
    );
  }
  if (!availability.data || !practices.data) return <Loading label={t('avail.loading')} />;
  if (!practices.data.length && !availability.data.availability.locations?.length) {
    return (
      <div className="notice">
        <p>{t('avail.noPractices')}</p>
        <p>
          <Link to="/profile">{t('avail.toProfile')}</Link>
        </p>
      </div>
    );
  }
  return (
    <AvailabilityEditor
      doctorId={doctorId}
      initial={availability.data}
      practices={practices.data}
    />
  );
}

/** Where the doctor sets the services, weekly hours, extra hours and leave that make the slots. */
export function AvailabilityPage() {
  const session = useSession();
  if (!session) return null;
  if (session.role !== 'DOCTOR' || !session.doctorId) {
    return <DoctorsOnly title={t('avail.title')} />;
  }
  return (
    <div className="stack availability">
      <PageHeading>{t('avail.title')}</PageHeading>
      <p className="lead">{t('avail.lead')}</p>
      <p>
        <Link to="/appointments">{t('avail.toAppointments')}</Link>
        {' · '}
        <Link to="/calendar-settings">{t('calendar.settings.title')}</Link>
      </p>
      <Availability doctorId={session.doctorId} />
    </div>
  );
}
