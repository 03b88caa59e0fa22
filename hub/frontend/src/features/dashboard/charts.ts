import { t } from '../../i18n';
import type { InsurerRow, WeekRow } from './figures';
import { formatShortDay } from './format';

/**
 * How each series is drawn. Every colour has at least 4.5:1 contrast on white, and each series
 * of a chart has its own fill as well (solid, light with a border, stripes, dots), so that the
 * charts do not rely on colour alone; the legend and the table say the same in words.
 */
export type Fill = 'solid' | 'light' | 'stripes' | 'dots';
export type SeriesKey =
  'attended' | 'booked' | 'cancelled' | 'noShows' | 'keptOrBooked' | 'utilisation';

export interface SeriesStyle {
  colour: string;
  /** The light fill's tint. */
  tint: string;
  fill: Fill;
}

export const SERIES: Record<SeriesKey, SeriesStyle> = {
  attended: { colour: '#00785a', tint: '#00785a', fill: 'solid' }, // 5.5:1 on white
  booked: { colour: '#0072b2', tint: '#d4e8f5', fill: 'light' }, // 5.2:1
  cancelled: { colour: '#c04b00', tint: '#c04b00', fill: 'stripes' }, // 4.9:1
  noShows: { colour: '#6f2c91', tint: '#6f2c91', fill: 'dots' }, // 8.6:1
  keptOrBooked: { colour: '#4a5866', tint: '#4a5866', fill: 'solid' }, // 7.3:1
  utilisation: { colour: '#0b5c8a', tint: '#0b5c8a', fill: 'solid' }, // 7.2:1
};

export interface BarSeries {
  key: SeriesKey;
  label: string;
  /** One value per category; null where there is nothing to draw. */
  values: (number | null)[];
}

/** A bar chart as the dashboard describes it, independent of the charting library. */
export interface BarChartSpec {
  /** One per category; an array is drawn on several lines. */
  labels: (string | string[])[];
  series: BarSeries[];
  stacked: boolean;
  /** Bars along the horizontal axis (one row per category). */
  horizontal: boolean;
  /** Values are percentages, drawn on a 0 to 100% axis. */
  percent: boolean;
  valueTitle: string;
}

function weekLabel(row: WeekRow): string | string[] {
  const day = formatShortDay(row.weekStart);
  return row.when === 'current' ? [day, t('dashboard.thisWeek')] : day;
}

/** Appointments per week, stacked by what became of them. */
export function weeklySpec(rows: readonly WeekRow[]): BarChartSpec {
  const series = (key: 'attended' | 'booked' | 'cancelled' | 'noShows'): BarSeries => ({
    key,
    label: t(`dashboard.series.${key}`),
    values: rows.map((row) => row[key]),
  });
  return {
    labels: rows.map(weekLabel),
    series: [series('attended'), series('booked'), series('cancelled'), series('noShows')],
    stacked: true,
    horizontal: false,
    percent: false,
    valueTitle: t('dashboard.axis.appointments'),
  };
}

/** Appointments per insurer, one row each, stacked by kept, cancelled and missed. */
export function insurerSpec(rows: readonly InsurerRow[]): BarChartSpec {
  const series = (key: 'keptOrBooked' | 'cancelled' | 'noShows'): BarSeries => ({
    key,
    label: t(`dashboard.series.${key}`),
    values: rows.map((row) => row[key]),
  });
  return {
    labels: rows.map((row) => row.name),
    series: [series('keptOrBooked'), series('cancelled'), series('noShows')],
    stacked: true,
    horizontal: true,
    percent: false,
    valueTitle: t('dashboard.axis.appointments'),
  };
}

/** The share of slots booked, per week from this one on; no bar for a week without slots. */
export function utilisationSpec(rows: readonly WeekRow[]): BarChartSpec {
  return {
    labels: rows.map(weekLabel),
    series: [
      {
        key: 'utilisation',
        label: t('dashboard.series.utilisation'),
        values: rows.map((row) =>
          row.utilisation === undefined ? null : Math.round(row.utilisation * 1000) / 10,
        ),
      },
    ],
    stacked: false,
    horizontal: false,
    percent: true,
    valueTitle: t('dashboard.axis.percent'),
  };
}

/** A label cut to `max` characters with an ellipsis, for an axis with little room. */
export function shorten(label: string, max: number): string {
  return label.length > max ? `${label.slice(0, max - 1).trimEnd()}…` : label;
}
