/**
 * The bulk files of the published releases (bulk_builds and bulk_files,
 * migrations/0012_bulk_files.sql): which release's files are being built, and what each
 * written file holds.
 */

export interface BulkBuild {
  /** The release's period, YYYY-MM. */
  release: string;
  /** The release's freeze moment (releases.published_at). */
  as_of: string;
  instance_id: string;
  status: "building" | "built";
  started_at: string;
  /** When a step of it last finished. */
  progress_at: string;
  finished_at: string | null;
}

/** One written file: gzip bytes in R2, and the CSV it holds (UTF-8 bytes, data rows). */
export interface BulkFile {
  release: string;
  dataset: string;
  bytes: number;
  csv_bytes: number;
  rows: number;
  etag: string;
  built_at: string;
}

/**
 * The build started last among those not finished, if any (one runs at a time; an older
 * unfinished one was given up and is started again when its turn comes).
 */
export async function findRunningBuild(db: D1Database): Promise<BulkBuild | null> {
  return db
    .prepare(
      `SELECT release, as_of, instance_id, status, started_at, progress_at, finished_at
       FROM bulk_builds WHERE status = 'building' ORDER BY started_at DESC LIMIT 1`,
    )
    .first<BulkBuild>();
}

/** Records that a step of the build by `instanceId` finished at `at`. */
export async function recordBuildProgress(
  db: D1Database,
  instanceId: string,
  at: string,
): Promise<void> {
  await db
    .prepare("UPDATE bulk_builds SET progress_at = ?2 WHERE instance_id = ?1")
    .bind(instanceId, at)
    .run();
}

/**
 * The newest published release whose files are not built (for its current freeze
 * moment), with that moment; null when every published release has its files.
 */
export async function findUnbuiltRelease(
  db: D1Database,
): Promise<{ release: string; as_of: string } | null> {
  return db
    .prepare(
      `SELECT r.period AS release, r.published_at AS as_of FROM releases r
       WHERE r.status = 'published' AND NOT EXISTS (
         SELECT 1 FROM bulk_builds b
         WHERE b.release = r.period AND b.status = 'built' AND b.as_of = r.published_at)
       ORDER BY r.period DESC, r.published_at DESC LIMIT 1`,
    )
    .first();
}

/** Records that a build of `release` started (replacing any earlier one of it). */
export async function recordBuildStarted(
  db: D1Database,
  build: Pick<BulkBuild, "release" | "as_of" | "instance_id" | "started_at">,
): Promise<void> {
  await db
    .prepare(
      `INSERT INTO bulk_builds (release, as_of, instance_id, status, started_at, progress_at)
       VALUES (?1, ?2, ?3, 'building', ?4, ?4)
       ON CONFLICT (release) DO UPDATE SET as_of = excluded.as_of,
         instance_id = excluded.instance_id, status = 'building',
         started_at = excluded.started_at, progress_at = excluded.started_at,
         finished_at = NULL`,
    )
    .bind(build.release, build.as_of, build.instance_id, build.started_at)
    .run();
}

/** Records one written file (again, when a build is repeated). */
export async function recordBulkFile(db: D1Database, file: BulkFile): Promise<void> {
  await db
    .prepare(
      `INSERT INTO bulk_files (release, dataset, bytes, csv_bytes, rows, etag, built_at)
       VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)
       ON CONFLICT (release, dataset) DO UPDATE SET bytes = excluded.bytes,
         csv_bytes = excluded.csv_bytes, rows = excluded.rows, etag = excluded.etag,
         built_at = excluded.built_at`,
    )
    .bind(
      file.release,
      file.dataset,
      file.bytes,
      file.csv_bytes,
      file.rows,
      file.etag,
      file.built_at,
    )
    .run();
}

/**
 * Marks the build by `instanceId` done, and moves the kept pages' version (dataset_meta
 * bulk_built, see readPageVersion) so that /data links the new files at once. False when
 * another build has replaced this one (nothing is written then).
 */
export async function recordBuildFinished(
  db: D1Database,
  instanceId: string,
  at: string,
): Promise<boolean> {
  const [result] = await db.batch([
    db
      .prepare(
        `UPDATE bulk_builds SET status = 'built', finished_at = ?2
         WHERE instance_id = ?1 AND status = 'building'`,
      )
      .bind(instanceId, at),
    db
      .prepare(
        `INSERT INTO dataset_meta (key, value)
         SELECT 'bulk_built', ?2 WHERE changes() > 0
         ON CONFLICT (key) DO UPDATE SET value = excluded.value`,
      )
      .bind(instanceId, at),
  ]);
  return (result?.meta.changes ?? 0) > 0;
}

/**
 * The files of the newest release whose build is finished, in no particular order
 * (empty when none is). /data links these.
 */
export async function latestBulkFiles(db: D1Database): Promise<BulkFile[]> {
  const { results } = await db
    .prepare(
      `SELECT f.release, f.dataset, f.bytes, f.csv_bytes, f.rows, f.etag, f.built_at
       FROM bulk_files f WHERE f.release = (
         SELECT release FROM bulk_builds WHERE status = 'built' ORDER BY release DESC LIMIT 1)`,
    )
    .all<BulkFile>();
  return results;
}

/** The newest release whose files are all written, or null. */
export async function latestBuiltRelease(db: D1Database): Promise<string | null> {
  const row = await db
    .prepare("SELECT release FROM bulk_builds WHERE status = 'built' ORDER BY release DESC LIMIT 1")
    .first<{ release: string }>();
  return row?.release ?? null;
}

/** Every finished release's period, newest first. */
export async function builtReleases(db: D1Database): Promise<string[]> {
  const { results } = await db
    .prepare("SELECT release FROM bulk_builds WHERE status = 'built' ORDER BY release DESC")
    .all<{ release: string }>();
  return results.map((r) => r.release);
}
