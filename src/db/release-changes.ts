/**
 * What changed between two releases: returns filed for the first time and returns revised
 * between the previous release's freeze moment and this one's. Read from the append-only
 * income_returns, so the answer never changes once both releases are published.
 */
import type { Release } from "./releases.ts";
import type { RevisionPair } from "../lib/revisions.ts";

const RELEASE_COLUMNS =
  "id, title, period, status, scheduled_at, confirmed_at, published_at, cancelled_at, created_at";

/** The published release frozen last before `publishedAt`, or null for the first. */
export async function findPreviousRelease(
  db: D1Database,
  publishedAt: string,
): Promise<Release | null> {
  return db
    .prepare(
      `SELECT ${RELEASE_COLUMNS} FROM releases
       WHERE status = 'published' AND published_at < ?1
       ORDER BY published_at DESC, id DESC LIMIT 1`,
    )
    .bind(publishedAt)
    .first<Release>();
}

/** The window (after, upTo] between two freeze moments; `after` null = from the start. */
export interface Window {
  after: string | null;
  upTo: string;
}

const FIGURES = ["total", "operating", "contracting", "investment", "subsidy", "other"] as const;

/** Revised returns in the window, each with the figures it replaced, in village order. */
export async function findRevisions(db: D1Database, w: Window): Promise<RevisionPair[]> {
  const { results } = await db
    .prepare(
      `SELECT n.village_code, r.name AS village_name, n.period, n.recorded_at, n.reason,
         ${FIGURES.map((f) => `o.${f} AS old_${f}, n.${f} AS new_${f}`).join(", ")}
       FROM income_returns o
       JOIN income_returns n ON n.village_code = o.village_code AND n.period = o.period
         AND n.recorded_at = o.superseded_at
       JOIN regions r ON r.code = n.village_code
       WHERE o.superseded_at IS NOT NULL AND o.superseded_at > ?1 AND o.superseded_at <= ?2
       ORDER BY n.village_code, n.period, n.recorded_at`,
    )
    .bind(w.after ?? "", w.upTo)
    .all<Record<string, string | number | null>>();
  return results.map((row) => {
    const figures = (prefix: string) =>
      Object.fromEntries(FIGURES.map((f) => [f, row[`${prefix}${f}`] as number])) as Record<
        (typeof FIGURES)[number],
        number
      >;
    return {
      village_code: row.village_code as string,
      village_name: row.village_name as string,
      period: row.period as string,
      revised_at: row.recorded_at as string,
      reason: (row.reason as string | null) ?? null,
      old: figures("old_"),
      new: figures("new_"),
    };
  });
}

/** Returns filed for the first time in the window, counted by period. */
export async function countNewReturns(
  db: D1Database,
  w: Window,
): Promise<{ period: string; returns: number }[]> {
  const { results } = await db
    .prepare(
      `SELECT n.period, count(*) AS returns FROM income_returns n
       WHERE n.recorded_at > ?1 AND n.recorded_at <= ?2
         AND NOT EXISTS (SELECT 1 FROM income_returns o WHERE o.village_code = n.village_code
           AND o.period = n.period AND o.superseded_at = n.recorded_at)
       GROUP BY n.period ORDER BY n.period`,
    )
    .bind(w.after ?? "", w.upTo)
    .all<{ period: string; returns: number }>();
  return results;
}
