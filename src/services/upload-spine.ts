/**
 * The one path of every upload, whatever its kind: read the file (parse), check every row
 * (validate), work out and report what a commit would write (plan: the dry run), and
 * commit it all in one batch with the upload record, the data version and the audit row
 * (commit). Only the row rules and the writes differ by kind: income-upload.ts,
 * updates-upload.ts, new-items-upload.ts.
 */
import { auditStatement, type AuditEntry } from "../db/audit.ts";
import { touchLastUpdated } from "../db/meta.ts";
import { nextUploadId, uploadRecordStatement } from "../db/uploads.ts";
import { uploadDigest } from "../lib/bytes.ts";
import { commonAncestor } from "../lib/codes.ts";
import type { ColumnSpec } from "../lib/upload/columns.ts";
import { readTable, type Table } from "../lib/upload/table.ts";

/** Who commits: a signed-in clerk or editor, limited to their region (null: everywhere). */
export interface Uploader {
  id: number;
  region_code: string | null;
}

/**
 * Parse: the file's table under `columns` (`sheet`: a workbook's sheet by name, else the
 * first visible) and its digest. Throws UploadFileError when it is not a readable table.
 */
export async function readUploadFile(
  bytes: Uint8Array<ArrayBuffer>,
  fileName: string,
  columns: readonly ColumnSpec[],
  example: readonly string[],
  sheet?: string,
): Promise<{ table: Table; sha256: string }> {
  const table = await readTable(bytes, fileName, columns, sheet, example);
  return { table, sha256: await uploadDigest(bytes, sheet) };
}

/** What a checked upload writes, in the kind's own terms. */
export interface UploadCommit {
  kind: string;
  fileName: string;
  sha256: string;
  rowCount: number;
  /** The regions the rows touch: the record names their deepest common ancestor. */
  regions: readonly string[];
  /** The kind's writes, given the upload's id. */
  statements: (uploadId: number) => D1PreparedStatement[];
  /** The audit row; its ids follow "upload:<id>". */
  audit: Pick<AuditEntry, "action" | "entity" | "ids" | "before" | "after">;
}

/**
 * Commit: the upload record, the kind's writes, the data version and the audit row in one
 * batch (one transaction: all or nothing). Returns the upload's id.
 */
export async function commitUpload(
  db: D1Database,
  upload: UploadCommit,
  user: Uploader,
  at: string,
  ip: string | null,
): Promise<number> {
  const uploadId = await nextUploadId(db);
  await db.batch([
    uploadRecordStatement(db, {
      id: uploadId,
      userId: user.id,
      kind: upload.kind,
      regionCode: user.region_code ?? commonAncestor(upload.regions),
      fileName: upload.fileName,
      sha256: upload.sha256,
      rowCount: upload.rowCount,
      at,
    }),
    ...upload.statements(uploadId),
    touchLastUpdated(db, at),
    auditStatement(db, {
      ...upload.audit,
      ids: [`upload:${uploadId}`, ...upload.audit.ids],
      at,
      userId: user.id,
      ip,
    }),
  ]);
  return uploadId;
}
