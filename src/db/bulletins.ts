/** Bulletins (月度进度表 with its 提醒函): drafts, scheduled and published ones. */

export const BULLETIN_STATUSES = ["draft", "scheduled", "published"] as const;
export type BulletinStatus = (typeof BULLETIN_STATUSES)[number];

export interface Bulletin {
  id: number;
  release_id: number;
  title: string;
  period: string;
  region_code: string;
  headline_indicators: string;
  narrative_md: string;
  status: BulletinStatus;
  publish_at: string | null;
  published_at: string | null;
  reminders_json: string | null;
  updated_at: string;
}

const COLUMNS = `b.id, b.release_id, b.title, b.period, b.region_code, b.headline_indicators,
  b.narrative_md, b.status, b.publish_at, b.published_at, b.reminders_json, b.updated_at`;

export async function findBulletin(db: D1Database, id: number): Promise<Bulletin | null> {
  return db
    .prepare(`SELECT ${COLUMNS} FROM bulletins b WHERE b.id = ?1`)
    .bind(id)
    .first<Bulletin>();
}

/** Published bulletins whose publication time has passed, newest first. */
/**
 * Published bulletins, newest first, with the time of the latest correction issued by
 * `now` to the bulletin itself or to its whole release (null when none).
 */
export async function listPublishedBulletins(
  db: D1Database,
  now: string,
  limit = 100,
): Promise<(Bulletin & { region_name: string; corrected_at: string | null })[]> {
  const { results } = await db
    .prepare(
      `SELECT ${COLUMNS}, r.name AS region_name,
         (SELECT max(n.issued_at) FROM notices n
          WHERE n.kind = 'correction' AND n.issued_at <= ?1
            AND (n.bulletin_id = b.id OR (n.bulletin_id IS NULL AND n.release_id = b.release_id))
         ) AS corrected_at
       FROM bulletins b JOIN regions r ON r.code = b.region_code
       WHERE b.status = 'published' AND b.published_at <= ?1
       ORDER BY b.published_at DESC, b.id DESC LIMIT ?2`,
    )
    .bind(now, limit)
    .all<Bulletin & { region_name: string; corrected_at: string | null }>();
  return results;
}

export async function listAllBulletins(
  db: D1Database,
): Promise<(Bulletin & { region_name: string })[]> {
  const { results } = await db
    .prepare(
      `SELECT ${COLUMNS}, r.name AS region_name FROM bulletins b JOIN regions r ON r.code = b.region_code
       ORDER BY b.id DESC LIMIT 200`,
    )
    .all<Bulletin & { region_name: string }>();
  return results;
}

/** Scheduled bulletins due at `now` whose release is already published. */
export async function findDueBulletins(db: D1Database, now: string): Promise<Bulletin[]> {
  const { results } = await db
    .prepare(
      `SELECT ${COLUMNS} FROM bulletins b JOIN releases r ON r.id = b.release_id
       WHERE b.status = 'scheduled' AND b.publish_at <= ?1 AND r.status = 'published'
       ORDER BY b.publish_at`,
    )
    .bind(now)
    .all<Bulletin>();
  return results;
}

/** The published bulletins of one release, for its page. */
export async function listReleaseBulletins(
  db: D1Database,
  releaseId: number,
  now: string,
): Promise<(Bulletin & { region_name: string })[]> {
  const { results } = await db
    .prepare(
      `SELECT ${COLUMNS}, r.name AS region_name FROM bulletins b JOIN regions r ON r.code = b.region_code
       WHERE b.release_id = ?1 AND b.status = 'published' AND b.published_at <= ?2 ORDER BY b.id`,
    )
    .bind(releaseId, now)
    .all<Bulletin & { region_name: string }>();
  return results;
}

/** What an editor writes in a bulletin; `headline_indicators` as keys, stored as JSON. */
export interface BulletinContent {
  release_id: number;
  title: string;
  period: string;
  region_code: string;
  headline_indicators: string[];
  narrative_md: string;
}

export function insertBulletinStatement(
  db: D1Database,
  b: BulletinContent,
  createdBy: number | null,
  at: string,
): D1PreparedStatement {
  return db
    .prepare(
      `INSERT INTO bulletins (release_id, title, period, region_code, headline_indicators, narrative_md,
         status, created_by, updated_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6, 'draft', ?7, ?8) RETURNING id`,
    )
    .bind(
      b.release_id,
      b.title,
      b.period,
      b.region_code,
      JSON.stringify(b.headline_indicators),
      b.narrative_md,
      createdBy,
      at,
    );
}

/** A draft's content replaced (a bulletin no longer a draft is left as it is). */
export function updateDraftBulletinStatement(
  db: D1Database,
  id: number,
  b: BulletinContent,
  at: string,
): D1PreparedStatement {
  return db
    .prepare(
      `UPDATE bulletins SET release_id = ?2, title = ?3, period = ?4, region_code = ?5,
         headline_indicators = ?6, narrative_md = ?7, updated_at = ?8 WHERE id = ?1 AND status = 'draft'`,
    )
    .bind(
      id,
      b.release_id,
      b.title,
      b.period,
      b.region_code,
      JSON.stringify(b.headline_indicators),
      b.narrative_md,
      at,
    );
}

export function scheduleBulletinStatement(
  db: D1Database,
  id: number,
  publishAt: string,
  at: string,
) {
  return db
    .prepare(
      "UPDATE bulletins SET status = 'scheduled', publish_at = ?2, updated_at = ?3 WHERE id = ?1",
    )
    .bind(id, publishAt, at);
}

export function unscheduleBulletinStatement(db: D1Database, id: number, at: string) {
  return db
    .prepare(
      "UPDATE bulletins SET status = 'draft', publish_at = NULL, updated_at = ?2 WHERE id = ?1",
    )
    .bind(id, at);
}

/** A scheduled bulletin published as of its publication time, with its 提醒函 kept. */
export function publishBulletinStatement(
  db: D1Database,
  id: number,
  remindersJson: string,
  at: string,
) {
  return db
    .prepare(
      `UPDATE bulletins SET status = 'published', published_at = publish_at, reminders_json = ?2, updated_at = ?3
       WHERE id = ?1 AND status = 'scheduled'`,
    )
    .bind(id, remindersJson, at);
}
