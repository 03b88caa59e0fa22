import { describe, expect, it } from 'vitest';
import {
  SERIES,
  insurerSpec,
  shorten,
  utilisationSpec,
  weeklySpec,
  type SeriesKey,
} from './charts';
import { categoryLabelMax, toChartConfig } from './chartConfig';
import { insurerRows, upcomingRows, weekRows } from './figures';
import { practiceFigures, THIS_MONDAY } from './testData';

const rows = () => weekRows(practiceFigures().weeks, THIS_MONDAY);

describe('chart specs', () => {
  it('stacks each week’s attended, booked, cancelled and missed appointments', () => {
    const spec = weeklySpec(rows());
    expect(spec.labels).toHaveLength(12);
    expect(spec.labels[0]).toBe('11 Jan');
    expect(spec.labels[8]).toEqual(['8 Mar', 'this week']);
    expect(spec.series.map((s) => [s.label, s.values[8]])).toEqual([
      ['Attended', 6],
      ['Booked, not yet held', 5],
      ['Cancelled', 2],
      ['No-show', 1],
    ]);
    expect(spec.stacked).toBe(true);
  });

  it('draws insurers as rows, with their names in full', () => {
    const insurers = insurerRows([
      ...practiceFigures().insurers,
      {
        insurerId: 'ins-long',
        name: 'National Health Insurance Company of Karnataka',
        appointments: 1,
        cancelled: 0,
        noShows: 0,
      },
    ]);
    const spec = insurerSpec(insurers);
    expect(spec.horizontal).toBe(true);
    expect(spec.labels).toEqual([
      'Allianz Care',
      'Star Health',
      'National Health Insurance Company of Karnataka',
    ]);
    expect(spec.series.map((s) => s.values)).toEqual([
      [60, 36, 1],
      [7, 4, 0],
      [3, 2, 0],
    ]);
  });

  it('gives utilisation in percent, and no bar for a week without slots', () => {
    const spec = utilisationSpec(upcomingRows(rows()));
    expect(spec.labels).toEqual([['8 Mar', 'this week'], '15 Mar', '22 Mar', '29 Mar']);
    expect(spec.series[0]?.values).toEqual([60, 33.3, 20.8, null]);
    expect(spec.percent).toBe(true);
  });
});

describe('Chart.js configuration', () => {
  const fill = (key: SeriesKey) => `fill:${key}`;

  it('stacks both axes of a stacked chart, with the series’ fills and outlines', () => {
    const config = toChartConfig(weeklySpec(rows()), fill, false);
    expect(config.type).toBe('bar');
    expect(config.options?.indexAxis).toBe('x');
    expect(config.options?.scales?.x?.stacked).toBe(true);
    expect(config.options?.scales?.y?.stacked).toBe(true);
    expect(config.data.datasets.map((d) => [d.backgroundColor, d.borderColor])).toEqual([
      ['fill:attended', SERIES.attended.colour],
      ['fill:booked', SERIES.booked.colour],
      ['fill:cancelled', SERIES.cancelled.colour],
      ['fill:noShows', SERIES.noShows.colour],
    ]);
    expect(config.options?.plugins?.legend?.display).toBe(false);
  });

  it('puts a horizontal chart’s values on x, and a percent chart on 0 to 100%', () => {
    const horizontal = toChartConfig(
      insurerSpec(insurerRows(practiceFigures().insurers)),
      fill,
      true,
    );
    expect(horizontal.options?.indexAxis).toBe('y');
    expect(horizontal.options?.animation).toBe(false);
    const percent = toChartConfig(utilisationSpec(upcomingRows(rows())), fill, false);
    const y = percent.options?.scales?.y as { max?: number; title?: { text?: string } };
    expect(y.max).toBe(100);
    expect(y.title?.text).toBe('Slots booked (%)');
  });
});

describe('axis labels', () => {
  it('cuts long names shorter on a narrow chart', () => {
    const name = 'National Health Insurance Company of Karnataka';
    expect(shorten(name, categoryLabelMax(300))).toBe('National Heal…');
    expect(shorten(name, categoryLabelMax(800))).toBe('National Health Insurance…');
    expect(shorten('Star Health', categoryLabelMax(300))).toBe('Star Health');
  });
});
