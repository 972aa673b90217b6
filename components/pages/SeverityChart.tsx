import { Bar } from 'react-chartjs-2';
import type { ComplaintBucket } from '@/lib/insights';
import { ChartBoundary } from './ChartBoundary';
import { baseOptions, useChartColors } from './chart-colors';
import { SEVERITY_LABELS, count, shortDate } from './format';

/** Complaints per week, stacked by severity: is it getting angrier, not just louder? */
export function SeverityChart({ buckets }: { buckets: ComplaintBucket[] }) {
  const colors = useChartColors();
  const total = buckets.reduce((sum, b) => sum + b.total, 0);
  const levels = [0, 1, 2, 3, 4].filter((s) => s > 0 || buckets.some((b) => b.bySeverity[0] > 0));
  const data = {
    labels: buckets.map((b) => shortDate(b.start)),
    datasets: levels.map((s) => ({
      label: `${s} · ${SEVERITY_LABELS[s]}`,
      data: buckets.map((b) => b.bySeverity[s]),
      backgroundColor: colors.severity[s],
      // Severities 2 and 3 are close in hue (the overlay's palette): a gap keeps the stacks apart.
      borderColor: colors.bg,
      borderWidth: 1,
      borderRadius: 2,
      maxBarThickness: 40,
    })),
  };
  return (
    <figure className="card chart-card">
      <figcaption>
        <h2>Complaints by severity</h2>
        <p className="muted small">Per week, by first seen · {count(total)} in total</p>
      </figcaption>
      <div className="chart-box">
        <ChartBoundary>
        <Bar data={data} options={baseOptions(colors, true)} role="img" aria-label={`Bar chart: ${total} complaints by severity per week`} />
        </ChartBoundary>
      </div>
    </figure>
  );
}
