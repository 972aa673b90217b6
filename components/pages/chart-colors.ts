import { useEffect, useState } from 'react';
import { BarElement, CategoryScale, Chart, Legend, LinearScale, LineElement, PointElement, Tooltip } from 'chart.js';

// Only what the dashboard draws: keeps the bundle small and tree-shaken.
Chart.register(BarElement, LineElement, PointElement, CategoryScale, LinearScale, Tooltip, Legend);
Chart.defaults.font.family = "-apple-system, BlinkMacSystemFont, 'Segoe UI', Roboto, 'Helvetica Neue', Arial, sans-serif";

export interface ChartColors {
  text: string;
  muted: string;
  grid: string;
  bg: string;
  severity: [string, string, string, string, string];
  series: string[];
}

/** Canvas cannot read CSS variables itself: read them from theme.css so charts follow light/dark. */
export function readChartColors(): ChartColors {
  const css = getComputedStyle(document.documentElement);
  const v = (name: string, fallback: string) => css.getPropertyValue(name).trim() || fallback;
  return {
    text: v('--text', '#16181d'),
    muted: v('--muted', '#5b6270'),
    grid: v('--chart-grid', '#e3e6eb'),
    bg: v('--bg', '#ffffff'),
    severity: [v('--sev-0', '#5b6270'), v('--sev-1', '#1d4ed8'), v('--sev-2', '#7c5800'), v('--sev-3', '#a8360b'), v('--sev-4', '#b3123a')],
    series: [1, 2, 3, 4, 5, 6].map((n) => v(`--series-${n}`, '#4f46e5')),
  };
}

/** Re-reads the palette when the system switches between light and dark. */
export function useChartColors(): ChartColors {
  const [colors, setColors] = useState(readChartColors);
  useEffect(() => {
    const query = matchMedia('(prefers-color-scheme: dark)');
    const update = () => setColors(readChartColors());
    query.addEventListener('change', update);
    return () => query.removeEventListener('change', update);
  }, []);
  return colors;
}

/** Axes, legend and tooltip in the page's colours and font. */
export function baseOptions(colors: ChartColors, stacked: boolean) {
  return {
    responsive: true,
    maintainAspectRatio: false,
    animation: false as const,
    color: colors.text,
    interaction: { mode: 'index' as const, intersect: false },
    plugins: {
      legend: { position: 'bottom' as const, labels: { color: colors.text, boxWidth: 12, boxHeight: 12 } },
      tooltip: { backgroundColor: colors.bg, titleColor: colors.text, bodyColor: colors.text, borderColor: colors.grid, borderWidth: 1 },
    },
    scales: {
      x: { stacked, ticks: { color: colors.muted }, grid: { display: false }, border: { color: colors.grid } },
      y: { stacked, beginAtZero: true, ticks: { color: colors.muted, precision: 0 }, grid: { color: colors.grid }, border: { display: false } },
    },
  };
}
