/** The sitemap index and its files (src/lib/sitemap.ts), read from D1. */
import { readDatasetMeta } from "../db/meta.ts";
import {
  countRegions,
  publishedBulletinDates,
  publishedReleaseDates,
  regionCodesPage,
} from "../db/sitemap.ts";
import { localePath } from "../lib/i18n.ts";
import {
  regionFileNumber,
  SITE_PAGES,
  sitemapFiles,
  sitemapIndexXml,
  URLS_PER_SITEMAP,
  urlSetXml,
} from "../lib/sitemap.ts";

/** /sitemap.xml: one entry per file, each dated by the data's last update. */
export async function sitemapIndex(db: D1Database, origin: string): Promise<string> {
  const [regions, meta] = await Promise.all([countRegions(db), readDatasetMeta(db)]);
  return sitemapIndexXml(
    sitemapFiles(regions).map((name) => ({
      loc: `${origin}/sitemaps/${name}.xml`,
      lastmod: meta.lastUpdated,
    })),
  );
}

/** One sitemap file by name (see sitemapFiles), or null when there is no such file. */
export async function sitemapFile(
  db: D1Database,
  origin: string,
  name: string,
  now: string,
): Promise<string | null> {
  if (name === "pages") {
    return urlSetXml(
      SITE_PAGES.flatMap((path) => [
        { loc: `${origin}${path}` },
        { loc: `${origin}${localePath("en", path)}` },
      ]),
    );
  }
  if (name === "bulletins") {
    const bulletins = await publishedBulletinDates(db, now);
    return urlSetXml(
      bulletins.map((b) => ({ loc: `${origin}/bulletins/${b.id}`, lastmod: b.published_at })),
    );
  }
  if (name === "releases") {
    const releases = await publishedReleaseDates(db);
    return urlSetXml(
      releases.map((r) => ({ loc: `${origin}/releases/${r.period}`, lastmod: r.published_at })),
    );
  }
  const n = regionFileNumber(name);
  if (n === null) return null;
  const [codes, meta] = await Promise.all([
    regionCodesPage(db, (n - 1) * URLS_PER_SITEMAP, URLS_PER_SITEMAP),
    readDatasetMeta(db),
  ]);
  if (!codes.length && n > 1) return null;
  return urlSetXml(
    codes.map((code) => ({ loc: `${origin}/r/${code}`, lastmod: meta.lastUpdated })),
  );
}
