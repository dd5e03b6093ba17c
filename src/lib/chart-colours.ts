/**
 * The colours of a chart's series, one place for the page's charts (chart.js,
 * src/scripts/chart-render.ts) and the SVG downloads (src/lib/chart-svg.ts), so that a
 * download looks like the chart it was taken from.
 */
import type { ChartSpec } from "../scripts/chart-spec.ts";

// Sequential blues for years (latest darkest); categorical for sources.
export const SEQUENTIAL = ["#b8c4ce", "#8aa1b1", "#5b8aa6", "#2f6f8f", "#0b4f6c"];
export const CATEGORICAL = ["#0b4f6c", "#5b8aa6", "#2e7d4f", "#c2571a", "#8a8f96"];
// Lines that stand for different things (compared regions): colours apart, and dashes so
// that they differ without colour too.
export const DISTINCT = ["#0b4f6c", "#c2571a", "#2e7d4f", "#7b3f98", "#8a6d00", "#5b8aa6"];
export const DASHES = [[], [8, 4], [2, 3], [10, 3, 2, 3], [5, 5], [14, 4]];

/** The colours of a spec's series, in dataset order (repeat them past the end: `i % length`). */
export function seriesColours(spec: Pick<ChartSpec, "datasets" | "stacked" | "palette">): string[] {
  const n = spec.datasets.length;
  if (spec.palette === "categories") return DISTINCT;
  if (spec.stacked) return CATEGORICAL;
  return n === 1 ? [SEQUENTIAL[4] as string] : SEQUENTIAL.slice(-n);
}

/** A series' dash pattern (empty: solid): only the "categories" palette dashes its lines. */
export function seriesDash(spec: Pick<ChartSpec, "palette">, index: number): number[] {
  return spec.palette === "categories" ? (DASHES[index % DASHES.length] ?? []) : [];
}

/** A line's width in pixels: the latest year (the last series) stands out; compared regions all do. */
export function lineWidth(spec: Pick<ChartSpec, "datasets" | "palette">, index: number): number {
  return index === spec.datasets.length - 1 || spec.palette === "categories" ? 3 : 2;
}
