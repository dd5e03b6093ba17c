/**
 * Reads and writes for uploads of project, problem, target and work-team updates: the
 * current state of the items a file names, and the statements that apply a change (the
 * item's current state, plus a row of its append-only history, which the open datasets
 * read as of a release).
 */
import type {
  ProblemState,
  ProjectState,
  TargetState,
  UpdateKind,
  WorkTeamState,
} from "../lib/upload/updates.ts";
import { selectIn } from "./select-in.ts";

const QUERIES: Record<UpdateKind, string> = {
  projects: `SELECT p.id, p.region_code, p.status, p.progress, p.invested, p.start_date, p.completed_date,
      (SELECT max(reported_on) FROM project_updates u WHERE u.project_id = p.id) AS last_reported_on
    FROM projects p WHERE p.id IN`,
  problems: `SELECT id, region_code, status, raised_on, department, claimed_on, resolved_on, closed_on
    FROM problems WHERE id IN`,
  targets: `SELECT id, village_code, phase, actual, status, signed_off_by FROM targets WHERE id IN`,
  "work-teams": `SELECT id, village_code, dispatching_unit, members, term_start, term_end
    FROM work_teams WHERE id IN`,
};

export async function findStates<S extends { id: number }>(
  db: D1Database,
  kind: UpdateKind,
  ids: number[],
): Promise<Map<number, S>> {
  const rows = await selectIn<S>(db, QUERIES[kind], ids);
  return new Map(rows.map((row) => [row.id, row]));
}

export function problemStatements(
  db: D1Database,
  change: { after: ProblemState; before: ProblemState; date: string; note: string | null },
  uploadId: number,
  at: string,
): D1PreparedStatement[] {
  const a = change.after;
  return [
    // Guarded by the status read at check time: a concurrent change makes this a no-op.
    db
      .prepare(
        `UPDATE problems SET status = ?2, department = ?3, claimed_on = ?4, resolved_on = ?5, closed_on = ?6,
           updated_at = ?7 WHERE id = ?1 AND status = ?8`,
      )
      .bind(
        a.id,
        a.status,
        a.department,
        a.claimed_on,
        a.resolved_on,
        a.closed_on,
        at,
        change.before.status,
      ),
    db
      .prepare(
        `INSERT INTO problem_events (problem_id, status, event_date, department, note, recorded_at, upload_id)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)`,
      )
      .bind(a.id, a.status, change.date, a.department, change.note, at, uploadId),
  ];
}

export function projectStatements(
  db: D1Database,
  after: ProjectState,
  uploadId: number,
  at: string,
): D1PreparedStatement[] {
  return [
    db
      .prepare(
        `UPDATE projects SET progress = ?2, invested = ?3, status = ?4, completed_date = ?5, updated_at = ?6
         WHERE id = ?1`,
      )
      .bind(after.id, after.progress, after.invested, after.status, after.completed_date, at),
    db
      .prepare(
        `INSERT INTO project_updates (project_id, reported_on, progress, invested, status, recorded_at, upload_id)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)`,
      )
      .bind(
        after.id,
        after.last_reported_on,
        after.progress,
        after.invested,
        after.status,
        at,
        uploadId,
      ),
  ];
}

export function targetStatements(
  db: D1Database,
  change: { after: TargetState; note: string | null },
  uploadId: number,
  at: string,
): D1PreparedStatement[] {
  const a = change.after;
  return [
    db
      .prepare(
        "UPDATE targets SET phase = ?2, actual = ?3, status = ?4, updated_at = ?5 WHERE id = ?1",
      )
      .bind(a.id, a.phase, a.actual, a.status, at),
    db
      .prepare(
        `INSERT INTO target_updates (target_id, phase, actual, status, signed_off_by, note, recorded_at, upload_id)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)`,
      )
      .bind(a.id, a.phase, a.actual, a.status, a.signed_off_by, change.note, at, uploadId),
  ];
}

export function workTeamStatements(
  db: D1Database,
  change: { after: WorkTeamState; note: string | null },
  uploadId: number,
  at: string,
): D1PreparedStatement[] {
  const a = change.after;
  return [
    db
      .prepare("UPDATE work_teams SET members = ?2, term_end = ?3, updated_at = ?4 WHERE id = ?1")
      .bind(a.id, a.members, a.term_end, at),
    db
      .prepare(
        `INSERT INTO work_team_changes
           (work_team_id, dispatching_unit, members, term_start, term_end, note, recorded_at, upload_id)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)`,
      )
      .bind(
        a.id,
        a.dispatching_unit,
        a.members,
        a.term_start,
        a.term_end,
        change.note,
        at,
        uploadId,
      ),
  ];
}
