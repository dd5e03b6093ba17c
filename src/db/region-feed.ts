/**
 * What a region's Atom feed (/r/{code}/feed.xml) reads, as one statement (json-rows.ts):
 * the region, the data facts, and the three kinds of entry, each newest first and at most
 * `limit` long (so the newest `limit` of all three together are always among them):
 *
 * - releases that published the region's figures: a published release of period P whose
 *   data, as of its freeze moment (as-of.ts), holds the region's figures for P — a rollup
 *   with at least one reporting village above village level, the village's own return at
 *   village level (communities have none);
 * - published bulletins that cover the region: the bulletin's region is the region itself
 *   or one of its ancestors (a county's bulletin covers its townships and villages). A
 *   bulletin about a descendant does not count: it reports on a part, not on the region,
 *   and a province's feed would otherwise carry every bulletin of every county under it;
 * - corrections and notices (kinds `correction` and `notice`; cancellations and date
 *   changes belong to the calendar) that touch it: one appended to a bulletin that covers
 *   the region, or one appended to a whole release that published the region's figures.
 */
import { ancestorCodes } from "../lib/codes.ts";
import type { Level } from "../lib/codes.ts";
import { returnsAsOf, statsAsOf } from "./as-of.ts";
import { runPlans, rowsOf, type Plan } from "./json-rows.ts";
import { datasetMetaPlan, type DatasetMeta } from "./meta.ts";
import type { RegionKind } from "./regions.ts";

export interface FeedRegion {
  code: string;
  name: string;
  level: Level;
  kind: RegionKind;
}

/** A release that published the region's figures, with them as published (whole yuan). */
export interface FeedRelease {
  id: number;
  period: string;
  published_at: string;
  /** Village committees counted and those reporting (1 and 1 for a village). */
  villages: number;
  reporting: number;
  income_total: number;
}

export interface FeedBulletin {
  id: number;
  title: string;
  period: string;
  region_code: string;
  region_name: string;
  published_at: string;
}

export interface FeedNotice {
  id: number;
  kind: "correction" | "notice";
  body: string;
  reason: string;
  issued_at: string;
  /** The bulletin it is appended to, or null for a notice on the whole release. */
  bulletin_id: number | null;
  /** The bulletin's title (null for a release's notice). */
  bulletin_title: string | null;
  /** The period of the release it concerns. */
  period: string;
}

export interface RegionFeedRows {
  /** Null when no region has the code. */
  region: FeedRegion | null;
  meta: DatasetMeta;
  releases: FeedRelease[];
  bulletins: FeedBulletin[];
  notices: FeedNotice[];
}

/** `?from, ?from+1, …` for `count` parameters. */
function placeholders(from: number, count: number): string {
  return Array.from({ length: count }, (_, i) => `?${from + i}`).join(", ");
}

/**
 * The SQL condition "the release `rl` published the figures of region ?1" and, for the
 * releases read, the join that gives them.
 */
function figuresJoin(code: string): string {
  return code.length === 12
    ? `SELECT rl.id, rl.period, rl.published_at, 1 AS villages, 1 AS reporting,
         ir.total AS income_total
       FROM releases rl JOIN income_returns ir
         ON ir.village_code = ?1 AND ir.period = rl.period AND ${returnsAsOf("ir", "rl.published_at")}`
    : `SELECT rl.id, rl.period, rl.published_at, s.villages, s.reporting, s.income_total
       FROM releases rl JOIN region_period_stats s
         ON s.region_code = ?1 AND s.period = rl.period AND ${statsAsOf("s", "rl.published_at")}
         AND s.reporting > 0`;
}

function figuresExist(code: string): string {
  return code.length === 12
    ? `EXISTS (SELECT 1 FROM income_returns ir WHERE ir.village_code = ?1
         AND ir.period = rl.period AND ${returnsAsOf("ir", "rl.published_at")})`
    : `EXISTS (SELECT 1 FROM region_period_stats s WHERE s.region_code = ?1
         AND s.period = rl.period AND ${statsAsOf("s", "rl.published_at")} AND s.reporting > 0)`;
}

/** The feed's reads for `code` as of `now` (UTC ISO 8601), at most `limit` of each kind. */
export function regionFeedPlans(code: string, now: string, limit: number) {
  // The region and its ancestors: the regions whose bulletins cover it.
  const covering = [...ancestorCodes(code), code];
  const region: Plan<FeedRegion | null> = {
    read: {
      sql: "SELECT code, name, level, kind FROM regions WHERE code = ?1",
      params: [code],
      columns: ["code", "name", "level", "kind"],
    },
    shape: (rows) => (rows[0] as unknown as FeedRegion | undefined) ?? null,
  };
  const releases = rowsOf<FeedRelease>({
    sql: `${figuresJoin(code)}
      WHERE rl.status = 'published' AND rl.published_at <= ?2
      ORDER BY rl.published_at DESC, rl.id DESC LIMIT ?3`,
    params: [code, now, limit],
    columns: ["id", "period", "published_at", "villages", "reporting", "income_total"],
  });
  const bulletins = rowsOf<FeedBulletin>({
    sql: `SELECT b.id, b.title, b.period, b.region_code, r.name AS region_name, b.published_at
      FROM bulletins b JOIN regions r ON r.code = b.region_code
      WHERE b.region_code IN (${placeholders(3, covering.length)})
        AND b.status = 'published' AND b.published_at <= ?1
      ORDER BY b.published_at DESC, b.id DESC LIMIT ?2`,
    params: [now, limit, ...covering],
    columns: ["id", "title", "period", "region_code", "region_name", "published_at"],
  });
  const notices = rowsOf<FeedNotice>({
    sql: `SELECT n.id, n.kind, n.body, n.reason, n.issued_at, n.bulletin_id,
        b.title AS bulletin_title, rl.period
      FROM notices n
      LEFT JOIN bulletins b ON b.id = n.bulletin_id
      JOIN releases rl ON rl.id = coalesce(b.release_id, n.release_id)
      WHERE n.kind IN ('correction', 'notice') AND n.issued_at <= ?2
        AND CASE WHEN n.bulletin_id IS NULL
          THEN rl.status = 'published' AND rl.published_at <= ?2 AND ${figuresExist(code)}
          ELSE b.status = 'published' AND b.published_at <= ?2
            AND b.region_code IN (${placeholders(4, covering.length)})
        END
      ORDER BY n.issued_at DESC, n.id DESC LIMIT ?3`,
    params: [code, now, limit, ...covering],
    columns: [
      "id",
      "kind",
      "body",
      "reason",
      "issued_at",
      "bulletin_id",
      "bulletin_title",
      "period",
    ],
  });
  return { region, meta: datasetMetaPlan(), releases, bulletins, notices };
}

/** Everything the feed of `code` shows, in one query and one round trip. */
export function readRegionFeed(
  db: D1Database,
  code: string,
  now: string,
  limit: number,
): Promise<RegionFeedRows> {
  return runPlans(db, regionFeedPlans(code, now, limit));
}
