import { Link } from 'react-router';
import { t } from '../../i18n';
import { AppointmentCard, type CardContext } from './AppointmentCard';
import { patientName, type DaySlots } from './appointments';
import { DaySlotsSummary } from './DaySlotsSummary';
import { formatLongDate, formatShortDay, formatTime } from './format';
import type { Appointment } from './types';

interface ViewProps {
  days: string[];
  byDay: Map<string, Appointment[]>;
  slots: Map<string, DaySlots> | undefined;
  context: CardContext;
  today: string;
}

/** One day: what is free or closed, then each appointment with what can be done with it. */
export function DayView({ days, byDay, slots, context }: ViewProps) {
  const date = days[0] ?? '';
  const appointments = byDay.get(date) ?? [];
  return (
    <div className="stack">
      {slots ? (
        <DaySlotsSummary
          slots={slots.get(date)}
          zoneOf={context.zoneOf}
          placeOf={context.placeOf}
        />
      ) : null}
      {appointments.length ? (
        <ul className="appointments" aria-label={t('appt.dayList', { date: formatLongDate(date) })}>
          {appointments.map((a) => (
            <li key={a.id}>
              <AppointmentCard appointment={a} context={context} />
            </li>
          ))}
        </ul>
      ) : (
        <p className="empty">{t('appt.emptyDay')}</p>
      )}
    </div>
  );
}

/** A week at a glance, Monday first; each day links to its day view, where the actions are. */
export function WeekView({ days, byDay, slots, context, today }: ViewProps) {
  return (
    <ol className="calendar-week">
      {days.map((date) => {
        const appointments = byDay.get(date) ?? [];
        return (
          <li
            key={date}
            className={`calendar-week__day${date === today ? ' calendar-week__day--today' : ''}`}
          >
            <h3 className="calendar-week__name">
              <Link to={`?view=day&date=${date}`}>
                {formatShortDay(date)}
                <span className="visually-hidden"> ({formatLongDate(date)})</span>
              </Link>
              {date === today ? <span className="badge badge--on">{t('appt.today')}</span> : null}
            </h3>
            {appointments.length ? (
              <ul className="calendar-week__items">
                {appointments.map((a) => (
                  <li
                    key={a.id}
                    className={`calendar-week__item appointment--${(a.status ?? '').toLowerCase()}`}
                  >
                    <span className="calendar-week__time">
                      {formatTime(a.start ?? '', context.zoneOf(a.locationId))}
                    </span>{' '}
                    {patientName(a.patient) ?? t('appt.unnamedPatient')}
                    <span className="calendar-week__status">
                      {t(`appt.status.${a.status ?? 'BOOKED'}`)}
                    </span>
                    {a.rescheduleReason ? (
                      <span className="badge badge--warn">{t('appt.needsRescheduling')}</span>
                    ) : null}
                  </li>
                ))}
              </ul>
            ) : (
              <p className="muted calendar-week__none">{t('appt.none')}</p>
            )}
            {slots ? (
              <DaySlotsSummary
                slots={slots.get(date)}
                zoneOf={context.zoneOf}
                placeOf={context.placeOf}
                compact
              />
            ) : null}
          </li>
        );
      })}
    </ol>
  );
}

/** The appointments of the coming days, by date, with what can be done with each. */
export function ListView({ days, byDay, context }: ViewProps) {
  const withAppointments = days.filter((date) => byDay.get(date)?.length);
  if (!withAppointments.length) return <p className="empty">{t('appt.emptyList')}</p>;
  return (
    <div className="stack">
      {withAppointments.map((date) => (
        <section key={date} aria-labelledby={`day-${date}`}>
          <h3 id={`day-${date}`}>{formatLongDate(date)}</h3>
          <ul className="appointments">
            {(byDay.get(date) ?? []).map((a) => (
              <li key={a.id}>
                <AppointmentCard appointment={a} context={context} headingLevel={4} />
              </li>
            ))}
          </ul>
        </section>
      ))}
    </div>
  );
}
