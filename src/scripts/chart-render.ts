/** Draws one chart card with a tree-shaken chart.js (loaded only when a chart is in view). */
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
import { BROWSER_WORDS } from "../i18n/browser.ts";
import { lineWidth, seriesColours, seriesDash } from "../lib/chart-colours.ts";
import { formatCount, formatMoneyCell, moneyCellUnit } from "../lib/format.ts";
import type { Lang } from "../lib/i18n.ts";
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

export function renderChart(card: HTMLElement): void {
  const lang: Lang = document.documentElement.lang.startsWith("en") ? "en" : "zh";
  if (card.dataset.drawn) return;
  const canvas = card.querySelector("canvas");
  const specText = card.querySelector("[data-chart-spec]")?.textContent;
  if (!canvas || !specText) return;
  const spec = JSON.parse(specText) as ChartSpec;
  const show = (v: number) =>
    spec.unit === "money"
      ? `${formatMoneyCell(v, lang)} ${moneyCellUnit(lang)}`
      : formatCount(v, lang);
  const n = spec.datasets.length;
  // The same colours as the SVG download's (src/lib/chart-colours.ts).
  const colours = seriesColours(spec);
  const axisTitle =
    spec.unit === "money" ? moneyCellUnit(lang) : BROWSER_WORDS[lang]["chart.villages"];
  new Chart(canvas, {
    type: spec.type,
    data: {
      labels: spec.labels,
      datasets: spec.datasets.map((d, i) => ({
        ...d,
        borderColor: colours[i % colours.length],
        backgroundColor: colours[i % colours.length],
        borderWidth: spec.type === "line" ? lineWidth(spec, i) : 0,
        borderDash: seriesDash(spec, i),
        pointRadius: spec.type === "line" ? 2 : 0,
      })),
    },
    options: {
      maintainAspectRatio: false,
      animation: false,
      plugins: {
        legend: { display: n > 1, position: "bottom" },
        tooltip: {
          callbacks: { label: (c) => `${c.dataset.label}: ${show(c.parsed.y ?? 0)}` },
        },
      },
      scales: {
        x: { stacked: spec.stacked ?? false },
        y: {
          stacked: spec.stacked ?? false,
          beginAtZero: true,
          ticks: {
            callback: (v) =>
              spec.unit === "money"
                ? formatMoneyCell(Number(v), lang)
                : formatCount(Number(v), lang),
          },
          title: { display: true, text: axisTitle },
        },
      },
    },
  });
  card.dataset.drawn = "true";
}
