/** The release calendar: releases, their moved dates, and notices (never edited or deleted). */

export const RELEASE_STATUSES = ["provisional", "confirmed", "published", "cancelled"] as const;
export type ReleaseStatus = (typeof RELEASE_STATUSES)[number];

export interface Release {
  id: number;
  title: string;
  period: string;
  status: ReleaseStatus;
  scheduled_at: string;
  confirmed_at: string | null;
  published_at: string | null;
  cancelled_at: string | null;
  created_at: string;
}

export interface DateChange {
  id: number;
  release_id: number;
  old_at: string;
  new_at: string;
  reason: string;
  changed_at: string;
}

export interface Notice {
  id: number;
  release_id: number | null;
  bulletin_id: number | null;
  kind: "correction" | "notice" | "cancellation" | "date_change";
  body: string;
  reason: string;
  issued_at: string;
}

const COLUMNS =
  "id, title, period, status, scheduled_at, confirmed_at, published_at, cancelled_at, created_at";

export async function listReleases(db: D1Database): Promise<Release[]> {
  const { results } = await db
    .prepare(`SELECT ${COLUMNS} FROM releases ORDER BY scheduled_at, id`)
    .all<Release>();
  return results;
}

export async function findRelease(db: D1Database, id: number): Promise<Release | null> {
  return db.prepare(`SELECT ${COLUMNS} FROM releases WHERE id = ?1`).bind(id).first<Release>();
}

/** The published release of a period (the latest if several). */
export async function findPublishedRelease(db: D1Database, period: string) {
  return db
    .prepare(
      `SELECT ${COLUMNS} FROM releases WHERE period = ?1 AND status = 'published'
       ORDER BY published_at DESC LIMIT 1`,
    )
    .bind(period)
    .first<Release>();
}

export async function listDateChanges(db: D1Database): Promise<DateChange[]> {
  const { results } = await db
    .prepare(
      "SELECT id, release_id, old_at, new_at, reason, changed_at FROM release_date_changes ORDER BY id",
    )
    .all<DateChange>();
  return results;
}

export async function listNotices(
  db: D1Database,
  by: { releaseId?: number; bulletinId?: number } = {},
): Promise<Notice[]> {
  const where =
    by.bulletinId !== undefined
      ? "bulletin_id = ?1"
      : by.releaseId !== undefined
        ? "release_id = ?1"
        : "1 = 1";
  const { results } = await db
    .prepare(
      `SELECT id, release_id, bulletin_id, kind, body, reason, issued_at FROM notices
       WHERE ${where} ORDER BY issued_at, id`,
    )
    .bind(
      ...(by.bulletinId !== undefined
        ? [by.bulletinId]
        : by.releaseId !== undefined
          ? [by.releaseId]
          : []),
    )
    .all<Notice>();
  return results;
}

export function insertNoticeStatement(
  db: D1Database,
  n: Omit<Notice, "id"> & { issued_by: number | null },
): D1PreparedStatement {
  return db
    .prepare(
      `INSERT INTO notices (release_id, bulletin_id, kind, body, reason, issued_at, issued_by)
       VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)`,
    )
    .bind(n.release_id, n.bulletin_id, n.kind, n.body, n.reason, n.issued_at, n.issued_by);
}

/** Confirmed releases whose announced time has come. */
export async function findDueReleases(db: D1Database, now: string): Promise<Release[]> {
  const { results } = await db
    .prepare(
      `SELECT ${COLUMNS} FROM releases WHERE status = 'confirmed' AND scheduled_at <= ?1
       ORDER BY scheduled_at`,
    )
    .bind(now)
    .all<Release>();
  return results;
}

/** The writes of the release calendar: statements for a batch with their audit rows. */
export function insertReleaseStatement(
  db: D1Database,
  r: Pick<Release, "title" | "period" | "scheduled_at" | "created_at">,
): D1PreparedStatement {
  return db
    .prepare(
      `INSERT INTO releases (title, period, status, scheduled_at, created_at)
       VALUES (?1, ?2, 'provisional', ?3, ?4) RETURNING id`,
    )
    .bind(r.title, r.period, r.scheduled_at, r.created_at);
}

export function confirmReleaseStatement(db: D1Database, id: number, at: string) {
  return db
    .prepare("UPDATE releases SET status = 'confirmed', confirmed_at = ?2 WHERE id = ?1")
    .bind(id, at);
}

/** A release moved to `change.new_at`, with the move recorded (the calendar's history). */
export function rescheduleReleaseStatements(
  db: D1Database,
  change: Omit<DateChange, "id"> & { changed_by: number | null },
): D1PreparedStatement[] {
  return [
    db
      .prepare("UPDATE releases SET scheduled_at = ?2 WHERE id = ?1")
      .bind(change.release_id, change.new_at),
    db
      .prepare(
        `INSERT INTO release_date_changes (release_id, old_at, new_at, reason, changed_at, changed_by)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6)`,
      )
      .bind(
        change.release_id,
        change.old_at,
        change.new_at,
        change.reason,
        change.changed_at,
        change.changed_by,
      ),
  ];
}

export function cancelReleaseStatement(db: D1Database, id: number, at: string) {
  return db
    .prepare("UPDATE releases SET status = 'cancelled', cancelled_at = ?2 WHERE id = ?1")
    .bind(id, at);
}

/** A confirmed release published, frozen as of its announced time (whenever this runs). */
export function publishReleaseStatement(db: D1Database, id: number) {
  return db
    .prepare(
      "UPDATE releases SET status = 'published', published_at = scheduled_at WHERE id = ?1 AND status = 'confirmed'",
    )
    .bind(id);
}
