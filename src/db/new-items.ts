/**
 * Reads and writes for uploads of new items: the facts their checks need (regions, teams,
 * projects, items already there), the next free numbers, and the statements that create
 * an item with the first row of its history (which the open datasets read as of a release).
 */
import type { NewItemFacts, RegionFacts, TeamFacts } from "../lib/upload/new-item-checks.ts";
import type { NewKind, NewRow } from "../lib/upload/new-items.ts";
import { selectIn } from "./select-in.ts";

export async function readNewItemFacts<K extends NewKind>(
  db: D1Database,
  kind: K,
  rows: NewRow<K>[],
): Promise<NewItemFacts> {
  const r = rows as unknown as Record<string, string | number | null>[];
  const facts: NewItemFacts = {
    regions: new Map(),
    teams: new Map(),
    projects: new Map(),
    existing: new Map(),
  };
  if (kind === "new-targets") {
    const ids = r.map((x) => x.work_team_id as number);
    const teams = await selectIn<TeamFacts>(
      db,
      "SELECT id, village_code, term_start FROM work_teams WHERE id IN",
      ids,
    );
    for (const t of teams) facts.teams.set(t.id, t);
    const targets = await selectIn<{ id: number; work_team_id: number; title: string }>(
      db,
      "SELECT id, work_team_id, title FROM targets WHERE work_team_id IN",
      ids,
    );
    for (const t of targets) facts.existing.set(`${t.work_team_id}|${t.title}`, t.id);
    return facts;
  }
  const codes = r.map(
    (x) => (kind === "new-work-teams" ? x.village_code : x.region_code) as string,
  );
  const regions = await selectIn<RegionFacts>(
    db,
    "SELECT code, level, kind FROM regions WHERE code IN",
    codes,
  );
  for (const region of regions) facts.regions.set(region.code, region);
  if (kind === "new-projects") {
    const found = await selectIn<{ id: number; region_code: string; title: string }>(
      db,
      "SELECT id, region_code, title FROM projects WHERE region_code IN",
      codes,
    );
    for (const p of found) facts.existing.set(`${p.region_code}|${p.title}`, p.id);
  } else if (kind === "new-problems") {
    const found = await selectIn<{
      id: number;
      region_code: string;
      title: string;
      raised_on: string;
    }>(db, "SELECT id, region_code, title, raised_on FROM problems WHERE region_code IN", codes);
    for (const p of found) facts.existing.set(`${p.region_code}|${p.title}|${p.raised_on}`, p.id);
    const projectIds = r.map((x) => x.project_id).filter((x): x is number => x !== null);
    const projects = await selectIn<{ id: number; region_code: string }>(
      db,
      "SELECT id, region_code FROM projects WHERE id IN",
      projectIds,
    );
    for (const p of projects) facts.projects.set(p.id, p.region_code);
  } else {
    const found = await selectIn<{
      id: number;
      village_code: string;
      dispatching_unit: string;
      term_start: string;
    }>(
      db,
      "SELECT id, village_code, dispatching_unit, term_start FROM work_teams WHERE village_code IN",
      codes,
    );
    for (const t of found)
      facts.existing.set(`${t.village_code}|${t.dispatching_unit}|${t.term_start}`, t.id);
  }
  return facts;
}

const TABLE: Record<NewKind, string> = {
  "new-projects": "projects",
  "new-problems": "problems",
  "new-work-teams": "work_teams",
  "new-targets": "targets",
};

/** The first free number of the kind's table; a concurrent upload makes the batch fail whole. */
export async function nextItemId(db: D1Database, kind: NewKind): Promise<number> {
  const row = await db
    .prepare(`SELECT coalesce(max(id), 0) + 1 AS id FROM ${TABLE[kind]}`)
    .first<{ id: number }>();
  return row?.id ?? 1;
}

export interface Creation<K extends NewKind> {
  id: number;
  row: NewRow<K>;
  /** The item's region (a target's: its team's village). */
  region: string;
}

/** The item and the first row of its history, recorded at `at`. */
export function creationStatements<K extends NewKind>(
  db: D1Database,
  kind: K,
  item: Creation<K>,
  uploadId: number,
  at: string,
  today: string,
): D1PreparedStatement[] {
  const r = item.row as unknown as Record<string, string | number | null | string[]>;
  const v = (key: string) => r[key] as string | number | null;
  if (kind === "new-projects") {
    // Registered as planned; the first report is dated when the work starts (or today).
    const reportedOn = (v("start_date") as string) < today ? v("start_date") : today;
    return [
      db
        .prepare(
          `INSERT INTO projects (id, region_code, title, category, supporting_unit, batch, start_date,
             planned_completion, completed_date, budget, invested, progress, status, updated_at)
           VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, NULL, ?9, 0, 0, 'planned', ?10)`,
        )
        .bind(
          item.id,
          item.region,
          v("title"),
          v("category"),
          v("supporting_unit"),
          v("batch"),
          v("start_date"),
          v("planned_completion"),
          v("budget"),
          at,
        ),
      db
        .prepare(
          `INSERT INTO project_updates (project_id, reported_on, progress, invested, status, recorded_at, upload_id)
           VALUES (?1, ?2, 0, 0, 'planned', ?3, ?4)`,
        )
        .bind(item.id, reportedOn, at, uploadId),
    ];
  }
  if (kind === "new-problems") {
    return [
      db
        .prepare(
          `INSERT INTO problems (id, region_code, project_id, title, category, channel, raised_on, due_on,
             status, updated_at)
           VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, 'open', ?9)`,
        )
        .bind(
          item.id,
          item.region,
          v("project_id"),
          v("title"),
          v("category"),
          v("channel"),
          v("raised_on"),
          v("due_on"),
          at,
        ),
      db
        .prepare(
          `INSERT INTO problem_events (problem_id, status, event_date, department, note, recorded_at, upload_id)
           VALUES (?1, 'open', ?2, NULL, ?3, ?4, ?5)`,
        )
        .bind(item.id, v("raised_on"), v("note"), at, uploadId),
    ];
  }
  if (kind === "new-work-teams") {
    const values = [v("dispatching_unit"), v("members"), v("term_start"), v("term_end")];
    return [
      db
        .prepare(
          `INSERT INTO work_teams (id, village_code, dispatching_unit, members, term_start, term_end, updated_at)
           VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)`,
        )
        .bind(item.id, item.region, ...values, at),
      db
        .prepare(
          `INSERT INTO work_team_changes
             (work_team_id, dispatching_unit, members, term_start, term_end, note, recorded_at, upload_id)
           VALUES (?1, ?2, ?3, ?4, ?5, '派驻', ?6, ?7)`,
        )
        .bind(item.id, ...values, at, uploadId),
    ];
  }
  // A target starts in the plan phase, on track, with no actual value reported yet.
  return [
    db
      .prepare(
        `INSERT INTO targets (id, village_code, work_team_id, title, category, phase, measures, metric, unit,
           baseline, target, actual, due_on, signed_off_by, status, updated_at)
         VALUES (?1, ?2, ?3, ?4, ?5, 'plan', ?6, ?7, ?8, ?9, ?10, NULL, ?11, NULL, 'on_track', ?12)`,
      )
      .bind(
        item.id,
        item.region,
        v("work_team_id"),
        v("title"),
        v("category"),
        JSON.stringify(r.measures),
        v("metric"),
        v("unit"),
        v("baseline"),
        v("target"),
        v("due_on"),
        at,
      ),
    db
      .prepare(
        `INSERT INTO target_updates (target_id, phase, actual, status, signed_off_by, note, recorded_at, upload_id)
         VALUES (?1, 'plan', NULL, 'on_track', NULL, '签订', ?2, ?3)`,
      )
      .bind(item.id, at, uploadId),
  ];
}

/** An earlier upload of the very same file of this kind, if any. */
export async function findSameUpload(
  db: D1Database,
  kind: NewKind,
  sha256: string,
): Promise<number | null> {
  const row = await db
    .prepare("SELECT id FROM uploads WHERE kind = ?1 AND sha256 = ?2 ORDER BY id LIMIT 1")
    .bind(kind, sha256)
    .first<{ id: number }>();
  return row?.id ?? null;
}
