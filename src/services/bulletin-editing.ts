/**
 * Bulletins and notices: an editor drafts a bulletin for a release, schedules it (never
 * before its release is out), withdraws it to a draft, and appends corrections or notices
 * once it is published (they are never removed). Every change checks its rules here and
 * writes together with its audit row in one batch.
 */
import { actorAuditStatement, type Actor } from "../db/audit.ts";
import {
  findBulletin,
  insertBulletinStatement,
  scheduleBulletinStatement,
  unscheduleBulletinStatement,
  updateDraftBulletinStatement,
  type Bulletin,
} from "../db/bulletins.ts";
import { touchLastUpdated } from "../db/meta.ts";
import { findRegion } from "../db/regions.ts";
import { insertNoticeStatement, type Release } from "../db/releases.ts";
import { RefusedError } from "../lib/refused.ts";
import { publishDue } from "./due-publication.ts";
import { releaseOr404 } from "./release-calendar.ts";

export interface BulletinInput {
  release_id: number;
  title: string;
  region_code: string;
  headline_indicators: string[];
  narrative_md: string;
}

async function bulletinOr404(db: D1Database, id: number): Promise<Bulletin> {
  const bulletin = await findBulletin(db, id);
  if (!bulletin) throw new RefusedError(404, `No bulletin ${id}.`, `没有编号为 ${id} 的公报。`);
  return bulletin;
}

/** The release a bulletin is written for, after checking it and the bulletin's scope. */
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

/** A new draft; its id. */
export async function createBulletin(
  db: D1Database,
  input: BulletinInput,
  actor: Actor,
  now: string,
): Promise<number> {
  const release = await checkBulletinInput(db, input);
  const [inserted] = await db.batch([
    insertBulletinStatement(db, { ...input, period: release.period }, actor.id, now),
    actorAuditStatement(db, actor, now, {
      action: "bulletin.create",
      entity: "bulletins",
      ids: [],
      after: input,
    }),
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
    updateDraftBulletinStatement(db, id, { ...input, period: release.period }, now),
    actorAuditStatement(db, actor, now, {
      action: "bulletin.update",
      entity: "bulletins",
      ids: [id],
      before,
      after: input,
    }),
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
    scheduleBulletinStatement(db, id, at, now),
    actorAuditStatement(db, actor, now, {
      action: "bulletin.schedule",
      entity: "bulletins",
      ids: [id],
      before: { status: "draft" },
      after: { status: "scheduled", publish_at: at },
    }),
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
    unscheduleBulletinStatement(db, id, now),
    actorAuditStatement(db, actor, now, {
      action: "bulletin.unschedule",
      entity: "bulletins",
      ids: [id],
      before: { status: "scheduled", publish_at: bulletin.publish_at },
      after: { status: "draft" },
    }),
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
    actorAuditStatement(db, actor, now, {
      action: `notice.${input.kind}`,
      entity: "notices",
      ids: [bulletinId ? `bulletin:${bulletinId}` : `release:${releaseId}`],
      after: input,
    }),
    // Public pages show notices and corrections: the data version moves (page cache).
    touchLastUpdated(db, now),
  ]);
}
