import { t } from '../../i18n';
import type { DaySlots } from './appointments';
import { formatTimeRange } from './format';

/** A day's free slots and the times it is closed (leave, a public holiday, a calendar elsewhere). */
export function DaySlotsSummary({
  slots,
  zoneOf,
  placeOf,
  compact = false,
}: {
  slots: DaySlots | undefined;
  zoneOf: (locationId: string | undefined) => string;
  placeOf: (locationId: string | undefined) => string;
  compact?: boolean;
}) {
  if (!slots) return compact ? null : <p className="muted">{t('appt.noSlots')}</p>;
  return (
    <div className="day-slots">
      <p className="day-slots__free">{t('appt.freeSlots', { count: slots.free })}</p>
      {slots.unavailable.length ? (
        <ul className="day-slots__closed">
          {slots.unavailable.map((u) => (
            <li key={`${u.locationId}-${u.start}`}>
              {t(compact ? 'appt.unavailableShort' : 'appt.unavailable', {
                time: formatTimeRange(u.start, u.end, zoneOf(u.locationId)),
                place: placeOf(u.locationId),
                reason: u.comment
                  ? u.comment[0]!.toUpperCase() + u.comment.slice(1)
                  : t('appt.busy'),
              })}
            </li>
          ))}
        </ul>
      ) : null}
    </div>
  );
}
