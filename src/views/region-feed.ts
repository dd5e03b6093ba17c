/**
 * A region's Atom feed (RFC 4287), /r/{code}/feed.xml and /en/r/{code}/feed.xml: the
 * releases that published its figures, the bulletins that cover it and the corrections and
 * notices that touch it (src/db/region-feed.ts says which), newest first, at most
 * REGION_FEED_ENTRIES of them. Read in one query and one round trip.
 *
 * Entries never change once published (a correction is an entry of its own), so each has
 * one time for <published> and <updated>. Their ids are tag URIs (RFC 4151) under the
 * configured canonical origin's host (src/lib/origin.ts), never the request's Host, and
 * differ by language and region: `tag:{host},2026:{en/}r/{code}/{releases|bulletins|notices}/{id}`.
 */
import { translator, localePath, type Lang } from "../i18n/index.ts";
import { CODE_PATTERN } from "../lib/codes.ts";
import { regionNotFound } from "../lib/errors.ts";
import { buildAtom, type FeedEntry } from "../lib/feeds.ts";
import { formatDateTimeIn, formatMoney, formatPeriod, formatYearToDate } from "../lib/format.ts";
import { readRegionFeed, type RegionFeedRows } from "../db/region-feed.ts";

/** How many entries a feed lists at most: about four years of monthly releases. */
export const REGION_FEED_ENTRIES = 50;

/** The year in every entry's tag URI: when the site's identifiers were first minted. */
const TAG_YEAR = "2026";

/** The feed's XML, or why there is none (400: a malformed code, 404: no such region). */
export type RegionFeed = { status: 200; xml: string } | { status: 400 | 404; problem: string };

/** The feed of `code` in `lang` as of `now`, with links and ids under `origin`. */
export async function loadRegionFeed(
  db: D1Database,
  code: string,
  lang: Lang,
  origin: string,
  now = new Date().toISOString(),
): Promise<RegionFeed> {
  const t = translator(lang);
  if (!CODE_PATTERN.test(code)) return { status: 400, problem: t("region.badCode", { code }) };
  const rows = await readRegionFeed(db, code, now, REGION_FEED_ENTRIES);
  if (!rows.region) return { status: 404, problem: t.detail(regionNotFound(code)) };
  return { status: 200, xml: regionFeedXml(rows, lang, origin, now) };
}

/** An ISO timestamp as RFC 3339 in UTC, whole seconds where it has no fraction. */
function rfc3339(iso: string): string {
  return new Date(iso).toISOString().replace(".000Z", "Z");
}

/** An entry and what orders it: time, then corrections before bulletins before releases. */
interface Sorted {
  entry: FeedEntry;
  rank: number;
  id: number;
}

/**
 * The feed document of rows read by readRegionFeed (a region found). Entries newest first;
 * at one moment a notice comes before a bulletin before a release, and a higher id first.
 */
export function regionFeedXml(
  rows: RegionFeedRows,
  lang: Lang,
  origin: string,
  now: string,
): string {
  const region = rows.region;
  if (!region) throw new Error("regionFeedXml needs a region");
  const t = translator(lang);
  const page = (path: string) => `${origin}${localePath(lang, path)}`;
  const regionPath = `/r/${region.code}`;
  const tag = (kind: string, id: number) =>
    `tag:${new URL(origin).hostname},${TAG_YEAR}:${localePath(lang, regionPath).slice(1)}/${kind}/${id}`;
  const name = region.name;
  const entries: Sorted[] = [];

  for (const r of rows.releases) {
    const span = formatYearToDate(r.period, lang);
    const date = formatDateTimeIn(r.published_at, lang);
    const income = formatMoney(r.income_total, lang);
    const at = rfc3339(r.published_at);
    entries.push({
      rank: 2,
      id: r.id,
      entry: {
        id: tag("releases", r.id),
        title: t("regionFeed.release.title", { region: name, span }),
        url: `${page(regionPath)}?period=${r.period}`,
        related: page(`/releases/${r.period}`),
        published: at,
        updated: at,
        summary:
          region.level === "village"
            ? t("regionFeed.release.village", { region: name, span, income, date })
            : t("regionFeed.release.area", {
                region: name,
                span,
                income,
                date,
                reporting: r.reporting,
                villages: r.villages,
              }),
      },
    });
  }

  for (const b of rows.bulletins) {
    const at = rfc3339(b.published_at);
    entries.push({
      rank: 1,
      id: b.id,
      entry: {
        id: tag("bulletins", b.id),
        title: t("regionFeed.bulletin.title", { title: b.title }),
        url: page(`/bulletins/${b.id}`),
        published: at,
        updated: at,
        summary: t("regionFeed.bulletin.summary", {
          region: b.region_name,
          span: formatYearToDate(b.period, lang),
          date: formatDateTimeIn(b.published_at, lang),
        }),
      },
    });
  }

  for (const n of rows.notices) {
    const at = rfc3339(n.issued_at);
    const subject =
      n.bulletin_title ?? t("regionFeed.notice.release", { month: formatPeriod(n.period, lang) });
    entries.push({
      rank: 0,
      id: n.id,
      entry: {
        id: tag("notices", n.id),
        title: t(
          n.kind === "correction" ? "regionFeed.notice.correction" : "regionFeed.notice.notice",
          { subject },
        ),
        url: n.bulletin_id ? page(`/bulletins/${n.bulletin_id}`) : page(`/releases/${n.period}`),
        published: at,
        updated: at,
        summary: t("regionFeed.notice.summary", {
          body: n.body,
          reason: n.reason,
          date: formatDateTimeIn(n.issued_at, lang),
        }),
      },
    });
  }

  const time = (s: Sorted) => Date.parse(s.entry.updated);
  entries.sort((a, b) => time(b) - time(a) || a.rank - b.rank || b.id - a.id);
  const shown = entries.slice(0, REGION_FEED_ENTRIES).map((s) => s.entry);
  const subtitle = t("regionFeed.subtitle", { region: name, n: REGION_FEED_ENTRIES });
  return buildAtom({
    id: page(`${regionPath}/feed.xml`),
    title: t("regionFeed.title", { region: name }),
    subtitle: rows.meta.sampleData ? t("regionFeed.sample", { subtitle }) : subtitle,
    url: page(regionPath),
    selfUrl: page(`${regionPath}/feed.xml`),
    // An empty feed changed last when the data did.
    updated: shown[0]?.updated ?? rfc3339(rows.meta.lastUpdated ?? now),
    lang: t("lang.html"),
    author: t("site.name"),
    entries: shown,
  });
}
