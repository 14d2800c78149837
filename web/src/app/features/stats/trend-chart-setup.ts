// Loaded on demand by TrendChart: Chart.js with only the parts a bar chart needs
// registered (tree-shaken), kept out of the initial bundle.
import { BarController, BarElement, CategoryScale, Chart, Legend, LinearScale, Tooltip } from 'chart.js';

Chart.register(BarController, BarElement, CategoryScale, LinearScale, Legend, Tooltip);

export interface TrendSeries {
  label: string;
  values: number[];
  color: string;
}

/** A stacked bar chart of receptions per month. */
export function createTrendChart(canvas: HTMLCanvasElement, labels: string[], series: TrendSeries[], locale: string): Chart<'bar'> {
  return new Chart(canvas, {
    type: 'bar',
    data: { labels, datasets: series.map((s) => ({ label: s.label, data: s.values, backgroundColor: s.color, borderColor: s.color })) },
    options: {
      locale,
      responsive: true,
      maintainAspectRatio: false,
      animation: false,
      scales: { x: { stacked: true }, y: { stacked: true, beginAtZero: true, ticks: { precision: 0 } } },
      plugins: { legend: { position: 'bottom' } },
    },
  });
}
