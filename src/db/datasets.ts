/**
 * The SQL behind each open dataset (src/lib/datasets.ts) and one page reader over it.
 * Pages use keyset pagination, `WHERE (key...) > (?...) ORDER BY key... LIMIT n`, so that
 * reading page k costs the same as page 1 and a full export never holds more than one page.
 * Every value is bound; the SQL fragments here are constants of this module.
 */
import { returnsAsOf, statsAsOf } from "./as-of.ts";
import {
  PROJECTS_AS_OF_SELECT,
  TARGETS_AS_OF_SELECT,
  WORK_TEAMS_AS_OF_SELECT,
  problemsAsOfFrom,
  problemsAsOfSelect,
  projectsAsOfFrom,
  releasesAsOfSelect,
  targetsAsOfFrom,
  workTeamsAsOfFrom,
} from "./datasets-history.ts";
import { subtreeRange } from "../lib/codes.ts";
import { derivedIndicators, STATS_FIELDS } from "../lib/dataset-indicator-fields.ts";
import type { DatasetDef } from "../lib/datasets.ts";
import type { Rollup } from "../lib/indicators.ts";
import { DEFAULT_DEADLINE_DAY, punctualityFigures } from "../lib/punctuality.ts";

type Row = Record<string, unknown>;

interface DatasetSql {
  /** FROM clause; the main table is `t`. */
  from: string;
  /** Column expressions, named after the dataset's fields (`expr AS field`). */
  select: string;
  /** Keyset columns: unique and ordered by an index. */
  key: readonly string[];
  region: string | null;
  /** Expression giving the row's YYYY-MM for from/to. */
  period: string | null;
  /** Predicate for rows as of the bound time placeholder, and for live data. */
  asOf: ((param: string) => string) | null;
  live: string;
  /** FROM and columns as of the bound time, when they differ from the live ones. */
  asOfFrom?: (param: string) => string;
  asOfSelect?: (param: string) => string;
  /** Adds derived fields to a row read from the database. */
  derive?: (row: Row, filters: DatasetFilters) => Row;
}

const STATS_COLUMNS = STATS_FIELDS.map((f) => `t.${f.name}`).join(", ");

function rollupOf(row: Row): Rollup {
  const n = (key: string) => row[key] as number;
  return {
    villages: n("villages"),
    reporting: n("reporting"),
    income_total: n("income_total"),
    operating: n("operating"),
    contracting: n("contracting"),
    investment: n("investment"),
    subsidy: n("subsidy"),
    other: n("other"),
    income_median: row.income_median as number | null,
    bands: {
      zero: n("band_zero"),
      lt_5w: n("band_lt_5w"),
      "5w_10w": n("band_5w_10w"),
      "10w_30w": n("band_10w_30w"),
      "30w_50w": n("band_30w_50w"),
      "50w_100w": n("band_50w_100w"),
      ge_100w: n("band_ge_100w"),
    },
    yoy_matched: n("yoy_matched"),
    yoy_current: n("yoy_current"),
    yoy_previous: n("yoy_previous"),
    // Not among this dataset's columns: reporting-punctuality carries punctuality.
    on_time: null,
    late: null,
    days_late: null,
  };
}

/**
 * A reporting-punctuality row's derived fields (src/lib/punctuality.ts): the deadline, the
 * villages missing, the mean days late and the share on time.
 */
function punctualityRow(row: Row, day: number): Row {
  const period = row.period as string;
  const tally = {
    villages: row.villages as number,
    onTime: row.on_time as number,
    late: row.late as number,
    daysLate: row.days_late as number,
  };
  // The as-of "today" only decides `due`, which this dataset does not carry.
  const p = punctualityFigures(period, tally, "9999-12-31", day);
  return {
    ...row,
    deadline: p.deadline,
    missing: p.missing,
    mean_days_late: p.mean_days_late,
    reported_on_time: p.reported_on_time.value,
  };
}

const SQL: Record<string, DatasetSql> = {
  regions: {
    from: "regions t",
    select: "t.code, t.name, t.level, t.parent_code, t.kind",
    key: ["t.code"],
    region: "t.code",
    period: null,
    asOf: null,
    live: "1 = 1",
  },
  // As of any moment there is exactly one row per (village, period), so those two columns
  // are a unique key, and the table's own key (village, period, recorded_at) serves that order.
  "village-income": {
    from: "income_returns t JOIN regions r ON r.code = t.village_code",
    select: `t.village_code, r.name AS village_name, t.period, t.total, t.operating,
      t.contracting, t.investment, t.subsidy, t.other, t.recorded_at, t.reason`,
    key: ["t.village_code", "t.period"],
    region: "t.village_code",
    period: "t.period",
    asOf: (p) => returnsAsOf("t", p),
    live: returnsAsOf("t", null),
  },
  "region-indicators": {
    from: "region_period_stats t JOIN regions r ON r.code = t.region_code",
    select: `t.region_code, r.name AS region_name, r.level, t.period, ${STATS_COLUMNS}`,
    key: ["t.region_code", "t.period"],
    region: "t.region_code",
    period: "t.period",
    asOf: (p) => statsAsOf("t", p),
    live: statsAsOf("t", null),
    derive: (row) => ({ ...row, ...derivedIndicators(rollupOf(row)) }),
  },
  // The same rows as region-indicators, but only those whose punctuality was counted.
  "reporting-punctuality": {
    from: "region_period_stats t JOIN regions r ON r.code = t.region_code",
    select: `t.region_code, r.name AS region_name, r.level, t.period, t.villages, t.on_time,
      t.late, t.days_late`,
    key: ["t.region_code", "t.period"],
    region: "t.region_code",
    period: "t.period",
    asOf: (p) => `${statsAsOf("t", p)} AND t.on_time IS NOT NULL`,
    live: `${statsAsOf("t", null)} AND t.on_time IS NOT NULL`,
    derive: (row, filters) => punctualityRow(row, filters.deadlineDay ?? DEFAULT_DEADLINE_DAY),
  },
  projects: {
    from: "projects t",
    select: `t.id, t.region_code, t.title, t.category, t.supporting_unit, t.batch, t.start_date,
      t.planned_completion, t.completed_date, t.budget, t.invested, t.progress, t.status, t.updated_at`,
    key: ["t.id"],
    region: "t.region_code",
    period: "substr(t.start_date, 1, 7)",
    // The join in asOfFrom already keeps only projects with an update recorded by then.
    asOf: (p) => `u.recorded_at <= ${p}`,
    live: "1 = 1",
    asOfFrom: projectsAsOfFrom,
    asOfSelect: () => PROJECTS_AS_OF_SELECT,
  },
  problems: {
    from: "problems t",
    select: `t.id, t.region_code, t.project_id, t.title, t.category, t.channel, t.raised_on,
      t.due_on, t.department, t.claimed_on, t.resolved_on, t.closed_on, t.status, t.updated_at`,
    key: ["t.id"],
    region: "t.region_code",
    period: "substr(t.raised_on, 1, 7)",
    asOf: (p) => `s.recorded_at <= ${p}`,
    live: "1 = 1",
    asOfFrom: problemsAsOfFrom,
    asOfSelect: problemsAsOfSelect,
  },
  "problem-events": {
    from: "problem_events t JOIN problems p ON p.id = t.problem_id",
    select: `t.id, t.problem_id, p.region_code, t.status, t.event_date, t.department, t.note,
      t.recorded_at`,
    key: ["t.id"],
    region: "p.region_code",
    period: "substr(t.event_date, 1, 7)",
    asOf: (p) => `t.recorded_at <= ${p}`,
    live: "1 = 1",
  },
  targets: {
    from: "targets t",
    select: `t.id, t.village_code, t.work_team_id, t.title, t.category, t.phase, t.measures,
      t.metric, t.unit, t.baseline, t.target, t.actual, t.due_on, t.signed_off_by, t.status,
      t.updated_at`,
    key: ["t.id"],
    region: "t.village_code",
    period: "substr(t.due_on, 1, 7)",
    asOf: (p) => `u.recorded_at <= ${p}`,
    live: "1 = 1",
    asOfFrom: targetsAsOfFrom,
    asOfSelect: () => TARGETS_AS_OF_SELECT,
  },
  "work-teams": {
    from: "work_teams t",
    select: `t.id, t.village_code, t.dispatching_unit, t.members, t.term_start, t.term_end,
      t.updated_at`,
    key: ["t.id"],
    region: "t.village_code",
    period: null,
    asOf: (p) => `w.recorded_at <= ${p}`,
    live: "1 = 1",
    asOfFrom: workTeamsAsOfFrom,
    asOfSelect: () => WORK_TEAMS_AS_OF_SELECT,
  },
  releases: {
    from: "releases t",
    select: "t.id, t.period, t.title, t.status, t.scheduled_at, t.published_at",
    key: ["t.id"],
    region: null,
    period: "t.period",
    // Releases announced by T (the calendar never deletes one).
    asOf: (p) => `t.created_at <= ${p}`,
    live: "1 = 1",
    asOfSelect: releasesAsOfSelect,
  },
};

export interface DatasetFilters {
  region?: string;
  from?: string;
  to?: string;
  /** The freeze moment of a release; live data when absent. */
  asOf?: string;
  /**
   * The reporting deadline's day of the month as configured (configuredDeadlineDay in
   * src/services/reporting-deadline.ts), for reporting-punctuality's deadline field;
   * DEFAULT_DEADLINE_DAY when absent.
   */
  deadlineDay?: number;
}

/** A position in a dataset: the key values of the last row read. */
export type Cursor = (string | number)[];

export interface Page {
  rows: Row[];
  /** Key of the last row when more rows may follow, else null. */
  next: Cursor | null;
}

/** Number of key columns of a dataset (to check a cursor's shape). */
export function keyLength(name: string): number {
  return SQL[name]?.key.length ?? 0;
}

/** The SQL text and bound values of one page; exported for the query-plan test. */
export function pageSql(
  def: DatasetDef,
  filters: DatasetFilters,
  after: Cursor | null,
  limit: number,
): { text: string; values: (string | number)[] } {
  const sql = SQL[def.name];
  if (!sql) throw new Error(`no SQL for dataset ${def.name}`);
  const where: string[] = [];
  const values: (string | number)[] = [];
  const bind = (value: string | number) => {
    values.push(value);
    return `?${values.length}`;
  };
  const asOf = filters.asOf && sql.asOf ? bind(filters.asOf) : null;
  where.push(asOf && sql.asOf ? sql.asOf(asOf) : sql.live);
  const from = asOf && sql.asOfFrom ? sql.asOfFrom(asOf) : sql.from;
  const select = asOf && sql.asOfSelect ? sql.asOfSelect(asOf) : sql.select;
  if (filters.region && sql.region) {
    const [low, high] = subtreeRange(filters.region);
    where.push(`${sql.region} >= ${bind(low)} AND ${sql.region} < ${bind(high)}`);
  }
  if (filters.from && sql.period) where.push(`${sql.period} >= ${bind(filters.from)}`);
  if (filters.to && sql.period) where.push(`${sql.period} <= ${bind(filters.to)}`);
  if (after) {
    const placeholders = after.map((v) => bind(v));
    where.push(`(${sql.key.join(", ")}) > (${placeholders.join(", ")})`);
  }
  const keyAliases = sql.key.map((k, i) => `${k} AS _k${i}`).join(", ");
  const text = `SELECT ${select}, ${keyAliases} FROM ${from}
    WHERE ${where.join(" AND ")} ORDER BY ${sql.key.join(", ")} LIMIT ${bind(limit + 1)}`;
  return { text, values };
}

/**
 * Reads one page of up to `limit` rows after `after`. One extra row is asked for, so
 * `next` is null exactly when the dataset ends here.
 */
export async function readPage(
  db: D1Database,
  def: DatasetDef,
  filters: DatasetFilters,
  after: Cursor | null,
  limit: number,
): Promise<Page> {
  const sql = SQL[def.name] as DatasetSql;
  const { text, values } = pageSql(def, filters, after, limit);
  const { results } = await db
    .prepare(text)
    .bind(...values)
    .all<Row>();
  const more = results.length > limit;
  const rows = more ? results.slice(0, limit) : results;
  const last = rows.at(-1);
  const next = more && last ? sql.key.map((_, i) => last[`_k${i}`] as string | number) : null;
  return {
    rows: rows.map((row) => pickFields(def, sql.derive ? sql.derive(row, filters) : row)),
    next,
  };
}

function pickFields(def: DatasetDef, row: Row): Row {
  return Object.fromEntries(def.fields.map((f) => [f.name, row[f.name] ?? null]));
}
