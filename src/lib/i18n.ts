/**
 * Languages: Simplified Chinese at the plain paths, English under /en. Page chrome strings
 * live here; names of indicators, bands and sources in labels.ts; numbers in format.ts.
 */
export const LANGS = ["zh", "en"] as const;
export type Lang = (typeof LANGS)[number];

/** The path of a page in a language: "/r/45" → "/en/r/45" for English. */
export function localePath(lang: Lang, path: string): string {
  if (lang === "zh") return path;
  return path === "/" ? "/en" : `/en${path}`;
}

/** A path without its language prefix: "/en/r/45" → "/r/45". */
export function basePath(path: string): string {
  if (path === "/en" || path === "/en/") return "/";
  return path.startsWith("/en/") ? path.slice(3) : path;
}

/** Paths that exist in English too (the back office is Chinese only). */
const ENGLISH_PATHS = [
  /^\/$/,
  /^\/r\/\d+$/,
  /^\/rankings$/,
  /^\/methodology$/,
  /^\/search$/,
  /^\/bulletins$/,
  /^\/bulletins\/\d+$/,
  /^\/calendar$/,
  /^\/data$/,
  /^\/releases\/\d{4}-\d{2}$/,
];

/** Whether a page (given without its language prefix) has an English version. */
export function hasEnglish(path: string): boolean {
  return ENGLISH_PATHS.some((re) => re.test(path));
}

/** The language a request path is in. */
export function langOfPath(path: string): Lang {
  return path === "/en" || path.startsWith("/en/") ? "en" : "zh";
}

const zh = {
  htmlLang: "zh-CN",
  siteName: "村务公开台账",
  siteTagline: "乡村振兴公开统计",
  skip: "跳到正文",
  nav: "网站导航",
  navHome: "首页",
  navRankings: "比武榜",
  navMethodology: "方法说明",
  navData: "开放数据",
  navBulletins: "公报",
  navCalendar: "发布日历",
  navSearch: "搜索",
  switchTo: "English",
  switchLang: "en" as Lang,
  largeText: "大字模式",
  largeTextOff: "标准字号",
  sampleTag: "样例数据",
  sampleNote:
    "本站当前展示的是演示用样例数据：区划代码和名称真实，数字为随机生成，不代表任何地区的实际情况。",
  footer:
    "村务公开台账 · 金额单位为人民币元，页面以万元、亿元显示；月度数据为当年累计数。数据许可：CC BY 4.0。",
  allRegions: "全部地区",
  breadcrumb: "所在地区",
  period: "统计期",
  show: "查看",
  updated: "数据更新于",
  notFoundTitle: "没有找到该页面",
  backHome: "返回首页",
  noData: "该地区暂无集体经济收入数据。",
};

const en: typeof zh = {
  htmlLang: "en",
  siteName: "Village Ledger",
  siteTagline: "Open statistics on rural revitalisation",
  skip: "Skip to content",
  nav: "Site",
  navHome: "Home",
  navRankings: "League tables",
  navMethodology: "Methodology",
  navData: "Open data",
  navBulletins: "Bulletins",
  navCalendar: "Release calendar",
  navSearch: "Search",
  switchTo: "中文",
  switchLang: "zh",
  largeText: "Large text",
  largeTextOff: "Standard text",
  sampleTag: "Sample data",
  sampleNote:
    "This site shows sample data for demonstration: region codes and names are real, the figures are randomly generated and describe no real place.",
  footer:
    "Village Ledger · Money in Chinese yuan (¥), shown in thousands and millions; monthly figures are year-to-date. Licence: CC BY 4.0.",
  allRegions: "All regions",
  breadcrumb: "Region",
  period: "Period",
  show: "Show",
  updated: "Data updated",
  notFoundTitle: "Page not found",
  backHome: "Back to the home page",
  noData: "No collective-income data for this region.",
};

export type UiStrings = typeof zh;
export const UI: Record<Lang, UiStrings> = { zh, en };
