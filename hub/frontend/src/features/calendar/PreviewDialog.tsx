import { ConfirmDialog } from '../../components/ConfirmDialog';
import { t } from '../../i18n';
import { formatDate, formatTimeRange } from './format';
import { zonedDate } from './dates';
import type { AffectedAppointment } from './types';

interface PreviewDialogProps {
  affected: AffectedAppointment[] | null;
  zoneOf: (locationId: string) => string;
  nameOf: (locationId: string) => string;
  insurerOf: (insurerId: string | undefined) => string;
  busy: boolean;
  onSave: () => void;
  onBack: () => void;
}

/**
 * The booked appointments a change of availability leaves outside the doctor's hours, before it
 * is saved: the doctor saves anyway (the insurers are told they need another time) or goes back.
 */
export function PreviewDialog({
  affected,
  zoneOf,
  nameOf,
  insurerOf,
  busy,
  onSave,
  onBack,
}: PreviewDialogProps) {
  const count = affected?.length ?? 0;
  return (
    <ConfirmDialog
      open={count > 0}
      title={t('avail.preview.title', { count })}
      confirmLabel={busy ? t('avail.saving') : t('avail.preview.save')}
      cancelLabel={t('avail.preview.back')}
      busy={busy}
      onConfirm={onSave}
      onCancel={onBack}
    >
      <ul className="affected">
        {(affected ?? []).map((a) => {
          const zone = zoneOf(a.locationId);
          return (
            <li key={a.id}>
              <strong>
                {formatDate(zonedDate(a.start, zone))}, {formatTimeRange(a.start, a.end, zone)}
              </strong>{' '}
              <span className="muted">({zone})</span>
              <br />
              {t('avail.preview.what', {
                service: a.serviceName,
                place: nameOf(a.locationId),
                insurer: insurerOf(a.insurerId),
              })}
              <br />
              <span className="affected__reason">
                {t('avail.preview.reason', { reason: a.reason })}
              </span>
            </li>
          );
        })}
      </ul>
      <p>{t('avail.preview.body')}</p>
    </ConfirmDialog>
  );
}
