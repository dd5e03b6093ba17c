/**
 * Uploads of project, problem, target and work-team updates: read, check every row, report (dry
 * run), and commit every change with its upload record and audit row in one batch.
 * A file whose rows all match the current state writes nothing.
 */
import {
  findStates,
  problemStatements,
  projectStatements,
  targetStatements,
  workTeamStatements,
} from "../db/updates-upload.ts";
import type { RowError } from "../lib/upload/columns.ts";
import { fieldName, fieldText } from "../lib/upload/display.ts";
import { fileReport, type FileReport } from "../lib/upload/report.ts";
import {
  checkProblems,
  checkProjects,
  checkTargets,
  checkWorkTeams,
  parseUpdates,
  TEMPLATE_EXAMPLES,
  UPDATE_COLUMNS,
  type Change,
  type Checked,
  type ProblemState,
  type ProjectState,
  type TargetState,
  type UpdateKind,
  type UpdateRow,
  type WorkTeamState,
} from "../lib/upload/updates.ts";
import { commitUpload, readUploadFile, type Uploader } from "./upload-spine.ts";

export interface UpdatesReport extends FileReport {
  /** Every row as read and checked (vocabulary keys, dates, whole yuan), 说明 included. */
  stored: Record<string, unknown>[];
  /** Each change: the item's fields before and after, and the row's note for its history. */
  changed: {
    id: number;
    line: number;
    before: Record<string, unknown>;
    after: Record<string, unknown>;
    note: string | null;
    /** The same change as a clerk reads it: each field's name, old and new value. */
    fields: { name: string; old: string; new: string }[];
  }[];
  unchanged: number;
}

interface Planned {
  id: number;
  region: string;
  /** The row as read from the file (its line, and its 说明 or 备注 for the history). */
  row: Record<string, unknown>;
  before: Record<string, unknown>;
  after: Record<string, unknown>;
  statements: (uploadId: number, at: string) => D1PreparedStatement[];
}

export interface PreparedUpdates {
  kind: UpdateKind;
  report: UpdatesReport;
  planned: Planned[];
  sha256: string;
}

/** What changed between two states, key by key (for the report and the audit log). */
function delta(
  before: object,
  after: object,
): { before: Record<string, unknown>; after: Record<string, unknown> } {
  const b = before as Record<string, unknown>;
  const a = after as Record<string, unknown>;
  const keys = Object.keys(a).filter((k) => a[k] !== b[k]);
  return {
    before: Object.fromEntries(keys.map((k) => [k, b[k]])),
    after: Object.fromEntries(keys.map((k) => [k, a[k]])),
  };
}

/** Each change as a planned write, with what it changes (for the report and the audit). */
function plan<R, S extends { id: number }>(
  checked: Checked<R, S>,
  region: (s: S) => string,
  statements: (c: Change<R, S>, uploadId: number, at: string) => D1PreparedStatement[],
): { errors: RowError[]; planned: Planned[] } {
  return {
    errors: checked.errors,
    planned: checked.changes.map((c) => ({
      id: c.after.id,
      region: region(c.after),
      row: c.row as Record<string, unknown>,
      ...delta(c.before, c.after),
      statements: (uploadId, at) => statements(c, uploadId, at),
    })),
  };
}

/** Reads the current state of the items a file names, checks the rows and plans the writes. */
async function checkKind(
  db: D1Database,
  kind: UpdateKind,
  rows: UpdateRow<UpdateKind>[],
  scope: string | null,
  today: string,
): Promise<{ changes: { errors: RowError[]; planned: Planned[] }; unchanged: number }> {
  const ids = rows.map((r) => r.id);
  if (kind === "problems") {
    const checked = checkProblems(
      rows as UpdateRow<"problems">[],
      await findStates<ProblemState>(db, kind, ids),
      scope,
      today,
    );
    const changes = plan(
      checked,
      (s) => s.region_code,
      (c, uploadId, at) =>
        problemStatements(
          db,
          { after: c.after, before: c.before, date: c.row.date, note: c.row.note },
          uploadId,
          at,
        ),
    );
    return { changes, unchanged: checked.unchanged.length };
  }
  if (kind === "projects") {
    const checked = checkProjects(
      rows as UpdateRow<"projects">[],
      await findStates<ProjectState>(db, kind, ids),
      scope,
      today,
    );
    const changes = plan(
      checked,
      (s) => s.region_code,
      (c, uploadId, at) => projectStatements(db, c.after, uploadId, at),
    );
    return { changes, unchanged: checked.unchanged.length };
  }
  if (kind === "targets") {
    const checked = checkTargets(
      rows as UpdateRow<"targets">[],
      await findStates<TargetState>(db, kind, ids),
      scope,
    );
    const changes = plan(
      checked,
      (s) => s.village_code,
      (c, uploadId, at) =>
        targetStatements(db, { after: c.after, note: c.row.reason }, uploadId, at),
    );
    return { changes, unchanged: checked.unchanged.length };
  }
  const checked = checkWorkTeams(
    rows as UpdateRow<"work-teams">[],
    await findStates<WorkTeamState>(db, kind, ids),
    scope,
  );
  const changes = plan(
    checked,
    (s) => s.village_code,
    (c, uploadId, at) =>
      workTeamStatements(db, { after: c.after, note: c.row.reason }, uploadId, at),
  );
  return { changes, unchanged: checked.unchanged.length };
}

export async function prepareUpdates(
  db: D1Database,
  kind: UpdateKind,
  bytes: Uint8Array<ArrayBuffer>,
  fileName: string,
  scope: string | null,
  today: string,
  sheet?: string,
): Promise<PreparedUpdates> {
  const { table, sha256 } = await readUploadFile(
    bytes,
    fileName,
    UPDATE_COLUMNS[kind],
    TEMPLATE_EXAMPLES[kind],
    sheet,
  );
  const { rows, errors } = parseUpdates(kind, table);
  const { changes, unchanged } = await checkKind(db, kind, rows, scope, today);
  errors.push(...changes.errors);
  const planned: Planned[] = changes.planned;
  return {
    kind,
    sha256,
    planned: errors.length === 0 ? planned : [],
    report: {
      ...fileReport(table, fileName, kind, errors),
      stored: errors.length === 0 ? (rows as Record<string, unknown>[]) : [],
      changed:
        errors.length === 0
          ? planned.map(({ id, row, before, after }) => ({
              id,
              line: Number(row.line),
              before,
              after,
              note: (row.reason ?? row.note ?? null) as string | null,
              fields: Object.keys(after).map((key) => ({
                name: fieldName(key),
                old: fieldText(kind, key, before[key]),
                new: fieldText(kind, key, after[key]),
              })),
            }))
          : [],
      unchanged: errors.length === 0 ? unchanged : 0,
    },
  };
}

export async function commitUpdates(
  db: D1Database,
  prepared: PreparedUpdates,
  user: Uploader,
  at: string,
  ip: string | null,
): Promise<{ uploadId: number | null }> {
  if (prepared.report.errors.length > 0) throw new Error("commitUpdates: the upload has errors");
  if (prepared.planned.length === 0) return { uploadId: null };
  const uploadId = await commitUpload(
    db,
    {
      kind: prepared.kind,
      fileName: prepared.report.fileName,
      sha256: prepared.sha256,
      rowCount: prepared.planned.length,
      regions: prepared.planned.map((p) => p.region),
      statements: (id) => prepared.planned.flatMap((p) => p.statements(id, at)),
      audit: {
        action: "upload.commit",
        entity: prepared.kind,
        ids: prepared.planned.map((p) => p.id),
        before: prepared.planned.map((p) => ({ id: p.id, ...p.before })),
        after: prepared.planned.map((p) => ({ id: p.id, ...p.after })),
      },
    },
    user,
    at,
    ip,
  );
  return { uploadId };
}
