/**
 * The Cron Trigger's work (every 5 minutes, wrangler.toml): publish the releases and
 * bulletins whose time has come, measure the new releases' downloads, and delete old
 * sign-in attempts, dead sessions and export sizes not measured for 30 days (a bounded
 * number per run).
 */
import { pruneExportSizes } from "../db/export-sizes.ts";
import { pruneSignInRecords } from "./accounts.ts";
import { publishDue } from "./publishing.ts";
import { measureReleaseExports } from "./release-exports.ts";

const DAY_MS = 86_400_000;
/** How long a measured export size is kept. */
export const EXPORT_SIZE_DAYS = 30;

export function cronTasks(db: D1Database, now: Date): Promise<unknown>[] {
  return [
    publishDue(db, now.toISOString()).then(({ releases }) => measureReleaseExports(db, releases)),
    pruneSignInRecords(db, now),
    pruneExportSizes(db, new Date(now.getTime() - EXPORT_SIZE_DAYS * DAY_MS).toISOString(), 1000),
  ];
}
