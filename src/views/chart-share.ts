/**
 * Sharing one chart of a region page: its permanent link (region, chart and period pinned),
 * its embed page and the <iframe> code for it, and its SVG image (drawn on the server by
 * src/lib/chart-svg.ts, with the same title, source line and dates as the embed page).
 * Addresses that leave the site (the link, the embed code) are built from the canonical
 * origin (src/lib/origin.ts), never from the request's host.
 */
import { localePath, translator, type Lang } from "../i18n/index.ts";
import { chartSvg, escapeXml } from "../lib/chart-svg.ts";
import { LICENCE } from "../lib/datasets.ts";
import { formatDate, formatPeriod, moneyCellUnit } from "../lib/format.ts";
import type { ChartData, ChartId } from "./region-charts.ts";

/** The licence's short name, as the site's footer writes it (LICENCE.path is its address). */
export const LICENCE_NAME = "CC BY 4.0";
export const LICENCE_URL = LICENCE.path;

/** The height of the embed code's iframe, in CSS pixels: the chart, its title and source. */
export const EMBED_HEIGHT = 520;

/** The region and chart a share names. */
export interface SharedChart {
  lang: Lang;
  code: string;
  regionName: string;
  chart: Pick<ChartData, "id" | "title">;
  /** The period shown, YYYY-MM: pinned in every address, so that none drifts to a later month. */
  period: string;
}

/** The chart on its region page: "/r/450422?period=2026-10#chart-income" (English under /en). */
export function chartPagePath(lang: Lang, code: string, chart: ChartId, period: string): string {
  return `${localePath(lang, `/r/${code}`)}?period=${period}#chart-${chart}`;
}

/** The chart's embed page: "/embed/450422/income?period=2026-10" (English under /en). */
export function embedPath(lang: Lang, code: string, chart: ChartId, period: string): string {
  return `${localePath(lang, `/embed/${code}/${chart}`)}?period=${period}`;
}

/** The chart's SVG image: "/api/v1/regions/450422/charts/income.svg?period=2026-10&lang=zh". */
export function chartSvgPath(lang: Lang, code: string, chart: ChartId, period: string): string {
  return `/api/v1/regions/${code}/charts/${chart}.svg?period=${period}&lang=${lang}`;
}

/** "藤县：逐月累计收入（按年份）": the heading of the embed page, the image and the iframe. */
export function chartHeading(lang: Lang, regionName: string, chartTitle: string): string {
  return translator(lang)("embed.heading", { region: regionName, chart: chartTitle });
}

/** The file name of a downloaded image, without extension: "450422-income-2026-10". */
export function imageName(code: string, chart: ChartId, period: string): string {
  return `${code}-${chart}-${period}`;
}

/** What a chart's download tab offers for sharing it. */
export interface ChartShare {
  /** The chart on its region page at the canonical origin, period pinned. */
  link: string;
  /** The embed page at the canonical origin, period pinned. */
  embedSrc: string;
  /** The <iframe> element to paste into another page (attributes escaped). */
  embedCode: string;
  /** The SVG image on this site (a path: it is a download, not a permanent link). */
  svg: string;
  /** The downloaded images' file name, without extension. */
  fileName: string;
  period: string;
}

/** The share block of one chart; `origin` is the canonical origin (canonicalOrigin()). */
export function chartShare(origin: string, shared: SharedChart): ChartShare {
  const { lang, code, regionName, chart, period } = shared;
  const embedSrc = `${origin}${embedPath(lang, code, chart.id, period)}`;
  const title = chartHeading(lang, regionName, chart.title);
  const embedCode =
    `<iframe src="${escapeXml(embedSrc)}" title="${escapeXml(title)}" width="100%" ` +
    `height="${EMBED_HEIGHT}" loading="lazy"></iframe>`;
  return {
    link: `${origin}${chartPagePath(lang, code, chart.id, period)}`,
    embedSrc,
    embedCode,
    svg: chartSvgPath(lang, code, chart.id, period),
    fileName: imageName(code, chart.id, period),
    period,
  };
}

/** The dates under a chart: "统计期：2026年10月；数据更新于 2026年11月10日". */
export function chartDates(lang: Lang, period: string, updatedAt: string | null): string {
  const t = translator(lang);
  return (
    t("embed.period", { period: formatPeriod(period, lang) }) +
    t("common.clauseSeparator") +
    t("embed.updated", { date: formatDate(updatedAt, lang) })
  );
}

/** What the SVG image of a chart needs besides the chart itself. */
export interface ChartImage extends SharedChart {
  chart: ChartData;
  /** The canonical origin: the source line names the chart's page there. */
  origin: string;
  /** When the data was last updated (ISO), and whether it is sample data. */
  updatedAt: string | null;
  sampleData: boolean;
}

/**
 * The chart as an SVG document: its heading, the period and data date, the chart drawn
 * from the page's spec, and the source line (the site, the chart's page, where the
 * figures come from, the licence), with the sample-data tag when it is sample data.
 */
export function chartImageSvg(image: ChartImage): string {
  const { lang, chart, code, period } = image;
  const t = translator(lang);
  const source = t("embed.source", {
    site: `${t("site.name")} ${image.origin}${chartPagePath(lang, code, chart.id, period)}`,
    source: chart.about.source,
    licence: LICENCE_NAME,
  });
  return chartSvg({
    spec: chart.spec,
    lang,
    title: chartHeading(lang, image.regionName, chart.title),
    subtitle: chartDates(lang, period, image.updatedAt),
    axisTitle: chart.spec.unit === "money" ? moneyCellUnit(lang) : t("chart.villages"),
    footer: image.sampleData ? [source, t("site.sampleTag")] : [source],
  });
}
