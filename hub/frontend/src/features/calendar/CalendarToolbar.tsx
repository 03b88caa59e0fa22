import { useId } from 'react';
import { t } from '../../i18n';
import { calendarRange, VIEWS, type CalendarView } from './appointments';
import { addDays, isDate } from './dates';
import { formatDateRange, formatLongDate } from './format';

interface ToolbarProps {
  view: CalendarView;
  date: string;
  today: string;
  onChange: (view: CalendarView, date: string) => void;
  onStep: (direction: 1 | -1) => void;
}

/** The calendar's title (the dates shown), its views, and the way to other dates. */
export function CalendarToolbar({ view, date, today, onChange, onStep }: ToolbarProps) {
  const dateId = useId();
  const range = calendarRange(view, date);
  const title =
    view === 'day'
      ? formatLongDate(range.from)
      : formatDateRange(range.from, addDays(range.to, -1));
  return (
    <div className="toolbar">
      <h2 className="toolbar__title" aria-live="polite">
        {title}
      </h2>
      <div className="toolbar__row">
        <div className="segmented" role="group" aria-label={t('appt.viewLabel')}>
          {VIEWS.map((v) => (
            <button
              key={v}
              type="button"
              className="button button--quiet button--small"
              aria-pressed={v === view}
              onClick={() => onChange(v, date)}
            >
              {t(`appt.view.${v}`)}
            </button>
          ))}
        </div>
        <div className="toolbar__nav" role="group" aria-label={t('appt.navLabel')}>
          <button
            type="button"
            className="button button--quiet button--small"
            onClick={() => onStep(-1)}
          >
            <span aria-hidden="true">‹ </span>
            {t(`appt.previous.${view}`)}
          </button>
          <button
            type="button"
            className="button button--quiet button--small"
            onClick={() => onChange(view, today)}
            disabled={range.days.includes(today)}
          >
            {t('appt.today')}
          </button>
          <button
            type="button"
            className="button button--quiet button--small"
            onClick={() => onStep(1)}
          >
            {t(`appt.next.${view}`)}
            <span aria-hidden="true"> ›</span>
          </button>
        </div>
        <div className="toolbar__date">
          <label htmlFor={dateId} className="field__label">
            {t('appt.goTo')}
          </label>
          <input
            id={dateId}
            className="input"
            type="date"
            value={date}
            onChange={(event) => {
              if (isDate(event.target.value)) onChange(view, event.target.value);
            }}
          />
        </div>
      </div>
    </div>
  );
}
