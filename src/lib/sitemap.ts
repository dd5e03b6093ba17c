/**
 * Sitemaps (sitemaps.org protocol 0.9): /sitemap.xml is an index of files of at most
 * 50,000 addresses each, as the protocol allows: the site's own pages, the region pages in
 * code order (about 13 files for the whole country), the bulletins and the releases.
 * Every address is absolute, from the canonical origin (src/lib/origin.ts).
 */
import { xmlEscape } from "./feeds.ts";

/** The protocol's limit of addresses per file. */
export const URLS_PER_SITEMAP = 50_000;

export interface SitemapEntry {
  loc: string;
  /** W3C datetime (an ISO timestamp or date); omitted when unknown. */
  lastmod?: string | null;
}

/** The pages that are neither regions, bulletins nor releases, in both languages. */
export const SITE_PAGES = ["/", "/rankings", "/bulletins", "/calendar", "/data", "/methodology"];

/** The names of the sitemap files for `regions` regions ("regions-1" … in code order). */
export function sitemapFiles(regions: number): string[] {
  const regionFiles = Math.max(1, Math.ceil(regions / URLS_PER_SITEMAP));
  return [
    "pages",
    ...Array.from({ length: regionFiles }, (_, i) => `regions-${i + 1}`),
    "bulletins",
    "releases",
  ];
}

/** The region file's number from its name ("regions-3" → 3), or null for another name. */
export function regionFileNumber(name: string): number | null {
  const match = /^regions-([1-9]\d{0,4})$/.exec(name);
  return match ? Number(match[1]) : null;
}

function entryXml(tag: string, entry: SitemapEntry): string {
  const lastmod = entry.lastmod ? `<lastmod>${xmlEscape(entry.lastmod)}</lastmod>` : "";
  return `<${tag}><loc>${xmlEscape(entry.loc)}</loc>${lastmod}</${tag}>`;
}

const HEAD = '<?xml version="1.0" encoding="UTF-8"?>\n';
const NS = 'xmlns="http://www.sitemaps.org/schemas/sitemap/0.9"';

/** A sitemap index listing sitemap files. */
export function sitemapIndexXml(entries: SitemapEntry[]): string {
  return `${HEAD}<sitemapindex ${NS}>\n${entries.map((e) => entryXml("sitemap", e)).join("\n")}\n</sitemapindex>\n`;
}

/** A sitemap file of at most URLS_PER_SITEMAP addresses. */
export function urlSetXml(entries: SitemapEntry[]): string {
  if (entries.length > URLS_PER_SITEMAP) {
    throw new RangeError(`a sitemap holds at most ${URLS_PER_SITEMAP} addresses`);
  }
  return `${HEAD}<urlset ${NS}>\n${entries.map((e) => entryXml("url", e)).join("\n")}\n</urlset>\n`;
}

/** robots.txt: the back office, preferences and the API's paging kept out; the sitemap named. */
export function robotsTxt(origin: string): string {
  return [
    "User-agent: *",
    "Disallow: /admin",
    "Disallow: /api/admin",
    "Disallow: /prefs/",
    "Disallow: /api/v1/*cursor=",
    "Disallow: /api/v1/*page=",
    "Allow: /",
    "",
    `Sitemap: ${origin}/sitemap.xml`,
    "",
  ].join("\n");
}
