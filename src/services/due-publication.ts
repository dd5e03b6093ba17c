/**
 * What the Cron Trigger publishes: confirmed releases whose announced time has come
 * (frozen as of that time, whenever the trigger ran after it), then the bulletins
 * scheduled for them, each with its 提醒函 computed from the release's data and kept.
 */
import { actorAuditStatement, type Actor } from "../db/audit.ts";
import { findDueBulletins, publishBulletinStatement } from "../db/bulletins.ts";
import { touchLastUpdated } from "../db/meta.ts";
import { findDueReleases, publishReleaseStatement } from "../db/releases.ts";
import { chinaDate } from "../lib/china-time.ts";
import { computeReminders } from "./bulletin-report.ts";
import { releaseOr404 } from "./release-calendar.ts";

const CRON: Actor = { id: null, ip: null };

/** Publishes what is due at `now`. Returns the ids it published. */
export async function publishDue(
  db: D1Database,
  now: string,
): Promise<{ releases: number[]; bulletins: number[] }> {
  const releases = await findDueReleases(db, now);
  if (releases.length > 0) {
    await db.batch([
      ...releases.flatMap((r) => [
        publishReleaseStatement(db, r.id),
        actorAuditStatement(db, CRON, now, {
          action: "release.publish",
          entity: "releases",
          ids: [r.id],
          before: { status: "confirmed" },
          after: { status: "published", published_at: r.scheduled_at },
        }),
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
      publishBulletinStatement(db, b.id, JSON.stringify(reminders), now),
      actorAuditStatement(db, CRON, now, {
        action: "bulletin.publish",
        entity: "bulletins",
        ids: [b.id],
        before: { status: "scheduled" },
        after: { status: "published", published_at: b.publish_at },
      }),
      // A bulletin appears on public pages: the data version moves (page cache).
      touchLastUpdated(db, now),
    ]);
  }
  return { releases: releases.map((r) => r.id), bulletins: bulletins.map((b) => b.id) };
}
