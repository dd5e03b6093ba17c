/**
 * Uploads of new projects, problems, work teams and targets: read, check every row,
 * report what would be created and with which numbers (dry run), then create them all
 * with their upload record, history rows and audit row in one batch. The same file twice
 * creates nothing the second time.
 */
import {
  creationStatements,
  findSameUpload,
  nextItemId,
  readNewItemFacts,
  type Creation,
} from "../db/new-items.ts";
import { fieldsText } from "../lib/upload/display.ts";
import { fileReport, reportErrors, type FileReport } from "../lib/upload/report.ts";
import { checkNewItems, regionOf } from "../lib/upload/new-item-checks.ts";
import {
  NEW_COLUMNS,
  NEW_TEMPLATE_EXAMPLES,
  parseNewItems,
  type NewKind,
  type NewRow,
} from "../lib/upload/new-items.ts";
import { commitUpload, readUploadFile, type Uploader } from "./upload-spine.ts";

export interface NewItemsReport extends FileReport {
  /** What would be (or was) created, with its number and every field as stored. */
  created: {
    id: number;
    line: number;
    region: string;
    title: string;
    fields: Record<string, unknown>;
    /** The same fields as a clerk reads them: [Chinese name, value]. */
    fields_text: [string, string][];
  }[];
  /** Every row as it will be stored, with its number (and its line in the file). */
  stored: Record<string, unknown>[];
  /** The earlier upload of this very file: nothing is created again. */
  repeat_of: number | null;
}

export interface PreparedNewItems {
  kind: NewKind;
  report: NewItemsReport;
  creations: Creation<NewKind>[];
  sha256: string;
}

const titleOf = (kind: NewKind, row: NewRow<NewKind>) =>
  String(
    (row as Record<string, unknown>)[kind === "new-work-teams" ? "dispatching_unit" : "title"],
  );

export async function prepareNewItems(
  db: D1Database,
  kind: NewKind,
  bytes: Uint8Array<ArrayBuffer>,
  fileName: string,
  scope: string | null,
  today: string,
  sheet?: string,
): Promise<PreparedNewItems> {
  const columns = NEW_COLUMNS[kind];
  const { table, sha256 } = await readUploadFile(
    bytes,
    fileName,
    columns,
    NEW_TEMPLATE_EXAMPLES[kind],
    sheet,
  );
  const report: NewItemsReport = {
    ...fileReport(table, fileName, kind, []),
    created: [],
    stored: [],
    repeat_of: await findSameUpload(db, kind, sha256),
  };
  if (report.repeat_of !== null) return { kind, report, creations: [], sha256 };

  const { rows, errors } = parseNewItems(kind, table);
  const facts = await readNewItemFacts(db, kind, rows);
  const checked = checkNewItems(kind, rows, facts, scope, today);
  errors.push(...checked.errors);
  report.errors = reportErrors(table, columns, errors);
  if (errors.length > 0) return { kind, report, creations: [], sha256 };

  const first = await nextItemId(db, kind);
  const creations = checked.accepted.map((row, i) => ({
    id: first + i,
    row,
    region: regionOf(kind, row, facts) as string,
  }));
  report.created = creations.map((c) => ({
    id: c.id,
    line: c.row.line,
    region: c.region,
    title: titleOf(kind, c.row),
    fields: Object.fromEntries(Object.entries(c.row).filter(([k]) => k !== "line")),
    fields_text: fieldsText(kind, c.row as Record<string, unknown>),
  }));
  report.stored = creations.map((c) => ({ id: c.id, ...c.row }));
  return { kind, report, creations, sha256 };
}

export async function commitNewItems(
  db: D1Database,
  prepared: PreparedNewItems,
  user: Uploader,
  at: string,
  today: string,
  ip: string | null,
): Promise<{ uploadId: number | null }> {
  if (prepared.report.errors.length > 0) throw new Error("commitNewItems: the upload has errors");
  if (prepared.creations.length === 0) return { uploadId: null };
  const { kind } = prepared;
  const uploadId = await commitUpload(
    db,
    {
      kind,
      fileName: prepared.report.fileName,
      sha256: prepared.sha256,
      rowCount: prepared.creations.length,
      regions: prepared.creations.map((c) => c.region),
      statements: (id) =>
        prepared.creations.flatMap((c) => creationStatements(db, kind, c, id, at, today)),
      audit: {
        action: "upload.create",
        entity: kind.slice("new-".length),
        ids: prepared.creations.map((c) => c.id),
        after: prepared.creations.map((c) => {
          const fields: Record<string, unknown> = { ...c.row };
          delete fields.line; // the file's line number is not part of the item
          return { id: c.id, region: c.region, ...fields };
        }),
      },
    },
    user,
    at,
    ip,
  );
  return { uploadId };
}
