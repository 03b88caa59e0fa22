import { useCallback, useMemo, useState } from 'react';
import { Link, useSearchParams } from 'react-router';
import { Loading } from '../../components/Loading';
import { Notice } from '../../components/Notice';
import { PageHeading } from '../../components/PageHeading';
import { ProblemAlert } from '../../components/ProblemAlert';
import { t } from '../../i18n';
import { useSession } from '../auth/api';
import { useAppointments, useAvailability, usePracticeLocations, useSlots } from './api';
import { useInsurerName } from '../insurers/api';
import type { CardContext } from './AppointmentCard';
import {
  calendarRange,
  groupByDay,
  slotsByDay,
  stepDate,
  VIEWS,
  type CalendarView,
} from './appointments';
import { CalendarToolbar } from './CalendarToolbar';
import { DayView, ListView, WeekView } from './CalendarViews';
import { browserTimeZone, isDate, today as todayIn } from './dates';
import { DoctorsOnly } from './DoctorsOnly';
import { practiceNames } from './practices';

function useCalendarPlace() {
  const [params, setParams] = useSearchParams();
  const view = (VIEWS as readonly string[]).includes(params.get('view') ?? '')
    ? (params.get('view') as CalendarView)
    : 'day';
  const given = params.get('date');
  const today = todayIn();
  const date = isDate(given) ? given : today;
  const go = useCallback(
    (nextView: CalendarView, nextDate: string) => setParams({ view: nextView, date: nextDate }),
    [setParams],
  );
  return { view, date, today, go };
}

function Calendar({ doctorId }: { doctorId: string }) {
  const { view, date, today, go } = useCalendarPlace();
  const range = calendarRange(view, date);
  const appointments = useAppointments(doctorId, range.from, range.to);
  const slots = useSlots(doctorId, range.from, range.to, view !== 'list');
  const practices = usePracticeLocations(doctorId);
  const insurerOf = useInsurerName(doctorId);
  const availability = useAvailability(doctorId);
  const [message, setMessage] = useState<string | null>(null);

  const zones = useMemo(
    () =>
      new Map(
        (availability.data?.availability.locations ?? []).map((l) => [
          l.locationId ?? '',
          l.timeZone ?? browserTimeZone(),
        ]),
      ),
    [availability.data],
  );
  const zoneOf = useCallback(
    (locationId: string | undefined) => zones.get(locationId ?? '') ?? browserTimeZone(),
    [zones],
  );
  const names = practiceNames(practices.data ?? []);
  const usedZones = [...new Set(zones.values())];
  const zoneNote =
    usedZones.length > 1
      ? t('appt.zonesMany')
      : t('appt.zoneOne', { zone: usedZones[0] ?? browserTimeZone() });
  const context: CardContext = {
    doctorId,
    zoneOf,
    placeOf: names.name,
    insurerOf,
    showZone: usedZones.length > 1,
    onDone: setMessage,
  };
  const byDay = useMemo(
    () => groupByDay(appointments.data ?? [], zoneOf),
    [appointments.data, zoneOf],
  );
  const slotDays = useMemo(
    () => (slots.data ? slotsByDay(slots.data, zoneOf) : undefined),
    [slots.data, zoneOf],
  );

  const change = (nextView: CalendarView, nextDate: string) => {
    setMessage(null);
    go(nextView, nextDate);
  };
  const props = { days: range.days, byDay, slots: slotDays, context, today };
  return (
    <>
      <CalendarToolbar
        view={view}
        date={date}
        today={today}
        onChange={change}
        onStep={(direction) => change(view, stepDate(view, date, direction))}
      />
      <p className="muted">{zoneNote}</p>
      {message ? <Notice tone="success">{message}</Notice> : null}
      {appointments.isError ? (
        <ProblemAlert error={appointments.error}>
          <button
            type="button"
            className="button button--secondary"
            onClick={() => void appointments.refetch()}
          >
            {t('app.tryAgain')}
          </button>
        </ProblemAlert>
      ) : appointments.isPending ? (
        <Loading label={t('appt.loading')} />
      ) : view === 'day' ? (
        <DayView {...props} />
      ) : view === 'week' ? (
        <WeekView {...props} />
      ) : (
        <ListView {...props} />
      )}
      {slots.isError ? <p className="muted">{t('appt.slotsFailed')}</p> : null}
    </>
  );
}

/** The doctor's appointment book: a day, a week or a list, with what to do with each. */
export function AppointmentsPage() {
  const session = useSession();
  if (!session) return null;
  if (session.role !== 'DOCTOR' || !session.doctorId) {
    return <DoctorsOnly title={t('appt.title')} />;
  }
  return (
    <div className="stack-tight appointments-page">
      <PageHeading>{t('appt.title')}</PageHeading>
      <p>
        <Link to="/availability">{t('appt.toAvailability')}</Link>
        {' · '}
        <Link to="/calendar-settings">{t('calendar.settings.title')}</Link>
      </p>
      <Calendar doctorId={session.doctorId} />
    </div>
  );
}
