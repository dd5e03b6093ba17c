/**
 * `npm run bench:load [-- --seconds S --connections C]`: the site under load, printed as
 * figures (not a timed test).
 *
 * Builds the Worker into a directory of its own, raises the API's and the downloads' rate
 * limits in that build's configuration (only for this run: the limits are tested on their
 * own, 429 with Retry-After, in tests/api/rate-limit.test.ts), serves it with the local
 * sample data and drives each page kind and main API call with 50 concurrent clients for
 * 30 s (autocannon), after a static file as the unit. Prints requests per second and the
 * latency percentiles (p50, p90, p99, max) of each; any error, timeout or answer that is
 * not 2xx fails the run. The last line is `bench:load: PASS` or `bench:load: FAIL …`.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import autocannon from "autocannon";
import { ensureDatabase } from "./local-db.ts";
import { buildSite, serve } from "./serve-build.ts";

function option(name: string, fallback: number): number {
  const args = process.argv.slice(2);
  const at = args.indexOf(`--${name}`);
  const value = at >= 0 ? Number(args[at + 1]) : fallback;
  if (!(value > 0)) {
    console.error(`--${name} takes a positive number (got ${args[at + 1]})`);
    process.exit(2);
  }
  return value;
}

const SECONDS = option("seconds", 30);
const CONNECTIONS = option("connections", 50);

/** What is driven: one of each page kind, then the main API calls. */
const TARGETS = [
  "/favicon.svg",
  "/",
  "/r/45",
  "/r/450422",
  "/r/450422104",
  "/r/450422104211",
  "/en/r/450422",
  "/r/450422/projects",
  "/r/450422104/problems",
  "/rankings",
  "/search?q=藤县",
  "/bulletins/2",
  "/releases/2026-10",
  "/data",
  "/methodology",
  "/api/v1/regions/450422/summary",
  "/api/v1/regions/450422/children",
  "/api/v1/regions/450422/series?indicator=income_total",
  "/api/v1/rankings?level=county",
  "/api/v1/search?q=藤县",
  "/api/v1/datasets/regions.csv?region=450422104",
];

/** The built Worker's configuration with rate limits no load run reaches. */
function raiseRateLimits(outDir: string): void {
  const file = join(outDir, "server", "wrangler.json");
  const config = JSON.parse(readFileSync(file, "utf8")) as {
    ratelimits?: { simple: { limit: number } }[];
  };
  for (const limiter of config.ratelimits ?? []) limiter.simple.limit = 100_000_000;
  writeFileSync(file, JSON.stringify(config));
}

async function main() {
  ensureDatabase();
  const outDir = mkdtempSync(join(tmpdir(), "ledger-load-"));
  buildSite(outDir);
  raiseRateLimits(outDir);
  const { base, stop } = await serve({
    outDir,
    onStop: () => rmSync(outDir, { recursive: true, force: true }),
  });
  const broken: string[] = [];
  try {
    console.log(
      `Local wrangler dev (workerd + local D1), production build, sample data; ` +
        `${CONNECTIONS} concurrent clients for ${SECONDS} s per address (autocannon), rate limits raised.\n`,
    );
    console.log(
      `${"address".padEnd(52)} ${"req/s".padStart(7)} ${"p50 ms".padStart(7)} ${"p90 ms".padStart(7)} ${"p99 ms".padStart(7)} ${"max ms".padStart(7)}  errors`,
    );
    let unit = NaN;
    for (const path of TARGETS) {
      // One request first: the page is rendered and kept, as for any reader after the first.
      await (await fetch(`${base}${encodeURI(path)}`)).arrayBuffer();
      const result = await autocannon({
        url: `${base}${encodeURI(path)}`,
        connections: CONNECTIONS,
        duration: SECONDS,
        headers: { "Accept-Encoding": "gzip" },
      });
      const failures = result.errors + result.timeouts + result.non2xx;
      const rps = result.requests.average;
      if (Number.isNaN(unit)) unit = rps;
      const l = result.latency;
      console.log(
        `${path.padEnd(52)} ${rps.toFixed(0).padStart(7)} ${l.p50.toFixed(0).padStart(7)} ${l.p90.toFixed(0).padStart(7)} ${l.p99.toFixed(0).padStart(7)} ${l.max.toFixed(0).padStart(7)}  ${failures}` +
          (path === TARGETS[0]
            ? "  (the unit)"
            : `  (${((rps / unit) * 100).toFixed(0)}% of the static file's)`),
      );
      if (failures > 0) {
        broken.push(
          `${path}: ${result.errors} errors, ${result.timeouts} timeouts, ${result.non2xx} not 2xx`,
        );
      }
    }
    console.log(broken.length ? `\nFailures:\n  ${broken.join("\n  ")}` : "\nNo errors.");
    console.log(
      broken.length ? `bench:load: FAIL ${broken.length} address(es)` : "bench:load: PASS",
    );
    if (broken.length) process.exitCode = 1;
  } finally {
    stop();
  }
}

await main();
