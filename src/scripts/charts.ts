/** Draws every chart card on the page with a tree-shaken chart.js. */
import {
  BarController,
  BarElement,
  CategoryScale,
  Chart,
  Legend,
  LinearScale,
  LineController,
  LineElement,
  PointElement,
  Tooltip,
} from "chart.js";
import { formatCount, formatWan } from "../lib/format.ts";
import type { ChartSpec } from "./chart-spec.ts";

Chart.register(
  BarController,
  BarElement,
  CategoryScale,
  Legend,
  LinearScale,
  LineController,
  LineElement,
  PointElement,
  Tooltip,
);

const PALETTE = ["#b8c4ce", "#8aa1b1", "#5b8aa6", "#2f6f8f", "#0b4f6c", "#b3261e"];

export function drawCharts(): void {
  for (const card of document.querySelectorAll<HTMLElement>("[data-chart]")) {
    if (card.dataset.drawn) continue;
    const canvas = card.querySelector("canvas");
    const specText = card.querySelector("[data-chart-spec]")?.textContent;
    if (!canvas || !specText) continue;
    const spec = JSON.parse(specText) as ChartSpec;
    const show = (v: number) => (spec.unit === "wan" ? `${formatWan(v)}万元` : formatCount(v));
    const colours =
      spec.datasets.length === 1 ? [PALETTE[4]] : PALETTE.slice(-spec.datasets.length);
    new Chart(canvas, {
      type: spec.type,
      data: {
        labels: spec.labels,
        datasets: spec.datasets.map((d, i) => ({
          ...d,
          borderColor: colours[i],
          backgroundColor: colours[i],
          borderWidth: spec.type === "line" ? (i === spec.datasets.length - 1 ? 3 : 2) : 0,
          pointRadius: spec.type === "line" ? 2 : 0,
          spanGaps: false,
        })),
      },
      options: {
        maintainAspectRatio: false,
        animation: false,
        plugins: {
          legend: { display: spec.datasets.length > 1, position: "bottom" },
          tooltip: { callbacks: { label: (c) => `${c.dataset.label}：${show(c.parsed.y ?? 0)}` } },
        },
        scales: {
          y: {
            beginAtZero: true,
            ticks: {
              callback: (v) =>
                spec.unit === "wan" ? formatWan(Number(v)) : formatCount(Number(v)),
            },
            title: { display: true, text: spec.unit === "wan" ? "万元" : "村数" },
          },
        },
      },
    });
    card.dataset.drawn = "true";
    // The chart now carries the figures; fold the table (it stays one click away).
    card.querySelector<HTMLDetailsElement>("[data-chart-table]")?.removeAttribute("open");
  }
}
