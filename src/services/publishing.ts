/**
 * The release calendar and bulletins: every state change checks its rules here and
 * writes together with its audit row in one batch. publishDue is what the Cron Trigger
 * runs: confirmed releases whose time has come are published (frozen as of their
 * announced time), then bulletins scheduled for them.
 */
import { auditStatement } from "../db/audit.ts";
import { findBulletin, findDueBulletins, type Bulletin } from "../db/bulletins.ts";
import { touchLastUpdated } from "../db/meta.ts";
import { findRegion } from "../db/regions.ts";
import {
  findDueReleases,
  findRelease,
  insertNoticeStatement,
  type Release,
} from "../db/releases.ts";
import { RefusedError } from "../lib/refused.ts";
import { computeReminders } from "./bulletin-report.ts";

/** A confirmed date is announced at least four weeks ahead. */
export const CONFIRM_NOTICE_MS = 28 * 86_400_000;

export interface Actor {
  id: number | null;
  ip: string | null;
}

async function releaseOr404(db: D1Database, id: number): Promise<Release> {
  const release = await findRelease(db, id);
  if (!release) throw new RefusedError(404, `No release ${id}.`, `没有编号为 ${id} 的发布。`);
  return release;
}

/** A release that can still be moved or cancelled: neither published nor cancelled. */
async function openReleaseOr409(db: D1Database, id: number, actionZh: string): Promise<Release> {
  const release = await releaseOr404(db, id);
  if (release.status === "published" || release.status === "cancelled") {
    throw new RefusedError(
      409,
      `Release ${id} is ${release.status}.`,
      `已发布或已取消的发布不能${actionZh}。`,
    );
  }
  return release;
}

async function bulletinOr404(db: D1Database, id: number): Promise<Bulletin> {
  const bulletin = await findBulletin(db, id);
  if (!bulletin) throw new RefusedError(404, `No bulletin ${id}.`, `没有编号为 ${id} 的公报。`);
  return bulletin;
}

function audit(
  db: D1Database,
  actor: Actor,
  at: string,
  action: string,
  entity: string,
  ids: (string | number)[],
  before?: unknown,
  after?: unknown,
) {
  return auditStatement(db, {
    at,
    userId: actor.id,
    action,
    entity,
    ids,
    before,
    after,
    ip: actor.ip,
  });
}

/** China date (YYYY-MM-DD) of a moment: problems fall due by calendar day there. */
export function chinaDate(iso: string): string {
  return new Date(Date.parse(iso) + 8 * 3_600_000).toISOString().slice(0, 10);
}

export async function createRelease(
  db: D1Database,
  input: { title: string; period: string; scheduled_at: string },
  actor: Actor,
  now: string,
): Promise<number> {
  if (input.scheduled_at <= now) {
    throw new RefusedError(
      400,
      "The release time must be in the future.",
      "发布时间必须晚于现在。",
    );
  }
  const [inserted] = await db.batch([
    db
      .prepare(
        `INSERT INTO releases (title, period, status, scheduled_at, created_at)
         VALUES (?1, ?2, 'provisional', ?3, ?4) RETURNING id`,
      )
      .bind(input.title, input.period, input.scheduled_at, now),
    audit(db, actor, now, "release.create", "releases", [], undefined, input),
    touchLastUpdated(db, now),
  ]);
  return (inserted?.results[0] as { id: number }).id;
}

export async function confirmRelease(db: D1Database, id: number, actor: Actor, now: string) {
  const release = await releaseOr404(db, id);
  if (release.status !== "provisional") {
    throw new RefusedError(
      409,
      `Release ${id} is ${release.status}.`,
      `该发布当前状态为“${release.status}”，只有暂定的发布可以确认。`,
    );
  }
  if (Date.parse(release.scheduled_at) - Date.parse(now) < CONFIRM_NOTICE_MS) {
    throw new RefusedError(
      400,
      "A confirmed date must be at least four weeks ahead.",
      "确认的发布日期须至少提前四周公布：请先把日期改到四周以后，或保持暂定。",
    );
  }
  await db.batch([
    db
      .prepare("UPDATE releases SET status = 'confirmed', confirmed_at = ?2 WHERE id = ?1")
      .bind(id, now),
    audit(
      db,
      actor,
      now,
      "release.confirm",
      "releases",
      [id],
      { status: release.status },
      { status: "confirmed" },
    ),
    touchLastUpdated(db, now),
  ]);
}

/** The reason kept for a provisional date moved without one. */
export const PROVISIONAL_MOVE = "暂定日期调整";

export async function rescheduleRelease(
  db: D1Database,
  id: number,
  input: { scheduled_at: string; reason: string },
  actor: Actor,
  now: string,
) {
  const release = await openReleaseOr409(db, id, "改期");
  if (input.scheduled_at <= now) {
    throw new RefusedError(
      400,
      "The new time must be in the future.",
      "新的发布时间必须晚于现在。",
    );
  }
  const reason = input.reason.trim();
  if (release.status === "confirmed" && !reason) {
    throw new RefusedError(
      400,
      "Moving a confirmed date needs a reason.",
      "已确认的发布日期改期必须说明原因。",
    );
  }
  // Every move is recorded, so the calendar can be read as it stood at any release; a
  // provisional date may move without a stated reason.
  const recorded = reason || PROVISIONAL_MOVE;
  await db.batch([
    db.prepare("UPDATE releases SET scheduled_at = ?2 WHERE id = ?1").bind(id, input.scheduled_at),
    audit(
      db,
      actor,
      now,
      "release.reschedule",
      "releases",
      [id],
      { scheduled_at: release.scheduled_at },
      { scheduled_at: input.scheduled_at, reason: recorded },
    ),
    db
      .prepare(
        `INSERT INTO release_date_changes (release_id, old_at, new_at, reason, changed_at, changed_by)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6)`,
      )
      .bind(id, release.scheduled_at, input.scheduled_at, recorded, now, actor.id),
    touchLastUpdated(db, now),
  ]);
}

export async function cancelRelease(
  db: D1Database,
  id: number,
  input: { notice: string; reason: string },
  actor: Actor,
  now: string,
) {
  const release = await openReleaseOr409(db, id, "取消");
  await db.batch([
    db
      .prepare("UPDATE releases SET status = 'cancelled', cancelled_at = ?2 WHERE id = ?1")
      .bind(id, now),
    insertNoticeStatement(db, {
      release_id: id,
      bulletin_id: null,
      kind: "cancellation",
      body: input.notice,
      reason: input.reason,
      issued_at: now,
      issued_by: actor.id,
    }),
    audit(
      db,
      actor,
      now,
      "release.cancel",
      "releases",
      [id],
      { status: release.status },
      { status: "cancelled", ...input },
    ),
    touchLastUpdated(db, now),
  ]);
}

/** A correction or notice appended to a release or a published bulletin; never removable. */
export async function addNotice(
  db: D1Database,
  target: { releaseId?: number; bulletinId?: number },
  input: { kind: "correction" | "notice"; body: string; reason: string },
  actor: Actor,
  now: string,
) {
  let releaseId: number;
  let bulletinId: number | null = null;
  if (target.bulletinId !== undefined) {
    const bulletin = await bulletinOr404(db, target.bulletinId);
    if (bulletin.status !== "published") {
      throw new RefusedError(
        409,
        "Only a published bulletin takes corrections.",
        "只有已发布的公报才能追加更正或说明；草稿请直接修改。",
      );
    }
    bulletinId = bulletin.id;
    releaseId = bulletin.release_id;
  } else {
    releaseId = (await releaseOr404(db, target.releaseId as number)).id;
  }
  await db.batch([
    insertNoticeStatement(db, {
      release_id: releaseId,
      bulletin_id: bulletinId,
      ...input,
      issued_at: now,
      issued_by: actor.id,
    }),
    audit(
      db,
      actor,
      now,
      `notice.${input.kind}`,
      "notices",
      [bulletinId ? `bulletin:${bulletinId}` : `release:${releaseId}`],
      undefined,
      input,
    ),
    // Public pages show notices and corrections: the data version moves (page cache).
    touchLastUpdated(db, now),
  ]);
}

export interface BulletinInput {
  release_id: number;
  title: string;
  region_code: string;
  headline_indicators: string[];
  narrative_md: string;
}

async function checkBulletinInput(db: D1Database, input: BulletinInput): Promise<Release> {
  const release = await releaseOr404(db, input.release_id);
  if (release.status === "cancelled") {
    throw new RefusedError(409, "The release is cancelled.", "该发布已取消，不能为它写公报。");
  }
  const region = await findRegion(db, input.region_code);
  if (!region || region.level === "village") {
    throw new RefusedError(
      400,
      "The scope must be an existing region above village level.",
      `范围“${input.region_code}”必须是已有的村级以上地区代码。`,
    );
  }
  return release;
}

export async function createBulletin(
  db: D1Database,
  input: BulletinInput,
  actor: Actor,
  now: string,
): Promise<number> {
  const release = await checkBulletinInput(db, input);
  const [inserted] = await db.batch([
    db
      .prepare(
        `INSERT INTO bulletins (release_id, title, period, region_code, headline_indicators, narrative_md,
           status, created_by, updated_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6, 'draft', ?7, ?8) RETURNING id`,
      )
      .bind(
        input.release_id,
        input.title,
        release.period,
        input.region_code,
        JSON.stringify(input.headline_indicators),
        input.narrative_md,
        actor.id,
        now,
      ),
    audit(db, actor, now, "bulletin.create", "bulletins", [], undefined, input),
  ]);
  return (inserted?.results[0] as { id: number }).id;
}

export async function updateBulletin(
  db: D1Database,
  id: number,
  input: BulletinInput,
  actor: Actor,
  now: string,
) {
  const bulletin = await bulletinOr404(db, id);
  if (bulletin.status !== "draft") {
    throw new RefusedError(
      409,
      "Only a draft can be edited.",
      bulletin.status === "published"
        ? "已发布的公报不能修改，只能追加更正说明。"
        : "已排期的公报须先撤回为草稿才能修改。",
    );
  }
  const release = await checkBulletinInput(db, input);
  const before = {
    title: bulletin.title,
    region_code: bulletin.region_code,
    headline_indicators: JSON.parse(bulletin.headline_indicators),
    narrative_md: bulletin.narrative_md,
    release_id: bulletin.release_id,
  };
  await db.batch([
    db
      .prepare(
        `UPDATE bulletins SET release_id = ?2, title = ?3, period = ?4, region_code = ?5,
           headline_indicators = ?6, narrative_md = ?7, updated_at = ?8 WHERE id = ?1 AND status = 'draft'`,
      )
      .bind(
        id,
        input.release_id,
        input.title,
        release.period,
        input.region_code,
        JSON.stringify(input.headline_indicators),
        input.narrative_md,
        now,
      ),
    audit(db, actor, now, "bulletin.update", "bulletins", [id], before, input),
  ]);
}

/**
 * Schedules a draft for publication: at the release's announced time by default, never
 * before it. When that time has passed (the release is out), it is published at once.
 */
export async function scheduleBulletin(
  db: D1Database,
  id: number,
  publishAt: string | null,
  actor: Actor,
  now: string,
) {
  const bulletin = await bulletinOr404(db, id);
  if (bulletin.status !== "draft") {
    throw new RefusedError(409, `Bulletin ${id} is ${bulletin.status}.`, "只有草稿可以排期发布。");
  }
  const release = await releaseOr404(db, bulletin.release_id);
  if (release.status === "cancelled")
    throw new RefusedError(409, "The release is cancelled.", "该发布已取消。");
  const at = publishAt ?? (release.status === "published" ? now : release.scheduled_at);
  if (at < release.scheduled_at) {
    throw new RefusedError(
      400,
      "A bulletin cannot be published before its release.",
      "公报不能早于其所属发布的公布时间发布。",
    );
  }
  await db.batch([
    db
      .prepare(
        "UPDATE bulletins SET status = 'scheduled', publish_at = ?2, updated_at = ?3 WHERE id = ?1",
      )
      .bind(id, at, now),
    audit(
      db,
      actor,
      now,
      "bulletin.schedule",
      "bulletins",
      [id],
      { status: "draft" },
      { status: "scheduled", publish_at: at },
    ),
  ]);
  if (at <= now) await publishDue(db, now);
}

export async function unscheduleBulletin(db: D1Database, id: number, actor: Actor, now: string) {
  const bulletin = await bulletinOr404(db, id);
  if (bulletin.status !== "scheduled") {
    throw new RefusedError(
      409,
      `Bulletin ${id} is ${bulletin.status}.`,
      "只有已排期、尚未发布的公报可以撤回。",
    );
  }
  await db.batch([
    db
      .prepare(
        "UPDATE bulletins SET status = 'draft', publish_at = NULL, updated_at = ?2 WHERE id = ?1",
      )
      .bind(id, now),
    audit(
      db,
      actor,
      now,
      "bulletin.unschedule",
      "bulletins",
      [id],
      { status: "scheduled", publish_at: bulletin.publish_at },
      { status: "draft" },
    ),
  ]);
}

/** Publishes a draft now; only once its release is out. */
export async function publishBulletinNow(db: D1Database, id: number, actor: Actor, now: string) {
  const bulletin = await bulletinOr404(db, id);
  const release = await releaseOr404(db, bulletin.release_id);
  if (release.status !== "published") {
    throw new RefusedError(
      409,
      "The release is not published yet.",
      `所属发布尚未公布（定于 ${release.scheduled_at}），公报不能提前发布：请排期。`,
    );
  }
  await scheduleBulletin(db, id, now, actor, now);
}

/** The Cron Trigger's work: publish what is due. Returns what it published. */
export async function publishDue(
  db: D1Database,
  now: string,
): Promise<{ releases: number[]; bulletins: number[] }> {
  const cron: Actor = { id: null, ip: null };
  const releases = await findDueReleases(db, now);
  if (releases.length > 0) {
    await db.batch([
      ...releases.flatMap((r) => [
        // Frozen as of the announced time, whenever the trigger ran after it.
        db
          .prepare(
            "UPDATE releases SET status = 'published', published_at = scheduled_at WHERE id = ?1 AND status = 'confirmed'",
          )
          .bind(r.id),
        audit(
          db,
          cron,
          now,
          "release.publish",
          "releases",
          [r.id],
          { status: "confirmed" },
          { status: "published", published_at: r.scheduled_at },
        ),
      ]),
      touchLastUpdated(db, now),
    ]);
  }
  const bulletins = await findDueBulletins(db, now);
  for (const b of bulletins) {
    const release = await releaseOr404(db, b.release_id);
    const reminders = await computeReminders(
      db,
      b.region_code,
      b.period,
      release.published_at,
      chinaDate(b.publish_at ?? now),
    );
    await db.batch([
      db
        .prepare(
          `UPDATE bulletins SET status = 'published', published_at = publish_at, reminders_json = ?2, updated_at = ?3
           WHERE id = ?1 AND status = 'scheduled'`,
        )
        .bind(b.id, JSON.stringify(reminders), now),
      audit(
        db,
        cron,
        now,
        "bulletin.publish",
        "bulletins",
        [b.id],
        { status: "scheduled" },
        { status: "published", published_at: b.publish_at },
      ),
      // A bulletin appears on public pages: the data version moves (page cache).
      touchLastUpdated(db, now),
    ]);
  }
  return { releases: releases.map((r) => r.id), bulletins: bulletins.map((b) => b.id) };
}
