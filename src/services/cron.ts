/**
 * The Cron Trigger's work (every 5 minutes, wrangler.toml): publish the releases and
 * bulletins whose time has come, measure the new releases' downloads, and delete old
 * sign-in attempts and dead sessions (a bounded number per run).
 */
import { pruneSignInRecords } from "./accounts.ts";
import { publishDue } from "./publishing.ts";
import { measureReleaseExports } from "./release-exports.ts";

export function cronTasks(db: D1Database, now: Date): Promise<unknown>[] {
  return [
    publishDue(db, now.toISOString()).then(({ releases }) => measureReleaseExports(db, releases)),
    pruneSignInRecords(db, now),
  ];
}
