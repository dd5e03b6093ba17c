/**
 * `npm run bench`: server time and page weight, printed as figures (not a timed test).
 *
 * Builds the Worker, serves it with the local sample data (as `npm start` does) on a free
 * port, then for each path: median and 95th percentile of the time to the complete
 * response over N sequential requests after a warm-up, the gzipped HTML size, and the
 * gzipped size of the JavaScript the page loads.
 */
import { spawn, spawnSync } from "node:child_process";
import { createServer } from "node:net";
import { gzipSync } from "node:zlib";
import { ensureDatabase } from "./local-db.ts";

const N = Number(process.env.BENCH_REQUESTS ?? 50);
const PATHS = [
  "/r/450422",
  "/api/v1/regions/450422/summary",
  "/r/45",
  "/r/450422104",
  "/r/450422104211",
  "/api/v1/regions/45/summary",
  "/",
];
const env = {
  ...process.env,
  CLOUDFLARE_CF_FETCH_ENABLED: "false",
  WRANGLER_SEND_METRICS: "false",
  ASTRO_TELEMETRY_DISABLED: "1",
};

function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const server = createServer().listen(0, "127.0.0.1", () => {
      const address = server.address();
      server.close(() => resolve(typeof address === "object" && address ? address.port : 0));
    });
  });
}

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
    for (const m of code.matchAll(/(?:import|from)\s*["']([^"']+\.js)["']/g))
      queue.push(new URL(m[1] as string, url).href);
  }
  return { html: gzipSync(html).length, js };
}

async function main() {
  ensureDatabase();
  const build = spawnSync("npx", ["astro", "build"], {
    stdio: ["ignore", "ignore", "inherit"],
    env,
  });
  if (build.status !== 0) process.exit(1);
  const port = await freePort();
  const server = spawn(
    "npx",
    [
      "wrangler",
      "dev",
      "--config",
      "dist/server/wrangler.json",
      "--port",
      String(port),
      "--ip",
      "127.0.0.1",
      "--persist-to",
      ".wrangler/state",
      "--log-level",
      "error",
      "--show-interactive-dev-session=false",
    ],
    { detached: true, stdio: "ignore", env },
  );
  const base = `http://127.0.0.1:${port}`;
  try {
    for (let i = 0; i < 240; i++) {
      try {
        if ((await fetch(`${base}/api/v1/regions/45`)).ok) break;
      } catch {
        // not up yet
      }
      await new Promise((r) => setTimeout(r, 250));
    }
    console.log(
      `Local wrangler dev (workerd + local D1), production build, ${N} sequential requests per path after 5 warm-up.\n`,
    );
    console.log(
      "path".padEnd(36) +
        "median ms".padStart(10) +
        "p95 ms".padStart(10) +
        "HTML gz KB".padStart(12) +
        "JS gz KB".padStart(10),
    );
    for (const path of PATHS) {
      const times = await timeRequests(base + path);
      const weight = path.startsWith("/api/") ? null : await pageWeight(base, path);
      console.log(
        path.padEnd(36) +
          quantile(times, 0.5).toFixed(1).padStart(10) +
          quantile(times, 0.95).toFixed(1).padStart(10) +
          (weight ? (weight.html / 1024).toFixed(1) : "-").padStart(12) +
          (weight ? (weight.js / 1024).toFixed(1) : "-").padStart(10),
      );
    }
  } finally {
    if (server.pid) process.kill(-server.pid, "SIGTERM");
  }
}

await main();
