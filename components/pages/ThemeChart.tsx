import { Line } from 'react-chartjs-2';
import { THEME_LABELS, THEMES, type ComplaintBucket, type Theme } from '@/lib/insights';
import { ChartBoundary } from './ChartBoundary';
import { baseOptions, useChartColors } from './chart-colors';
import { shortDate } from './format';

/** More lines than this turn into spaghetti; the report lists every theme anyway. */
const MAX_THEMES = 6;

/** The most frequent complaint themes per week, so a new problem shows up as a rising line. */
export function ThemeChart({ buckets }: { buckets: ComplaintBucket[] }) {
  const colors = useChartColors();
  const totals = new Map<Theme, number>();
  for (const b of buckets) for (const t of THEMES) totals.set(t, (totals.get(t) ?? 0) + (b.byTheme[t] ?? 0));
  const top = THEMES.filter((t) => (totals.get(t) ?? 0) > 0)
    .sort((a, b) => totals.get(b)! - totals.get(a)!)
    .slice(0, MAX_THEMES);
  const data = {
    labels: buckets.map((b) => shortDate(b.start)),
    datasets: top.map((t, n) => ({
      label: THEME_LABELS[t],
      data: buckets.map((b) => b.byTheme[t] ?? 0),
      borderColor: colors.series[n % colors.series.length],
      backgroundColor: colors.series[n % colors.series.length],
      // Monotone: smooth without dipping below zero between weeks.
      cubicInterpolationMode: 'monotone' as const,
      pointRadius: 3,
    })),
  };
  return (
    <figure className="card chart-card">
      <figcaption>
        <h2>Complaints by theme</h2>
        <p className="muted small">Per week · top {Math.min(MAX_THEMES, top.length)} themes</p>
      </figcaption>
      <div className="chart-box">
        <ChartBoundary>
        {top.length === 0 ? (
          <p className="pane-message muted">No themed complaints in this period.</p>
        ) : (
          <Line
            data={data}
            options={baseOptions(colors, false)}
            role="img"
            aria-label={`Line chart of weekly complaints for: ${top.map((t) => THEME_LABELS[t]).join(', ')}`}
          />
        )}
        </ChartBoundary>
      </div>
    </figure>
  );
}
