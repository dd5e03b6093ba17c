/**
 * `npm run bench`: what each page costs, printed as figures (not a timed test).
 *
 * Builds the Worker, serves it with the local sample data (as `npm start` does) on a free
 * port, then for each path: its D1 queries and round trips (from its Server-Timing
 * header); the median and 95th percentile of the time to the complete response over N
 * sequential requests after a warm-up, when the edge cache misses (a query string no page
 * reads makes each request a new URL) and when it hits, as ratios to a static file's
 * median in the same run; the gzipped HTML and the gzipped JavaScript the page loads.
 * Then the county page and the static file under 20 concurrent clients (autocannon).
 * Budgets (issue 10): a cached county page ≤ 1.5× the static file; an uncached region
 * page ≤ 2 round trips, ≤ 6 queries and ≤ 3× the static file; the county page under load
 * ≥ 50% of the static file's throughput with no errors; HTML < 30 KB and JS < 80 KB
 * gzipped, JS only on pages with charts or live search. The last line is
 * `bench: PASS` or `bench: FAIL <budgets>`. Lighthouse: `npm run bench:lighthouse`.
 */
import { gzipSync } from "node:zlib";
import autocannon from "autocannon";
import { parseServerTiming } from "../src/lib/request-metrics.ts";
import { serveBuild } from "./serve-build.ts";

const N = Number(process.env.BENCH_REQUESTS ?? 50);
const HTML_BUDGET = 30 * 1024;
const JS_BUDGET = 80 * 1024;
/** Each page, and whether it may load JavaScript (charts or live search) or must not. */
const PATHS: [path: string, js: "charts" | "search" | "none"][] = [
  ["/r/450422", "charts"],
  ["/api/v1/regions/450422/summary", "none"],
  ["/r/45", "charts"],
  ["/r/450422104", "charts"],
  ["/r/450422104211", "charts"],
  ["/en/r/450422", "charts"],
  ["/api/v1/regions/45/summary", "none"],
  ["/", "search"], // the home page has the live search box
  ["/search?q=lz", "search"],
  ["/rankings", "none"],
  ["/methodology", "none"],
  ["/en/methodology", "none"],
  // Floors, for reading the figures above: what the Worker costs with no D1 read and
  // almost nothing to render, and with one small D1 read (one round trip, a little JSON).
  ["/robots.txt", "none"],
  ["/api/v1/regions/45", "none"],
];

function quantile(sorted: number[], q: number): number {
  return sorted[Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1)] ?? NaN;
}

/** The most common value. */
function mode(values: number[]): number {
  const counts = new Map<number, number>();
  for (const v of values) counts.set(v, (counts.get(v) ?? 0) + 1);
  return [...counts].sort((a, b) => b[1] - a[1] || a[0] - b[0])[0]?.[0] ?? NaN;
}

/** D1 queries and round trips of each timed request, from its Server-Timing. */
const seenCosts: { queries: number; roundTrips: number }[] = [];

/** Sequential request times; `fresh` gives each request a URL of its own (a cache miss). */
async function timeRequests(url: string, fresh = false): Promise<number[]> {
  const nth = (i: number) => (fresh ? `${url}${url.includes("?") ? "&" : "?"}bench=${i}` : url);
  for (let i = 0; i < 5; i++) await (await fetch(nth(-1 - i))).arrayBuffer(); // warm-up
  const times: number[] = [];
  for (let i = 0; i < N; i++) {
    const started = performance.now();
    const response = await fetch(nth(i));
    await response.arrayBuffer();
    times.push(performance.now() - started);
    seenCosts.push(parseServerTiming(response.headers.get("Server-Timing")));
    if (!response.ok) throw new Error(`${url} answered ${response.status}`);
  }
  return times.sort((a, b) => a - b);
}

async function pageWeight(base: string, path: string): Promise<{ html: number; js: number }> {
  const html = await (await fetch(base + path)).text();
  const scripts = [...html.matchAll(/<script[^>]+src="([^"]+)"/g)].map((m) => m[1] as string);
  const seen = new Set<string>();
  let js = 0;
  // Follow static imports of each module so that shared chunks count once.
  const queue = [...scripts];
  while (queue.length) {
    const src = queue.shift() as string;
    const url = new URL(src, base + path).href;
    if (seen.has(url)) continue;
    seen.add(url);
    const code = await (await fetch(url)).text();
    js += gzipSync(code).length;
    // Static and dynamic imports: a chart chunk loaded on demand still counts.
    for (const m of code.matchAll(/(?:import\s*\(?|from)\s*["'`]([^"'`]+\.js)["'`]/g))
      queue.push(new URL(m[1] as string, url).href);
  }
  return { html: gzipSync(html).length, js };
}

/** The budgets a page breaks, as short flags. */
function budgetFlags(weight: { html: number; js: number }, js: string): string[] {
  const flags: string[] = [];
  if (weight.html >= HTML_BUDGET) flags.push("HTML ≥ 30 KB");
  if (weight.js >= JS_BUDGET) flags.push("JS ≥ 80 KB");
  if (weight.js > 0 && js === "none") flags.push("JS on a page without charts or search");
  return flags;
}

/** Requests per second under `connections` concurrent clients for `seconds`. */
async function throughput(url: string, connections = 20, seconds = 10) {
  // As browsers ask: a page kept gzipped is sent gzipped.
  const headers = { "accept-encoding": "gzip, deflate, br" };
  const result = await autocannon({ url, connections, duration: seconds, headers });
  return {
    perSecond: result.requests.average,
    errors: result.errors + result.timeouts + result.non2xx,
  };
}

const ratio = (x: number, unit: number) => (x / unit).toFixed(1);

async function main() {
  const { base, stop } = await serveBuild();
  const broken: string[] = [];
  try {
    console.log(
      `Local wrangler dev (workerd + local D1), production build, ${N} sequential requests per path and case after 5 warm-up.\n` +
        "queries, trips: the first request of a path / the usual cache miss.",
    );
    // The data version is read once per 5 s per isolate (src/services/page-cache.ts): read
    // it now, so that the first page's figures are its own reads.
    await (await fetch(`${base}/methodology?bench=warm`)).arrayBuffer();
    // A static file in the same run: the unit the page times are read against.
    const assetTimes = await timeRequests(`${base}/favicon.svg`);
    const asset = quantile(assetTimes, 0.5);
    console.log(
      `static file /favicon.svg: median ${asset.toFixed(1)} ms, p95 ${quantile(assetTimes, 0.95).toFixed(1)} ms (= 1×)\n`,
    );
    console.log(
      "path".padEnd(34) +
        "queries".padStart(8) +
        "trips".padStart(6) +
        "miss med×".padStart(10) +
        "p95×".padStart(7) +
        "hit med×".padStart(9) +
        "p95×".padStart(7) +
        "HTML gz KB".padStart(11) +
        "JS gz KB".padStart(9) +
        "  budgets",
    );
    for (const [path, js] of PATHS) {
      const first = await fetch(`${base}${path}${path.includes("?") ? "&" : "?"}bench=first`);
      await first.arrayBuffer();
      if (first.status === 404) {
        console.log(path.padEnd(34) + "  (not built yet: 404)");
        continue;
      }
      const cost = parseServerTiming(first.headers.get("Server-Timing"));
      seenCosts.length = 0;
      const miss = await timeRequests(base + path, true);
      // The usual miss's cost; the first request's can include the data version's read.
      const usual = {
        queries: mode(seenCosts.map((c) => c.queries)),
        roundTrips: mode(seenCosts.map((c) => c.roundTrips)),
      };
      const hit = await timeRequests(base + path);
      const weight = path.startsWith("/api/") ? null : await pageWeight(base, path);
      const flags = weight ? budgetFlags(weight, js) : [];
      if (path.startsWith("/r/") || path.startsWith("/en/r/")) {
        if (cost.queries > 6) flags.push(`${cost.queries} queries > 6`);
        if (cost.roundTrips > 2) flags.push(`${cost.roundTrips} round trips > 2`);
        if (quantile(miss, 0.5) > 3 * asset) flags.push("miss > 3× static");
      }
      if (path === "/r/450422" && quantile(hit, 0.5) > 1.5 * asset) flags.push("hit > 1.5× static");
      if (flags.length) broken.push(`${path}: ${flags.join(", ")}`);
      console.log(
        path.padEnd(34) +
          `${cost.queries}/${usual.queries}`.padStart(8) +
          `${cost.roundTrips}/${usual.roundTrips}`.padStart(6) +
          ratio(quantile(miss, 0.5), asset).padStart(10) +
          ratio(quantile(miss, 0.95), asset).padStart(7) +
          ratio(quantile(hit, 0.5), asset).padStart(9) +
          ratio(quantile(hit, 0.95), asset).padStart(7) +
          (weight ? (weight.html / 1024).toFixed(1) : "-").padStart(11) +
          (weight ? (weight.js / 1024).toFixed(1) : "-").padStart(9) +
          (flags.length ? `  OVER: ${flags.join(", ")}` : "  ok"),
      );
    }
    console.log("\nUnder 20 concurrent clients for 10 s (autocannon):");
    const staticLoad = await throughput(`${base}/favicon.svg`);
    const county = await throughput(`${base}/r/450422`);
    const share = county.perSecond / staticLoad.perSecond;
    console.log(
      `  static file  ${staticLoad.perSecond.toFixed(0).padStart(6)} req/s, ${staticLoad.errors} errors\n` +
        `  /r/450422    ${county.perSecond.toFixed(0).padStart(6)} req/s, ${county.errors} errors (${(share * 100).toFixed(0)}% of the static file's)`,
    );
    if (share < 0.5 || county.errors > 0) {
      broken.push(
        `/r/450422 under load: ${(share * 100).toFixed(0)}% of static, ${county.errors} errors`,
      );
    }
    console.log(
      broken.length ? `\nBudgets broken:\n  ${broken.join("\n  ")}` : "\nAll within budget.",
    );
    console.log(broken.length ? `bench: FAIL ${broken.length} budget(s)` : "bench: PASS");
    if (broken.length) process.exitCode = 1;
  } finally {
    stop();
  }
}

await main();
