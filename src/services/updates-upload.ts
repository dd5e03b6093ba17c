/**
 * Uploads of project, problem, target and work-team updates: read, check every row, report (dry
 * run), and commit every change with its upload record and audit row in one batch.
 * A file whose rows all match the current state writes nothing.
 */
import { auditStatement } from "../db/audit.ts";
import { touchLastUpdated } from "../db/meta.ts";
import { nextUploadId } from "../db/income-upload.ts";
import {
  findStates,
  problemStatements,
  projectStatements,
  targetStatements,
  uploadRecordStatement,
  workTeamStatements,
} from "../db/updates-upload.ts";
import { sha256Hex } from "../lib/bytes.ts";
import { commonAncestor } from "../lib/codes.ts";
import { describeError, type RowError } from "../lib/upload/columns.ts";
import { readTable, type Table } from "../lib/upload/table.ts";
import {
  checkProblems,
  checkProjects,
  checkTargets,
  checkWorkTeams,
  parseUpdates,
  type Change,
  type Checked,
  type ProblemState,
  type ProjectState,
  type TargetState,
  type UpdateKind,
  type UpdateRow,
  type WorkTeamState,
} from "../lib/upload/updates.ts";

export interface UpdatesReport {
  fileName: string;
  format: Table["format"];
  rows: number;
  errors: (RowError & { text: string })[];
  changed: { id: number; before: Record<string, unknown>; after: Record<string, unknown> }[];
  unchanged: number;
}

interface Planned {
  id: number;
  region: string;
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
): Promise<PreparedUpdates> {
  const table = readTable(bytes, fileName);
  const { rows, errors } = parseUpdates(kind, table);
  const { changes, unchanged } = await checkKind(db, kind, rows, scope, today);
  errors.push(...changes.errors);
  const planned: Planned[] = changes.planned;
  errors.sort((a, b) => a.line - b.line);
  return {
    kind,
    sha256: await sha256Hex(bytes),
    planned: errors.length === 0 ? planned : [],
    report: {
      fileName,
      format: table.format,
      rows: table.rows.length,
      errors: errors.map((e) => ({ ...e, text: describeError(e) })),
      changed:
        errors.length === 0 ? planned.map(({ id, before, after }) => ({ id, before, after })) : [],
      unchanged: errors.length === 0 ? unchanged : 0,
    },
  };
}

export async function commitUpdates(
  db: D1Database,
  prepared: PreparedUpdates,
  user: { id: number; region_code: string | null },
  at: string,
  ip: string | null,
): Promise<{ uploadId: number | null }> {
  if (prepared.report.errors.length > 0) throw new Error("commitUpdates: the upload has errors");
  if (prepared.planned.length === 0) return { uploadId: null };
  const uploadId = await nextUploadId(db);
  await db.batch([
    uploadRecordStatement(db, {
      id: uploadId,
      userId: user.id,
      kind: prepared.kind,
      regionCode: user.region_code ?? commonAncestor(prepared.planned.map((p) => p.region)),
      fileName: prepared.report.fileName,
      sha256: prepared.sha256,
      rowCount: prepared.planned.length,
      at,
    }),
    ...prepared.planned.flatMap((p) => p.statements(uploadId, at)),
    touchLastUpdated(db, at),
    auditStatement(db, {
      at,
      userId: user.id,
      action: "upload.commit",
      entity: prepared.kind,
      ids: [`upload:${uploadId}`, ...prepared.planned.map((p) => p.id)],
      before: prepared.planned.map((p) => ({ id: p.id, ...p.before })),
      after: prepared.planned.map((p) => ({ id: p.id, ...p.after })),
      ip,
    }),
  ]);
  return { uploadId };
}
