/**
 * Reading a chart back out of its SVG image (src/lib/chart-svg.ts), as a person reading the
 * image would: the value axis from its gridlines and their printed tick labels (not from
 * the renderer's code), the marks of each series, the category labels along the bottom.
 */
import { expect } from "vitest";
import type { Lang } from "../../src/lib/i18n.ts";
import { findAll, textOf, type XmlElement } from "./xml.ts";

/** A number attribute of an element. */
export const num = (el: XmlElement, name: string): number => Number(el.attrs[name]);

/** The group `<g class=…>` of the image. */
export function group(svg: XmlElement, className: string): XmlElement | undefined {
  return findAll(svg, "g").find((g) => g.attrs.class === className);
}

/**
 * The value axis as the image shows it: each gridline's height and the value its printed
 * label says (money in 万元 on Chinese images, in thousands of yuan on English ones; counts
 * as they are), checked to lie on one straight line, which maps a value to a height.
 */
export function axisOf(svg: XmlElement, unit: "money" | "count", lang: Lang = "zh") {
  const lines = findAll(group(svg, "grid") as XmlElement, "line");
  const labels = findAll(group(svg, "ticks") as XmlElement, "text");
  expect(lines.length).toBe(labels.length);
  expect(lines.length).toBeGreaterThanOrEqual(2);
  const perUnit = unit === "count" ? 1 : lang === "en" ? 1_000 : 10_000;
  const points = lines.map((line, i) => {
    const shown = Number(textOf(labels[i] as XmlElement).replaceAll(",", ""));
    expect(Number.isFinite(shown), textOf(labels[i] as XmlElement)).toBe(true);
    return { y: num(line, "y1"), value: shown * perUnit };
  });
  const a = points[0] as { y: number; value: number };
  const b = points.at(-1) as { y: number; value: number };
  const slope = (b.y - a.y) / (b.value - a.value);
  for (const p of points)
    expect(Math.abs(p.y - (a.y + (p.value - a.value) * slope))).toBeLessThan(0.02);
  return {
    /** The height at which the axis puts a value. */
    yOf: (v: number) => a.y + (v - a.value) * slope,
    left: num(lines[0] as XmlElement, "x1"),
    right: num(lines[0] as XmlElement, "x2"),
    min: Math.min(...points.map((p) => p.value)),
    max: Math.max(...points.map((p) => p.value)),
  };
}

/** The marks of series `s`: its `<g class="series" data-series=s>`. */
export function series(svg: XmlElement, s: number): XmlElement {
  const g = findAll(svg, "g").find(
    (x) => x.attrs.class === "series" && x.attrs["data-series"] === String(s),
  );
  expect(g, `series ${s}`).toBeDefined();
  return g as XmlElement;
}

/** The category labels along the bottom, by index, with their x. */
export function categories(svg: XmlElement): Map<number, { x: number; text: string }> {
  return new Map(
    findAll(group(svg, "categories") as XmlElement, "text").map((t) => [
      Number(t.attrs["data-index"]),
      { x: num(t, "x"), text: textOf(t) },
    ]),
  );
}

/** The mark of series `s` at category `i` (a bar's rect or a line's point), if drawn. */
export function mark(svg: XmlElement, s: number, i: number): XmlElement | undefined {
  const g = series(svg, s);
  return [...findAll(g, "rect"), ...findAll(g, "circle")].find(
    (m) => m.attrs["data-index"] === String(i),
  );
}

/** Where a mark puts its value: a bar's top (or bottom, when negative), a point's centre. */
export function markTop(m: XmlElement): number {
  return m.name === "circle" ? num(m, "cy") : num(m, "y");
}
