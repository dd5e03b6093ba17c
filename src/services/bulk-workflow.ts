/**
 * The Workflow that writes a published release's bulk files: every dataset as a gzipped
 * CSV in R2 (src/services/bulk-writer.ts), then the data package beside them, then marks
 * the build done and starts the next (src/services/bulk-schedule.ts).
 *
 * Each step is its own invocation and keeps to the platform's limits: at most
 * BULK_LIMITS.stepRows / pageRows + 1 D1 queries (101, the last one the build's progress;
 * the limit is 1,000), results of one
 * keyset page (about 0.5 MB; the limit is 50 MB), a few R2 calls, and a few seconds of CPU.
 * Step results are the small BulkFileState (well under the 1 MiB a step may return).
 */
import { WorkflowEntrypoint, type WorkflowEvent, type WorkflowStep } from "cloudflare:workers";
import { recordBuildFinished, recordBuildProgress } from "../db/bulk-files.ts";
import { bulkDataPackage } from "../lib/datapackage.ts";
import { DATASETS } from "../lib/datasets.ts";
import { startBulkBuild, type BulkBuildParams } from "./bulk-schedule.ts";
import { configuredDeadlineDay } from "./reporting-deadline.ts";
import {
  bulkPackageKey,
  finishBulkFile,
  newBulkFile,
  writeBulkChunk,
  type BulkFileState,
} from "./bulk-writer.ts";

/** Each step is retried with backoff: D1 and R2 errors are usually passing. */
const STEP = {
  retries: { limit: 5, delay: "10 seconds", backoff: "exponential" },
  timeout: "10 minutes",
} as const;

export class BulkBuildWorkflow extends WorkflowEntrypoint<Env, BulkBuildParams> {
  async run(event: Readonly<WorkflowEvent<BulkBuildParams>>, step: WorkflowStep) {
    const { release, asOf } = event.payload;
    const files = new Map<string, { bytes: number; rows: number }>();
    for (const def of DATASETS) {
      let state: BulkFileState = newBulkFile(
        release,
        def.name,
        asOf,
        event.instanceId,
        configuredDeadlineDay(),
      );
      while (!state.done) {
        const current = state;
        state = await step.do(`${def.name} chunk ${current.steps + 1}`, STEP, async () => {
          const next = await writeBulkChunk(this.env, current);
          await recordBuildProgress(this.env.DB, event.instanceId, new Date().toISOString());
          return next;
        });
      }
      const done = state;
      const file = await step.do(`${def.name} finish`, STEP, () => finishBulkFile(this.env, done));
      files.set(def.name, { bytes: file.bytes, rows: file.rows });
    }
    await step.do("data package", STEP, async () => {
      const json = JSON.stringify(bulkDataPackage(release, asOf, files), null, 2);
      await this.env.BULK.put(bulkPackageKey(release), json, {
        httpMetadata: { contentType: "application/json; charset=utf-8" },
        customMetadata: { build: event.instanceId, asOf },
      });
    });
    return step.do("done", STEP, async () => {
      const now = new Date();
      await recordBuildFinished(this.env.DB, event.instanceId, now.toISOString());
      const next = await startBulkBuild(this.env.DB, this.env.BULK_BUILD, now);
      return { release, files: files.size, next };
    });
  }
}
