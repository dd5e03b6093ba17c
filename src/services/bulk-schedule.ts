/**
 * Starts the builds of bulk files (src/services/bulk-workflow.ts): one at a time, newest
 * published release first. Called by the Cron Trigger after it publishes (so a new release
 * gets its files within minutes) and by each build as it ends (so the releases published
 * before bulk files existed are built one after another, without a queue).
 */
import { findRunningBuild, findUnbuiltRelease, recordBuildStarted } from "../db/bulk-files.ts";

/** What a build is given: the release (its period) and the moment its data was frozen. */
export interface BulkBuildParams {
  release: string;
  asOf: string;
}

/** Instance states after which an instance does no more work. */
const ENDED = new Set(["errored", "terminated", "complete", "unknown"]);

/**
 * How long a build may go without finishing a step before it is given up: a step takes
 * seconds, and its retries (src/services/bulk-workflow.ts) about five minutes at most.
 */
export const STALLED_MS = 15 * 60_000;

/**
 * Whether the instance `id` is still at work: not ended, and a step finished within
 * STALLED_MS. A stalled instance is terminated (an instance of a local server that was
 * stopped says "running" for ever), so that it cannot wake up beside its successor.
 */
async function isAtWork(
  workflow: Workflow<BulkBuildParams>,
  id: string,
  progressAt: string,
  now: Date,
): Promise<boolean> {
  let instance: WorkflowInstance;
  try {
    instance = await workflow.get(id);
    if (ENDED.has((await instance.status()).status)) return false;
  } catch {
    // No such instance (its state was lost): nothing is at work.
    return false;
  }
  if (now.getTime() - Date.parse(progressAt) < STALLED_MS) return true;
  console.warn("A bulk-file build stalled; starting it again", { id, progressAt });
  await instance.terminate().catch(() => {});
  return false;
}

/**
 * Starts the build of the newest published release without files, unless a build is at
 * work. Returns the new instance's id, or null when nothing was started. Two D1 queries
 * (three when it starts one) and at most three Workflow calls.
 */
export async function startBulkBuild(
  db: D1Database,
  workflow: Workflow<BulkBuildParams>,
  now: Date,
): Promise<string | null> {
  const running = await findRunningBuild(db);
  if (running && (await isAtWork(workflow, running.instance_id, running.progress_at, now))) {
    return null;
  }
  const next = await findUnbuiltRelease(db);
  if (!next) return null;
  // A new id each time: a failed build's instance keeps its id (and its history).
  const id = `bulk-${next.release}-${now.getTime().toString(36)}`;
  await workflow.create({ id, params: { release: next.release, asOf: next.as_of } });
  await recordBuildStarted(db, {
    release: next.release,
    as_of: next.as_of,
    instance_id: id,
    started_at: now.toISOString(),
  });
  return id;
}
