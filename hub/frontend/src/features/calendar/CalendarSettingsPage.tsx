import { Link } from 'react-router';
import { PageHeading } from '../../components/PageHeading';
import { t } from '../../i18n';
import { useSession } from '../auth/api';
import { CalendarFeedPanel } from './CalendarFeedPanel';
import { DoctorsOnly } from './DoctorsOnly';
import { ExternalCalendarsPanel } from './ExternalCalendarsPanel';

/** How DocPort's calendar meets the doctor's others: a link to subscribe to, calendars that block. */
export function CalendarSettingsPage() {
  const session = useSession();
  if (!session) return null;
  if (session.role !== 'DOCTOR' || !session.doctorId) {
    return <DoctorsOnly title={t('calendar.settings.title')} />;
  }
  return (
    <div className="stack">
      <PageHeading>{t('calendar.settings.title')}</PageHeading>
      <p className="lead">{t('calendar.settings.lead')}</p>
      <p>
        <Link to="/appointments">{t('avail.toAppointments')}</Link>
        {' · '}
        <Link to="/availability">{t('appt.toAvailability')}</Link>
      </p>
      <CalendarFeedPanel doctorId={session.doctorId} />
      <ExternalCalendarsPanel doctorId={session.doctorId} />
    </div>
  );
}
