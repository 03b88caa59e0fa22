import { Component, lazy, Suspense, useState, type CSSProperties, type ReactNode } from 'react';
import { Loading } from '../../components/Loading';
import { t } from '../../i18n';
import { SERIES, type BarChartSpec } from './charts';

// Chart.js comes with this chunk only, once a chart is on screen.
const BarChart = lazy(() => import('./BarChart'));

/** Catches a chart that cannot load or draw; its table still has the figures. */
class ChartBoundary extends Component<
  { onError: () => void; children: ReactNode },
  { failed: boolean }
> {
  state = { failed: false };

  static getDerivedStateFromError() {
    return { failed: true };
  }

  componentDidCatch() {
    this.props.onError();
  }

  render() {
    return this.state.failed ? (
      <p className="muted">{t('dashboard.chartFailed')}</p>
    ) : (
      this.props.children
    );
  }
}

function Legend({ spec }: { spec: BarChartSpec }) {
  return (
    <ul className="legend" aria-label={t('dashboard.legend')}>
      {spec.series.map((series) => {
        const style = SERIES[series.key];
        return (
          <li key={series.key} className="legend__item">
            <span
              className={`legend__swatch legend__swatch--${style.fill}`}
              style={{ '--swatch': style.colour, '--swatch-tint': style.tint } as CSSProperties}
              aria-hidden="true"
            />
            {series.label}
          </li>
        );
      })}
    </ul>
  );
}

interface ChartFigureProps {
  id: string;
  title: string;
  description: ReactNode;
  spec: BarChartSpec;
  /** The chart's text alternative, read instead of the canvas. */
  chartLabel: string;
  height: string;
  /** The same figures as a table; it is always there for screen readers. */
  table: ReactNode;
}

/**
 * A chart in its card: heading, description, key, the chart, and its figures as a table, shown on
 * demand and otherwise visually hidden (screen readers always have it).
 */
export function ChartFigure({
  id,
  title,
  description,
  spec,
  chartLabel,
  height,
  table,
}: ChartFigureProps) {
  const [showTable, setShowTable] = useState(false);
  const [failed, setFailed] = useState(false);
  const tableShown = showTable || failed;
  const titleId = `${id}-title`;
  const tableId = `${id}-table`;
  return (
    <section className="card section chart-card" aria-labelledby={titleId}>
      <div className="chart-card__head">
        <h2 id={titleId}>{title}</h2>
        {failed ? null : (
          <button
            type="button"
            className="button button--quiet button--small"
            aria-pressed={showTable}
            aria-controls={tableId}
            onClick={() => setShowTable((shown) => !shown)}
          >
            {t('dashboard.showTable')}
          </button>
        )}
      </div>
      <p className="muted">{description}</p>
      <Legend spec={spec} />
      <ChartBoundary onError={() => setFailed(true)}>
        <Suspense
          fallback={
            <div className="chart chart--loading" style={{ height }}>
              <Loading label={t('dashboard.chartLoading')} />
            </div>
          }
        >
          <BarChart spec={spec} label={chartLabel} height={height} />
        </Suspense>
      </ChartBoundary>
      <div
        id={tableId}
        className={tableShown ? 'table-wrap' : 'visually-hidden'}
        // A table wider than a phone scrolls; the keyboard can reach it only while it is shown.
        tabIndex={tableShown ? 0 : undefined}
        role={tableShown ? 'region' : undefined}
        aria-label={tableShown ? t('dashboard.tableRegion', { title }) : undefined}
      >
        {table}
      </div>
    </section>
  );
}
