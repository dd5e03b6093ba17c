/**
 * The Cron Trigger's work (every 5 minutes, wrangler.toml): publish the releases and
 * bulletins whose time has come, start the build of the bulk files of the newest release
 * without them (src/services/bulk-schedule.ts; one build at a time, each starts the next),
 * compute the provinces' activity summaries that writes have dropped (src/db/activity.ts),
 * write the national league tables of a new data version (src/services/league-files.ts),
 * and delete old sign-in attempts, dead sessions and export sizes not measured for 30 days
 * (a bounded number per run).
 */
import { refreshActivitySummaries } from "../db/activity.ts";
import { pruneExportSizes } from "../db/export-sizes.ts";
import { readDatasetMeta } from "../db/meta.ts";
import { dataDate } from "../lib/activity.ts";
import { pruneSignInRecords } from "./accounts.ts";
import { startBulkBuild } from "./bulk-schedule.ts";
import { writeLeagueFiles } from "./league-files.ts";
import { publishDue } from "./due-publication.ts";

const DAY_MS = 86_400_000;
/** How long a measured export size is kept. */
export const EXPORT_SIZE_DAYS = 30;

/** One promise per task; a task's failure is its own (logged), never the others'. */
export function cronTasks(
  env: Pick<Env, "DB" | "BULK" | "BULK_BUILD">,
  now: Date,
): Promise<unknown>[] {
  const db = env.DB;
  return [
    publishDue(db, now.toISOString())
      .then(() => startBulkBuild(db, env.BULK_BUILD, now))
      .catch((error: unknown) => console.error("Could not start a bulk-file build", error)),
    readDatasetMeta(db)
      .then((meta) =>
        refreshActivitySummaries(
          db,
          dataDate(meta.latestPeriod, meta.lastUpdated),
          now.toISOString(),
        ),
      )
      .catch((error: unknown) => console.error("Could not keep the activity summaries", error)),
    writeLeagueFiles(db, env.BULK).catch((error: unknown) =>
      console.error("Could not write the national league tables", error),
    ),
    pruneSignInRecords(db, now),
    pruneExportSizes(db, new Date(now.getTime() - EXPORT_SIZE_DAYS * DAY_MS).toISOString(), 1000),
  ];
}
