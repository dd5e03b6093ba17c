/**
 * The release calendar: a release is announced provisional, confirmed at least four weeks
 * ahead, moved (with a reason once confirmed) or cancelled with a notice. Every change
 * checks its rules here and writes together with its audit row in one batch, and moves the
 * data version (the calendar is public). Publication itself: due-publication.ts.
 */
import { actorAuditStatement, type Actor } from "../db/audit.ts";
import { touchLastUpdated } from "../db/meta.ts";
import {
  cancelReleaseStatement,
  confirmReleaseStatement,
  findRelease,
  insertNoticeStatement,
  insertReleaseStatement,
  rescheduleReleaseStatements,
  type Release,
} from "../db/releases.ts";
import { RefusedError } from "../lib/refused.ts";

export type { Actor };

/** A confirmed date is announced at least four weeks ahead. */
export const CONFIRM_NOTICE_MS = 28 * 86_400_000;

/** The reason kept for a provisional date moved without one. */
export const PROVISIONAL_MOVE = "暂定日期调整";

/** The release `id`; RefusedError 404 when there is none. */
export async function releaseOr404(db: D1Database, id: number): Promise<Release> {
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

/** A new provisional release; its id. */
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
    insertReleaseStatement(db, { ...input, created_at: now }),
    actorAuditStatement(db, actor, now, {
      action: "release.create",
      entity: "releases",
      ids: [],
      after: input,
    }),
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
    confirmReleaseStatement(db, id, now),
    actorAuditStatement(db, actor, now, {
      action: "release.confirm",
      entity: "releases",
      ids: [id],
      before: { status: release.status },
      after: { status: "confirmed" },
    }),
    touchLastUpdated(db, now),
  ]);
}

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
    ...rescheduleReleaseStatements(db, {
      release_id: id,
      old_at: release.scheduled_at,
      new_at: input.scheduled_at,
      reason: recorded,
      changed_at: now,
      changed_by: actor.id,
    }),
    actorAuditStatement(db, actor, now, {
      action: "release.reschedule",
      entity: "releases",
      ids: [id],
      before: { scheduled_at: release.scheduled_at },
      after: { scheduled_at: input.scheduled_at, reason: recorded },
    }),
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
    cancelReleaseStatement(db, id, now),
    insertNoticeStatement(db, {
      release_id: id,
      bulletin_id: null,
      kind: "cancellation",
      body: input.notice,
      reason: input.reason,
      issued_at: now,
      issued_by: actor.id,
    }),
    actorAuditStatement(db, actor, now, {
      action: "release.cancel",
      entity: "releases",
      ids: [id],
      before: { status: release.status },
      after: { status: "cancelled", ...input },
    }),
    touchLastUpdated(db, now),
  ]);
}
