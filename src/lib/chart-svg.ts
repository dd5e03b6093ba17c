/**
 * A chart as a standalone SVG image, drawn on the server from the same ChartSpec the page
 * draws with chart.js (src/scripts/chart-spec.ts): line charts and (stacked) bar charts
 * with gridlines, value ticks, the axis title, category labels, a legend, and the title,
 * source and date drawn in, so that the image says what it is wherever it ends up.
 *
 * Pure functions; every text is escaped (escapeXml). Styling is by presentation
 * attributes only (no style attributes or elements), so the image shows the same under the
 * site's Content-Security-Policy, in an <img>, and opened on its own. Text sizes are
 * estimated (textWidth) since no fonts are measured here; the font is a generic CJK-capable
 * stack, and the viewer's own fonts draw it.
 */
import { lineWidth, seriesColours, seriesDash } from "./chart-colours.ts";
import { formatCount, formatMoneyCell, moneyCellUnit } from "./format.ts";
import type { Lang } from "./i18n.ts";
import type { ChartSpec } from "../scripts/chart-spec.ts";

export interface SvgChart {
  spec: ChartSpec;
  lang: Lang;
  /** The heading drawn at the top (the region and the chart's title). */
  title: string;
  /** A line under the title (the period shown), if any. */
  subtitle?: string;
  /** The value axis' title (its unit: 万元, villages…); moneyCellUnit/the count's word. */
  axisTitle: string;
  /** Lines under the chart, each wrapped to the width: the source, the data date. */
  footer: string[];
  /** The image's width in pixels (800 unless told); its height follows from the content. */
  width?: number;
  /** The plot area's height in pixels (300 unless told). */
  plotHeight?: number;
}

/** The fonts named in the SVG: common CJK faces on each system, then any sans-serif. */
export const SVG_FONTS =
  "'Noto Sans CJK SC', 'Noto Sans SC', 'Source Han Sans SC', 'PingFang SC', " +
  "'Hiragino Sans GB', 'Microsoft YaHei', 'WenQuanYi Micro Hei', system-ui, sans-serif";

const INK = "#1b1f24";
const MUTED = "#525a63";
const GRID = "#e3e6ea";
const AXIS = "#8a8f96";
const MARGIN = 24;

/** Characters XML 1.0 cannot hold at all (C0 controls but tab, line feed, return; FFFE/FFFF). */
// eslint-disable-next-line no-control-regex
const NOT_XML = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/g;

/** Text for an XML element or a quoted attribute: markup characters escaped, impossible ones dropped. */
export function escapeXml(text: string): string {
  return text
    .replace(NOT_XML, "")
    .replaceAll("&", "&amp;")
    .replaceAll("<", "&lt;")
    .replaceAll(">", "&gt;")
    .replaceAll('"', "&quot;")
    .replaceAll("'", "&apos;");
}

/** Ideographs, kana, Hangul, full-width forms and CJK punctuation: a full em wide. */
const WIDE =
  /[\u1100-\u115f\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]/;
const NARROW = /[\s.,:;!|'il()[\]/\-·]/;

/** The estimated width of a text in pixels at a font size: wide characters 1 em, others less. */
export function textWidth(text: string, fontSize: number): number {
  let em = 0;
  for (const ch of text) em += WIDE.test(ch) ? 1 : NARROW.test(ch) ? 0.32 : 0.58;
  return em * fontSize;
}

/** Punctuation that may not begin a line (Chinese line breaking): kept on the line before. */
const NO_LINE_START = /^[，。、；：！？）》」』”’,.;:!?)\]]$/;

/**
 * A text broken into lines no wider than `maxWidth` (estimated): between words in Latin
 * text, between any two characters in Chinese, and inside a word only when the word alone
 * is wider than a line (a long address).
 */
export function wrapText(text: string, fontSize: number, maxWidth: number): string[] {
  const tokens: string[] = [];
  for (const token of splitTokens(text)) {
    if (textWidth(token, fontSize) > maxWidth) tokens.push(...token);
    else tokens.push(token);
  }
  const lines: string[] = [];
  let line = "";
  for (const token of tokens) {
    const next = line + token;
    if (
      line.trim() &&
      textWidth(next.trimEnd(), fontSize) > maxWidth &&
      !NO_LINE_START.test(token)
    ) {
      lines.push(line.trimEnd());
      line = /^\s+$/.test(token) ? "" : token;
    } else {
      line = next;
    }
  }
  if (line.trim()) lines.push(line.trimEnd());
  return lines;
}

/** Runs of white space, single wide characters, and runs of other characters (words). */
function splitTokens(text: string): string[] {
  const out: string[] = [];
  let word = "";
  for (const ch of text) {
    if (/\s/.test(ch) || WIDE.test(ch)) {
      if (word) out.push(word);
      word = "";
      const last = out.at(-1);
      if (/\s/.test(ch) && last && /^\s+$/.test(last)) out[out.length - 1] = last + ch;
      else out.push(ch);
    } else {
      word += ch;
    }
  }
  if (word) out.push(word);
  return out;
}

/** A value axis: its ends and the values of its ticks, `step` apart. */
export interface Scale {
  min: number;
  max: number;
  step: number;
  ticks: number[];
}

/**
 * A value axis with about five round steps (1, 2, 2.5 or 5 times a power of ten) that takes
 * in `low`, `high` and zero. `integer` keeps steps whole (counts of villages).
 */
export function niceScale(low: number, high: number, integer = false): Scale {
  let lo = Math.min(0, low);
  let hi = Math.max(0, high);
  if (hi === lo) hi = lo + 1;
  const rough = (hi - lo) / 5;
  const magnitude = 10 ** Math.floor(Math.log10(rough));
  const norm = rough / magnitude;
  let step =
    (norm <= 1.5 ? 1 : norm <= 2.25 ? 2 : norm <= 3.5 ? 2.5 : norm <= 7.5 ? 5 : 10) * magnitude;
  if (integer) step = Math.max(1, Math.round(step));
  lo = Math.floor(lo / step + 1e-9) * step;
  hi = Math.ceil(hi / step - 1e-9) * step;
  const count = Math.round((hi - lo) / step);
  const ticks = Array.from({ length: count + 1 }, (_, i) =>
    Number((lo + i * step).toPrecision(12)),
  );
  return { min: ticks[0] ?? lo, max: ticks.at(-1) ?? hi, step, ticks };
}

/** The value range the bars or lines need: stacks summed (positives up, negatives down). */
export function valueRange(spec: ChartSpec): { low: number; high: number } {
  let low = 0;
  let high = 0;
  if (spec.stacked) {
    spec.labels.forEach((_, i) => {
      let up = 0;
      let down = 0;
      for (const d of spec.datasets) {
        const v = d.data[i] ?? 0;
        if (v >= 0) up += v;
        else down += v;
      }
      high = Math.max(high, up);
      low = Math.min(low, down);
    });
  } else {
    for (const d of spec.datasets)
      for (const v of d.data) {
        if (v === null || v === undefined) continue;
        high = Math.max(high, v);
        low = Math.min(low, v);
      }
  }
  return { low, high };
}

/** A number as an attribute: at most two decimals. */
const num = (x: number) => String(Math.round(x * 100) / 100);

/** An attribute list from pairs, values escaped; undefined and null left out. */
function attrs(pairs: Record<string, string | number | undefined | null>): string {
  return Object.entries(pairs)
    .filter(([, v]) => v !== undefined && v !== null)
    .map(([k, v]) => ` ${k}="${typeof v === "number" ? num(v) : escapeXml(v as string)}"`)
    .join("");
}

function textEl(
  x: number,
  y: number,
  text: string,
  more: Record<string, string | number | undefined> = {},
): string {
  return `<text${attrs({ x, y, ...more })}>${escapeXml(text)}</text>`;
}

/** The page's formatting of a value on this chart (src/scripts/chart-render.ts does the same). */
export function formatValue(spec: ChartSpec, value: number, lang: Lang): string {
  return spec.unit === "money" ? formatMoneyCell(value, lang) : formatCount(value, lang);
}

/**
 * The chart as an SVG document (UTF-8 text, with an XML declaration). The plot's value
 * axis maps linearly: a value v sits at y = plotBottom − (v − min) / (max − min) × height,
 * the gridlines carrying their values' labels. Line charts put the first category at the
 * plot's left edge and the last at its right (as chart.js does); bars are centred in equal
 * bands, several series side by side, or one band's series stacked.
 */
export function chartSvg(chart: SvgChart): string {
  const { spec, lang } = chart;
  const width = chart.width ?? 800;
  const plotHeight = chart.plotHeight ?? 300;
  const inner = width - 2 * MARGIN;
  const out: string[] = [];
  let y = MARGIN;

  // Heading.
  const titleLines = wrapText(chart.title, 20, inner);
  for (const line of titleLines) {
    y += 24;
    out.push(textEl(MARGIN, y, line, { "font-size": 20, "font-weight": 700, fill: INK }));
  }
  if (chart.subtitle) {
    for (const line of wrapText(chart.subtitle, 14, inner)) {
      y += 21;
      out.push(textEl(MARGIN, y, line, { "font-size": 14, fill: MUTED }));
    }
  }
  y += 20;

  // Value axis: ticks, gridlines and the axis title.
  const range = valueRange(spec);
  const scale = niceScale(range.low, range.high, spec.unit === "count");
  const tickLabels = scale.ticks.map((v) => formatValue(spec, v, lang));
  const tickWidth = Math.max(...tickLabels.map((l) => textWidth(l, 12)));
  const plotLeft = MARGIN + 20 + tickWidth + 8;
  const plotRight = width - MARGIN;
  const plotWidth = plotRight - plotLeft;
  const plotTop = y + 6;
  const plotBottom = plotTop + plotHeight;
  const yOf = (v: number) => plotBottom - ((v - scale.min) / (scale.max - scale.min)) * plotHeight;
  out.push(`<g class="grid"${attrs({ stroke: GRID, "stroke-width": 1 })}>`);
  scale.ticks.forEach((v) => {
    const at = yOf(v);
    out.push(
      `<line${attrs({ x1: plotLeft, y1: at, x2: plotRight, y2: at, "data-value": String(v), stroke: v === 0 ? AXIS : undefined })}/>`,
    );
  });
  out.push("</g>");
  out.push(`<g class="ticks"${attrs({ "font-size": 12, fill: MUTED, "text-anchor": "end" })}>`);
  scale.ticks.forEach((v, i) => {
    out.push(textEl(plotLeft - 8, yOf(v) + 4, tickLabels[i] ?? "", { "data-value": String(v) }));
  });
  out.push("</g>");
  const axisX = MARGIN + 12;
  const axisY = (plotTop + plotBottom) / 2;
  out.push(
    textEl(axisX, axisY, chart.axisTitle, {
      "font-size": 12,
      fill: MUTED,
      "text-anchor": "middle",
      transform: `rotate(-90 ${num(axisX)} ${num(axisY)})`,
    }),
  );

  // The categories along the bottom: bands for bars, points for lines.
  const n = spec.labels.length;
  const isLine = spec.type === "line";
  const band = n > 0 ? plotWidth / n : plotWidth;
  const xOf = (i: number) =>
    isLine
      ? n > 1
        ? plotLeft + (i * plotWidth) / (n - 1)
        : plotLeft + plotWidth / 2
      : plotLeft + band * (i + 0.5);
  const spacing = isLine && n > 1 ? plotWidth / (n - 1) : band;
  const widest = Math.max(0, ...spec.labels.map((l) => textWidth(l, 12)));
  // Level labels when they fit; else slanted at 45° (as chart.js turns them), and where even
  // slanted ones would touch, every k-th, the last one shown.
  const slant = widest + 8 > spacing;
  const every = slant ? Math.max(1, Math.ceil(18 / spacing)) : 1;
  out.push(
    `<g class="categories"${attrs({ "font-size": 12, fill: MUTED, "text-anchor": slant ? "end" : "middle" })}>`,
  );
  spec.labels.forEach((label, i) => {
    if ((n - 1 - i) % every !== 0) return;
    const x = slant ? xOf(i) + 4 : xOf(i);
    const at = slant ? plotBottom + 14 : plotBottom + 18;
    const turn = slant ? `rotate(-45 ${num(x)} ${num(at)})` : undefined;
    out.push(textEl(x, at, label, { "data-index": i, transform: turn }));
  });
  out.push("</g>");
  y = slant ? plotBottom + 14 + widest * Math.SQRT1_2 + 4 : plotBottom + 18;

  // The marks.
  const colours = seriesColours(spec);
  const colour = (i: number) => colours[i % colours.length] as string;
  const show = (v: number) =>
    spec.unit === "money"
      ? `${formatValue(spec, v, lang)} ${moneyCellUnit(lang)}`
      : formatValue(spec, v, lang);
  if (isLine) {
    spec.datasets.forEach((d, s) => {
      const dash = seriesDash(spec, s);
      let path = "";
      let pen = false;
      d.data.forEach((v, i) => {
        if (v === null || v === undefined) {
          pen = false;
          return;
        }
        path += `${pen ? "L" : "M"}${num(xOf(i))} ${num(yOf(v))}`;
        pen = true;
      });
      out.push(`<g class="series"${attrs({ "data-series": s, fill: colour(s) })}>`);
      if (path)
        out.push(
          `<path${attrs({
            d: path,
            fill: "none",
            stroke: colour(s),
            "stroke-width": lineWidth(spec, s),
            "stroke-linejoin": "round",
            "stroke-dasharray": dash.length ? dash.join(" ") : undefined,
          })}/>`,
        );
      d.data.forEach((v, i) => {
        if (v === null || v === undefined) return;
        out.push(
          `<circle${attrs({ cx: xOf(i), cy: yOf(v), r: 2.5, "data-index": i })}><title>${escapeXml(
            `${d.label} · ${spec.labels[i] ?? ""}: ${show(v)}`,
          )}</title></circle>`,
        );
      });
      out.push("</g>");
    });
  } else {
    const stacked = spec.stacked ?? false;
    const group = band * 0.8;
    const barWidth = stacked ? group * 0.9 : (group / Math.max(1, spec.datasets.length)) * 0.9;
    const up = new Array<number>(n).fill(0);
    const down = new Array<number>(n).fill(0);
    spec.datasets.forEach((d, s) => {
      out.push(`<g class="series"${attrs({ "data-series": s, fill: colour(s) })}>`);
      d.data.forEach((v, i) => {
        if (v === null || v === undefined || i >= n) return;
        let from = 0;
        if (stacked) {
          from = v >= 0 ? (up[i] as number) : (down[i] as number);
          if (v >= 0) up[i] = from + v;
          else down[i] = from + v;
        }
        const top = yOf(Math.max(from, from + v));
        const bottom = yOf(Math.min(from, from + v));
        const x = stacked
          ? xOf(i) - barWidth / 2
          : xOf(i) - group / 2 + (group / spec.datasets.length) * (s + 0.05);
        out.push(
          `<rect${attrs({ x, y: top, width: barWidth, height: bottom - top, "data-index": i })}><title>${escapeXml(
            `${d.label} · ${spec.labels[i] ?? ""}: ${show(v)}`,
          )}</title></rect>`,
        );
      });
      out.push("</g>");
    });
  }

  // Legend: one entry per series (as the page shows it when there are several).
  if (spec.datasets.length > 1) {
    y += 14;
    let x = plotLeft;
    let rowY = y + 12;
    out.push(`<g class="legend"${attrs({ "font-size": 12, fill: INK })}>`);
    spec.datasets.forEach((d, s) => {
      const w = 14 + 6 + textWidth(d.label, 12);
      if (x > plotLeft && x + w > plotRight) {
        x = plotLeft;
        rowY += 20;
      }
      const dash = seriesDash(spec, s);
      out.push(
        isLine
          ? `<line${attrs({ x1: x, y1: rowY - 4, x2: x + 14, y2: rowY - 4, stroke: colour(s), "stroke-width": 3, "stroke-dasharray": dash.length ? dash.join(" ") : undefined })}/>`
          : `<rect${attrs({ x, y: rowY - 10, width: 12, height: 12, fill: colour(s) })}/>`,
      );
      out.push(textEl(x + 20, rowY, d.label, { "data-series": s }));
      x += w + 18;
    });
    out.push("</g>");
    y = rowY;
  }

  // Source and date.
  y += 14;
  out.push(`<g class="footer"${attrs({ "font-size": 12, fill: MUTED })}>`);
  for (const text of chart.footer) {
    for (const line of wrapText(text, 12, inner)) {
      y += 18;
      out.push(textEl(MARGIN, y, line));
    }
  }
  out.push("</g>");
  const height = Math.ceil(y + MARGIN);

  const description = [chart.subtitle, ...chart.footer].filter(Boolean).join(" ");
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<svg xmlns="http://www.w3.org/2000/svg"${attrs({
      width,
      height,
      viewBox: `0 0 ${width} ${height}`,
      role: "img",
      "aria-labelledby": "chart-title chart-desc",
      "font-family": SVG_FONTS,
      lang: lang === "en" ? "en" : "zh-CN",
    })}>`,
    `<title id="chart-title">${escapeXml(chart.title)}</title>`,
    `<desc id="chart-desc">${escapeXml(description)}</desc>`,
    `<rect${attrs({ width, height, fill: "#ffffff" })}/>`,
    ...out,
    "</svg>",
    "",
  ].join("\n");
}
