import { useEffect, useRef } from 'react';
import { BarController, BarElement, CategoryScale, Chart, LinearScale, Tooltip } from 'chart.js';
import { SERIES, type BarChartSpec, type SeriesKey } from './charts';
import { CHART_TEXT, toChartConfig } from './chartConfig';

// Only what bar charts need, so that the rest of Chart.js stays out of the bundle.
Chart.register(BarController, BarElement, CategoryScale, LinearScale, Tooltip);
Chart.defaults.color = CHART_TEXT;
Chart.defaults.font.family = getComputedStyle(document.documentElement)
  .getPropertyValue('--font-body')
  .trim();
Chart.defaults.font.size = 13;

const TILE = 8;

/** A series' background: a colour, or a small repeating tile of stripes or dots. */
function fillFor(key: SeriesKey): string | CanvasPattern {
  const style = SERIES[key];
  if (style.fill === 'solid') return style.colour;
  if (style.fill === 'light') return style.tint;
  const tile = document.createElement('canvas');
  tile.width = TILE;
  tile.height = TILE;
  const context = tile.getContext('2d');
  if (!context) return style.colour;
  context.fillStyle = '#ffffff';
  context.fillRect(0, 0, TILE, TILE);
  context.fillStyle = style.colour;
  context.strokeStyle = style.colour;
  if (style.fill === 'stripes') {
    context.lineWidth = 3;
    context.beginPath();
    // A diagonal, and the corners that continue it on the next tiles.
    context.moveTo(-1, TILE + 1);
    context.lineTo(TILE + 1, -1);
    context.moveTo(-1, 1);
    context.lineTo(1, -1);
    context.moveTo(TILE - 1, TILE + 1);
    context.lineTo(TILE + 1, TILE - 1);
    context.stroke();
  } else {
    context.beginPath();
    context.arc(TILE / 2, TILE / 2, 2, 0, 2 * Math.PI);
    context.fill();
  }
  return context.createPattern(tile, 'repeat') ?? style.colour;
}

interface BarChartProps {
  spec: BarChartSpec;
  /** What the chart shows, for screen readers (the table beside it has the figures). */
  label: string;
  /** A CSS height, e.g. 18rem. */
  height: string;
}

/** A Chart.js bar chart. Loaded on its own, only when the dashboard draws a chart. */
export default function BarChart({ spec, label, height }: BarChartProps) {
  const canvas = useRef<HTMLCanvasElement>(null);

  useEffect(() => {
    if (!canvas.current) return;
    const reducedMotion = window.matchMedia?.('(prefers-reduced-motion: reduce)').matches ?? false;
    const chart = new Chart(canvas.current, toChartConfig(spec, fillFor, reducedMotion));
    return () => chart.destroy();
  }, [spec]);

  return (
    <div className="chart" style={{ height }}>
      <canvas ref={canvas} role="img" aria-label={label} />
    </div>
  );
}
