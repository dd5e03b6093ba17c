/**
 * What the sitemap lists: every region (in code order, a page of them at a time), every
 * published bulletin and every published release, with when each last changed.
 */

/** How many regions there are. */
export async function countRegions(db: D1Database): Promise<number> {
  const row = await db.prepare("SELECT count(*) AS n FROM regions").first<{ n: number }>();
  return row?.n ?? 0;
}

/** The codes of `limit` regions from the `offset`-th on, in code order (the primary key). */
export async function regionCodesPage(
  db: D1Database,
  offset: number,
  limit: number,
): Promise<string[]> {
  const { results } = await db
    .prepare("SELECT code FROM regions ORDER BY code LIMIT ?1 OFFSET ?2")
    .bind(limit, offset)
    .all<{ code: string }>();
  return results.map((r) => r.code);
}

/** Published bulletins (at `now`, ISO), newest first: id and when published. */
export async function publishedBulletinDates(
  db: D1Database,
  now: string,
): Promise<{ id: number; published_at: string }[]> {
  const { results } = await db
    .prepare(
      `SELECT id, published_at FROM bulletins
       WHERE status = 'published' AND published_at <= ?1 ORDER BY published_at DESC, id DESC`,
    )
    .bind(now)
    .all<{ id: number; published_at: string }>();
  return results;
}

/** Published releases, newest first: their period and when published. */
export async function publishedReleaseDates(
  db: D1Database,
): Promise<{ period: string; published_at: string }[]> {
  const { results } = await db
    .prepare(
      `SELECT period, published_at FROM releases WHERE status = 'published'
       ORDER BY published_at DESC`,
    )
    .all<{ period: string; published_at: string }>();
  return results;
}
