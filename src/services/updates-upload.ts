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
  const ids = rows.map((r) => r.id);
  const planned: Planned[] = [];
  let unchanged: number;
  if (kind === "problems") {
    const states = await findStates<ProblemState>(db, kind, ids);
    const checked = checkProblems(rows as UpdateRow<"problems">[], states, scope, today);
    errors.push(...checked.errors);
    unchanged = checked.unchanged.length;
    for (const c of checked.changes) {
      planned.push({
        id: c.after.id,
        region: c.after.region_code,
        ...delta(c.before, c.after),
        statements: (uploadId, at) =>
          problemStatements(
            db,
            { after: c.after, before: c.before, date: c.row.date, note: c.row.note },
            uploadId,
            at,
          ),
      });
    }
  } else if (kind === "projects") {
    const states = await findStates<ProjectState>(db, kind, ids);
    const checked = checkProjects(rows as UpdateRow<"projects">[], states, scope, today);
    errors.push(...checked.errors);
    unchanged = checked.unchanged.length;
    for (const c of checked.changes) {
      planned.push({
        id: c.after.id,
        region: c.after.region_code,
        ...delta(c.before, c.after),
        statements: (uploadId, at) => projectStatements(db, c.after, uploadId, at),
      });
    }
  } else if (kind === "targets") {
    const states = await findStates<TargetState>(db, kind, ids);
    const checked = checkTargets(rows as UpdateRow<"targets">[], states, scope);
    errors.push(...checked.errors);
    unchanged = checked.unchanged.length;
    for (const c of checked.changes) {
      planned.push({
        id: c.after.id,
        region: c.after.village_code,
        ...delta(c.before, c.after),
        statements: (uploadId, at) =>
          targetStatements(db, { after: c.after, note: c.row.reason }, uploadId, at),
      });
    }
  } else {
    const states = await findStates<WorkTeamState>(db, kind, ids);
    const checked = checkWorkTeams(rows as UpdateRow<"work-teams">[], states, scope);
    errors.push(...checked.errors);
    unchanged = checked.unchanged.length;
    for (const c of checked.changes) {
      planned.push({
        id: c.after.id,
        region: c.after.village_code,
        ...delta(c.before, c.after),
        statements: (uploadId, at) =>
          workTeamStatements(db, { after: c.after, note: c.row.reason }, uploadId, at),
      });
    }
  }
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
