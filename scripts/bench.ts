/**
 * `npm run bench`: server time and page weight, printed as figures (not a timed test).
 * Each path's D1 queries and round trips come from its Server-Timing header, its times
 * also as a ratio to a static file's median measured in the same run.
 *
 * Builds the Worker, serves it with the local sample data (as `npm start` does) on a free
 * port, then for each path: median and 95th percentile of the time to the complete
 * response over N sequential requests after a warm-up, the gzipped HTML size, and the
 * gzipped size of the JavaScript the page loads, each checked against the budgets:
 * HTML under 30 KB gzipped, JavaScript under 80 KB gzipped, and JavaScript only on pages
 * with charts or live search. Lighthouse: `npm run bench:lighthouse`.
 */
import { gzipSync } from "node:zlib";
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
  ["/", "none"],
  ["/search?q=lz", "search"],
  ["/rankings", "none"],
  ["/methodology", "none"],
  ["/en/methodology", "none"],
];

function quantile(sorted: number[], q: number): number {
  return sorted[Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1)] ?? NaN;
}

async function timeRequests(url: string): Promise<number[]> {
  for (let i = 0; i < 5; i++) await (await fetch(url)).arrayBuffer(); // warm-up
  const times: number[] = [];
  for (let i = 0; i < N; i++) {
    const started = performance.now();
    const response = await fetch(url);
    await response.arrayBuffer();
    times.push(performance.now() - started);
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

async function main() {
  const { base, stop } = await serveBuild();
  const broken: string[] = [];
  try {
    console.log(
      `Local wrangler dev (workerd + local D1), production build, ${N} sequential requests per path after 5 warm-up.`,
    );
    console.log(
      "Budgets: HTML < 30 KB gz, JS < 80 KB gz, JS only on pages with charts or search.\n",
    );
    // A static file in the same run: the unit the page times are read against.
    const asset = quantile(await timeRequests(`${base}/favicon.svg`), 0.5);
    console.log(`static asset /favicon.svg: median ${asset.toFixed(1)} ms (= 1×)\n`);
    console.log(
      "path".padEnd(36) +
        "queries".padStart(8) +
        "trips".padStart(6) +
        "median ms".padStart(10) +
        "p95 ms".padStart(10) +
        "× asset".padStart(9) +
        "HTML gz KB".padStart(12) +
        "JS gz KB".padStart(10) +
        "  budgets",
    );
    for (const [path, js] of PATHS) {
      const first = await fetch(base + path);
      await first.arrayBuffer();
      if (first.status === 404) {
        console.log(path.padEnd(36) + "  (not built yet: 404)");
        continue;
      }
      const cost = parseServerTiming(first.headers.get("Server-Timing"));
      const times = await timeRequests(base + path);
      const weight = path.startsWith("/api/") ? null : await pageWeight(base, path);
      const flags = weight ? budgetFlags(weight, js) : [];
      if (flags.length) broken.push(`${path}: ${flags.join(", ")}`);
      console.log(
        path.padEnd(36) +
          String(cost.queries).padStart(8) +
          String(cost.roundTrips).padStart(6) +
          quantile(times, 0.5).toFixed(1).padStart(10) +
          quantile(times, 0.95).toFixed(1).padStart(10) +
          (quantile(times, 0.5) / asset).toFixed(1).padStart(9) +
          (weight ? (weight.html / 1024).toFixed(1) : "-").padStart(12) +
          (weight ? (weight.js / 1024).toFixed(1) : "-").padStart(10) +
          (weight ? (flags.length ? `  OVER: ${flags.join(", ")}` : "  ok") : ""),
      );
    }
    console.log(
      broken.length ? `\nBudgets broken:\n  ${broken.join("\n  ")}` : "\nAll pages within budget.",
    );
  } finally {
    stop();
  }
}

await main();
