/** The upload record every committed file leaves (uploads), whatever its kind. */

/** One committed file: who, which kind, for which region, which bytes, how many rows. */
export interface UploadRecord {
  id: number;
  userId: number;
  /** income, updates-…, new-… (src/lib/upload/kinds.ts). */
  kind: string;
  regionCode: string;
  fileName: string;
  /** Digest of the file's bytes (and sheet): the same file is recognised again. */
  sha256: string;
  rowCount: number;
  at: string;
}

/** The next upload's id; a batch that loses a race to the same id fails whole (primary key). */
export async function nextUploadId(db: D1Database): Promise<number> {
  const row = await db
    .prepare("SELECT COALESCE(max(id), 0) + 1 AS id FROM uploads")
    .first<{ id: number }>();
  return row?.id ?? 1;
}

export function uploadRecordStatement(db: D1Database, u: UploadRecord): D1PreparedStatement {
  return db
    .prepare(
      `INSERT INTO uploads (id, user_id, kind, region_code, file_name, sha256, row_count, committed_at)
       VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)`,
    )
    .bind(u.id, u.userId, u.kind, u.regionCode, u.fileName, u.sha256, u.rowCount, u.at);
}
