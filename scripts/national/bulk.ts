/**
 * The bulk files of the newest release on a national database, for bench:national: the
 * Cron Trigger starts the Workflow (src/services/bulk-workflow.ts), and this follows its
 * progress in the database's bulk_builds and bulk_files until the release is built.
 */
import { rmSync } from "node:fs";
import { join } from "node:path";
import { DatabaseSync } from "node:sqlite";
import { d1File } from "../../tests/support/sample-db.ts";
import { runCron } from "../serve-build.ts";

export interface BulkFileTiming {
  dataset: string;
  rows: number;
  bytes: number;
  seconds: number;
}

export interface BulkRelease {
  release: string;
  seconds: number;
  files: BulkFileTiming[];
  /** The returns of the release counted in SQL, to check the village-income file's rows. */
  returnsAsOf: number;
}

/** Forgets earlier builds (rows and R2 objects), so that a run times a whole build. */
export function forgetBulkFiles(persistTo: string): void {
  const db = new DatabaseSync(d1File(persistTo));
  db.exec("DELETE FROM bulk_files; DELETE FROM bulk_builds;");
  db.close();
  rmSync(join(persistTo, "v3", "r2"), { recursive: true, force: true });
}

function read<T>(persistTo: string, sql: string, ...params: string[]): T[] {
  // The server writes the same file: a busy read is tried again.
  for (let attempt = 0; ; attempt++) {
    try {
      const db = new DatabaseSync(d1File(persistTo), { readOnly: true, timeout: 5_000 });
      try {
        return db.prepare(sql).all(...params) as T[];
      } finally {
        db.close();
      }
    } catch (error) {
      if (attempt >= 5) throw error;
    }
  }
}

/** Starts the build of the newest release's files and waits for it (at most `timeoutMs`). */
export async function buildNewestRelease(
  base: string,
  persistTo: string,
  timeoutMs: number,
): Promise<BulkRelease> {
  const started = Date.now();
  await runCron(base);
  for (;;) {
    const builds = read<{ release: string; status: string; as_of: string; started_at: string }>(
      persistTo,
      "SELECT release, status, as_of, started_at FROM bulk_builds ORDER BY release DESC LIMIT 1",
    );
    const build = builds[0];
    if (build?.status === "built") {
      const files = read<{ dataset: string; rows: number; bytes: number; built_at: string }>(
        persistTo,
        "SELECT dataset, rows, bytes, built_at FROM bulk_files WHERE release = ? ORDER BY built_at",
        build.release,
      );
      let previous = Date.parse(build.started_at);
      const timings = files.map((f) => {
        const at = Date.parse(f.built_at);
        const seconds = (at - previous) / 1000;
        previous = at;
        return { dataset: f.dataset, rows: f.rows, bytes: f.bytes, seconds };
      });
      const [{ n }] = read<{ n: number }>(
        persistTo,
        `SELECT count(*) AS n FROM income_returns
         WHERE recorded_at <= ?1 AND (superseded_at IS NULL OR superseded_at > ?1)`,
        build.as_of,
      ) as [{ n: number }];
      return {
        release: build.release,
        seconds: (Date.now() - started) / 1000,
        files: timings,
        returnsAsOf: n,
      };
    }
    if (Date.now() - started > timeoutMs) {
      throw new Error(`the bulk files were not built within ${timeoutMs / 1000} s`);
    }
    await new Promise((resolve) => setTimeout(resolve, 1_000));
  }
}
