import { useRef, useState, type ReactNode } from 'react';
import { ConfirmDialog } from '../../components/ConfirmDialog';
import { ProblemAlert } from '../../components/ProblemAlert';
import { t } from '../../i18n';
import { useAppointmentAction } from './api';
import { CancelDialog } from './CancelDialog';
import { actionsFor, patientIdentifier, patientName, type AppointmentAction } from './appointments';
import { zonedDate } from './dates';
import { formatDate, formatTime, formatTimeRange } from './format';
import type { Appointment } from './types';

export interface CardContext {
  doctorId: string;
  zoneOf: (locationId: string | undefined) => string;
  placeOf: (locationId: string | undefined) => string;
  insurerOf: (insurerId: string | undefined) => string;
  /** Whether to name the time zone beside each time (when the doctor works in several). */
  showZone: boolean;
  /** Tells the page what changed, for its status message. */
  onDone: (message: string) => void;
}

const ACTION_CLASS: Record<AppointmentAction, string> = {
  confirm: 'button--primary',
  arrived: 'button--primary',
  fulfilled: 'button--secondary',
  noShow: 'button--secondary',
  cancel: 'button--quiet',
};

function Detail({ term, children }: { term: string; children: ReactNode }) {
  return (
    <div>
      <dt>{term}</dt>
      <dd>{children}</dd>
    </div>
  );
}

/** One appointment: when, who, what, where, through which insurer, and what can be done now. */
export function AppointmentCard({
  appointment,
  context,
  headingLevel = 3,
}: {
  appointment: Appointment;
  context: CardContext;
  headingLevel?: 3 | 4;
}) {
  const articleRef = useRef<HTMLElement>(null);
  const action = useAppointmentAction(context.doctorId);
  const [running, setRunning] = useState<AppointmentAction | null>(null);
  const [asking, setAsking] = useState<'cancel' | 'noShow' | null>(null);
  const [error, setError] = useState<unknown>(null);

  const zone = context.zoneOf(appointment.locationId);
  const start = appointment.start ?? '';
  const end = appointment.end ?? start;
  const name = patientName(appointment.patient);
  const who = name ?? t('appt.unnamedPatient');
  const time = formatTime(start, zone);
  const when = t('appt.when', { name: who, time, date: formatDate(zonedDate(start, zone)) });
  const status = appointment.status ?? 'BOOKED';
  const Heading = headingLevel === 3 ? 'h3' : 'h4';

  const run = async (chosen: AppointmentAction, reason?: string) => {
    setError(null);
    setRunning(chosen);
    try {
      await action.mutateAsync({ appointment, action: chosen, reason });
      setAsking(null);
      context.onDone(t(`appt.done.${chosen}`, { name: who, time }));
      articleRef.current?.focus();
    } catch (failed) {
      if (chosen === 'cancel') throw failed;
      setAsking(null);
      setError(failed);
    } finally {
      setRunning(null);
    }
  };

  const actions = actionsFor(appointment);
  const held = status === 'HELD';
  return (
    <article
      ref={articleRef}
      tabIndex={-1}
      className={`appointment appointment--${status.toLowerCase()}`}
      aria-label={when}
    >
      <div className="appointment__head">
        <p className="appointment__time">
          {formatTimeRange(start, end, zone)}
          {context.showZone ? <span className="muted"> ({zone})</span> : null}
        </p>
        <span className={`status status--${status.toLowerCase()}`}>
          {t(`appt.status.${status}`)}
        </span>
        {appointment.rescheduleReason ? (
          <span className="badge badge--warn">{t('appt.needsRescheduling')}</span>
        ) : null}
      </div>
      <Heading className="appointment__patient">{who}</Heading>
      {appointment.rescheduleReason ? (
        <p className="appointment__note">
          {t('appt.rescheduleReason', { reason: appointment.rescheduleReason })}
        </p>
      ) : null}
      <dl className="appointment__details">
        <Detail term={t('appt.service')}>{appointment.serviceName ?? appointment.serviceId}</Detail>
        <Detail term={t('appt.where')}>
          {appointment.telemedicine ? t('appt.video') : context.placeOf(appointment.locationId)}
        </Detail>
        <Detail term={t('appt.insurer')}>{context.insurerOf(appointment.insurerId)}</Detail>
        {!name && patientIdentifier(appointment.patient) ? (
          <Detail term={t('appt.patientId')}>{patientIdentifier(appointment.patient)}</Detail>
        ) : null}
      </dl>
      {held && appointment.holdUntil ? (
        <p className="appointment__note">
          {t('appt.heldUntil', { time: formatTime(appointment.holdUntil, zone) })}
        </p>
      ) : null}
      {status === 'CANCELLED' ? (
        <p className="appointment__note">
          {appointment.cancelledBy === 'DOCTOR'
            ? t('appt.cancelledByYou', { reason: appointment.cancellationReason ?? '' })
            : t('appt.cancelledByInsurer', { reason: appointment.cancellationReason ?? '' })}
        </p>
      ) : null}
      <ProblemAlert error={error} />
      {actions.length ? (
        <div className="actions appointment__actions">
          {actions.map((chosen) => (
            <button
              key={chosen}
              type="button"
              className={`button button--small ${ACTION_CLASS[chosen]}`}
              disabled={running !== null}
              onClick={() =>
                chosen === 'cancel' || chosen === 'noShow' ? setAsking(chosen) : void run(chosen)
              }
            >
              {running === chosen
                ? t('common.working')
                : chosen === 'cancel' && held
                  ? t('appt.action.decline')
                  : t(`appt.action.${chosen}`)}
              <span className="visually-hidden">
                : {who}, {time}
              </span>
            </button>
          ))}
        </div>
      ) : null}
      {asking === 'cancel' ? (
        <CancelDialog
          what={when}
          held={held}
          onCancel={(reason) => run('cancel', reason)}
          onClose={() => setAsking(null)}
        />
      ) : null}
      <ConfirmDialog
        open={asking === 'noShow'}
        title={t('appt.noShow.title')}
        confirmLabel={t('appt.noShow.confirm')}
        busy={running === 'noShow'}
        onConfirm={() => void run('noShow')}
        onCancel={() => setAsking(null)}
      >
        <p>{t('appt.noShow.body', { name: who, time })}</p>
      </ConfirmDialog>
    </article>
  );
}
