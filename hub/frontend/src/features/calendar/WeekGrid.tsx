import { t } from '../../i18n';
import type { HoursValues, ServiceValues } from './availabilityForm';
import { formatWallTime, weekdayName } from './format';
import { weekBlocks } from './weekGrid';
import { DAYS } from './types';

interface WeekGridProps {
  label: string;
  weekly: readonly HoursValues[];
  services: readonly ServiceValues[];
  /** Takes the doctor to the row of hours a block shows. */
  onEdit: (index: number) => void;
}

/**
 * A location's week at a glance, Monday to Sunday, each day's hours in order; each block is a
 * button to the row that sets it. Seven columns on wide screens, one day under the other on
 * narrow ones.
 */
export function WeekGrid({ label, weekly, services, onEdit }: WeekGridProps) {
  const days = weekBlocks(weekly);
  const serviceIndex = (id: string) => services.findIndex((s) => s.id === id);
  return (
    <ol className="week" aria-label={label}>
      {DAYS.map((day, d) => {
        const blocks = days[d] ?? [];
        return (
          <li key={day} className="week__day">
            <span className="week__name">
              <span aria-hidden="true">{weekdayName(d, 'short')}</span>
              <span className="visually-hidden">{weekdayName(d, 'long')}</span>
            </span>
            {blocks.length ? (
              <ul className="week__blocks">
                {blocks.map((block) => {
                  const index = serviceIndex(block.service);
                  const service = services[index];
                  return (
                    <li key={block.index}>
                      <button
                        type="button"
                        className={`week__block week__block--${index < 0 ? 'none' : index % 6}`}
                        onClick={() => onEdit(block.index)}
                      >
                        <span className="week__time">
                          {formatWallTime(block.start)}–{formatWallTime(block.end)}
                        </span>{' '}
                        <span className="week__service">
                          {service?.name || t('avail.noService')}
                        </span>
                        <span className="visually-hidden">
                          {t('avail.editHours', { n: block.index + 1 })}
                        </span>
                      </button>
                    </li>
                  );
                })}
              </ul>
            ) : (
              <p className="week__closed">{t('avail.closed')}</p>
            )}
          </li>
        );
      })}
    </ol>
  );
}
