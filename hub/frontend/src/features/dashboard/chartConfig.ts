import type { ChartConfiguration, Scale, TooltipItem } from 'chart.js';
import { SERIES, shorten, type BarChartSpec, type SeriesKey } from './charts';

/** Text and grid colours of the charts, as in styles.css. */
export const CHART_TEXT = '#1b2733';
export const CHART_GRID = '#d8dee4';

/**
 * How long a category name may be on a horizontal chart's axis: the axis takes at most about a
 * third of a narrow chart. Tooltips and the table have the names in full.
 */
export function categoryLabelMax(chartWidth: number): number {
  return chartWidth < 480 ? 14 : 26;
}

/**
 * The Chart.js configuration of a bar chart. `fill` gives each series' background (a pattern in
 * the browser); the library itself is imported only by the lazily loaded chart component.
 */
export function toChartConfig(
  spec: BarChartSpec,
  fill: (key: SeriesKey) => string | CanvasPattern,
  reducedMotion: boolean,
): ChartConfiguration<'bar', (number | null)[], string | string[]> {
  const valueAxis = spec.horizontal ? 'x' : 'y';
  const categoryAxis = spec.horizontal ? 'y' : 'x';
  const suffix = spec.percent ? '%' : '';
  return {
    type: 'bar',
    data: {
      labels: spec.labels,
      datasets: spec.series.map((series) => ({
        label: series.label,
        data: series.values,
        backgroundColor: fill(series.key),
        borderColor: SERIES[series.key].colour,
        borderWidth: SERIES[series.key].fill === 'light' ? 2 : 1,
        maxBarThickness: 48,
      })),
    },
    options: {
      indexAxis: categoryAxis,
      responsive: true,
      maintainAspectRatio: false,
      animation: reducedMotion ? false : { duration: 300 },
      scales: {
        [categoryAxis]: {
          stacked: spec.stacked,
          grid: { display: false },
          ticks: {
            color: CHART_TEXT,
            autoSkip: true,
            ...(spec.horizontal
              ? {
                  callback(this: Scale, value: string | number) {
                    const label = this.getLabelForValue(Number(value));
                    return shorten(label, categoryLabelMax(this.chart.width));
                  },
                }
              : {}),
          },
        },
        [valueAxis]: {
          stacked: spec.stacked,
          beginAtZero: true,
          ...(spec.percent ? { max: 100 } : {}),
          title: { display: true, text: spec.valueTitle, color: CHART_TEXT },
          grid: { color: CHART_GRID },
          ticks: {
            color: CHART_TEXT,
            precision: 0,
            callback: (value: string | number) => `${value}${suffix}`,
          },
        },
      },
      plugins: {
        legend: { display: false },
        tooltip: {
          callbacks: {
            label: (item: TooltipItem<'bar'>) =>
              `${item.dataset.label ?? ''}: ${String(item.raw)}${suffix}`,
          },
        },
      },
    },
  };
}
