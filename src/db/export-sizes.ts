/**
 * The measured size of each CSV export (export_sizes, migrations/0010_export_sizes.sql), so
 * that the whole export is walked a second time only once per export and data version.
 */

/** What a CSV export comes to: UTF-8 bytes (BOM included) and data rows (header excluded). */
export interface ExportSize {
  bytes: number;
  rows: number;
}

/** One export of one version of the data. */
export interface ExportSizeKey {
  /** The dataset and its filters as asked, e.g. "village-income?region=45&from=&to=&bom=0". */
  export: string;
  /** The data it reads: a release's freeze moment, or "live:…" (see functions/http-cache.ts). */
  version: string;
}

export async function readExportSize(
  db: D1Database,
  key: ExportSizeKey,
): Promise<ExportSize | null> {
  return db
    .prepare("SELECT bytes, rows FROM export_sizes WHERE export = ?1 AND version = ?2")
    .bind(key.export, key.version)
    .first<ExportSize>();
}

/**
 * Records a measured size. Writing a live version deletes the other live versions of the
 * same export: they describe data that has since changed. Release versions never change,
 * so they are kept.
 */
export async function writeExportSize(
  db: D1Database,
  key: ExportSizeKey,
  size: ExportSize,
  measuredAt: string,
): Promise<void> {
  const statements = [
    db
      .prepare(
        `INSERT INTO export_sizes (export, version, bytes, rows, measured_at)
         VALUES (?1, ?2, ?3, ?4, ?5)
         ON CONFLICT (export, version) DO UPDATE
         SET bytes = excluded.bytes, rows = excluded.rows, measured_at = excluded.measured_at`,
      )
      .bind(key.export, key.version, size.bytes, size.rows, measuredAt),
  ];
  // A live size (src/lib/build.ts dataStamp: "<build>|live:<last update>") replaces every
  // earlier live size of the export, of any build.
  if (key.version.includes("|live:")) {
    statements.push(
      db
        .prepare(
          `DELETE FROM export_sizes
           WHERE export = ?1 AND version <> ?2 AND instr(version, '|live:') > 0`,
        )
        .bind(key.export, key.version),
    );
  }
  await db.batch(statements);
}

/** Forgets a size that turned out wrong, so that the next request measures again. */
export async function deleteExportSize(db: D1Database, key: ExportSizeKey): Promise<void> {
  await db
    .prepare("DELETE FROM export_sizes WHERE export = ?1 AND version = ?2")
    .bind(key.export, key.version)
    .run();
}

/**
 * Housekeeping for the Cron Trigger: forgets at most `limit` sizes measured before
 * `before`, oldest first (a download measures again if asked). Returns how many went.
 */
export async function pruneExportSizes(
  db: D1Database,
  before: string,
  limit: number,
): Promise<number> {
  const result = await db
    .prepare(
      `DELETE FROM export_sizes WHERE (export, version) IN (
         SELECT export, version FROM export_sizes WHERE measured_at < ?1
         ORDER BY measured_at LIMIT ?2)`,
    )
    .bind(before, limit)
    .run();
  return result.meta.changes;
}
