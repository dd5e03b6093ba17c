/**
 * Serving a production build with wrangler, for `npm start`, the benchmarks and the site
 * tests: one place that builds, picks a free port, starts the server in its own process
 * group (so that stopping it stops workerd too) and waits until the API answers.
 */
import { spawn, spawnSync } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { createInterface } from "node:readline";
import { ensureDatabase } from "./local-db.ts";

export const SCRIPT_ENV = {
  ...process.env,
  CLOUDFLARE_CF_FETCH_ENABLED: "false",
  WRANGLER_SEND_METRICS: "false",
  ASTRO_TELEMETRY_DISABLED: "1",
};

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer().listen(0, "127.0.0.1", () => {
      const address = server.address();
      server.close(() =>
        typeof address === "object" && address ? resolve(address.port) : reject(),
      );
    });
  });
}

/** Builds the site into `outDir` (dist by default); throws when the build fails. */
export function buildSite(outDir?: string): void {
  const args = ["astro", "build", ...(outDir ? ["--outDir", outDir] : [])];
  const build = spawnSync("npx", args, { stdio: ["ignore", "ignore", "inherit"], env: SCRIPT_ENV });
  if (build.status !== 0) throw new Error("astro build failed");
}

export interface Served {
  base: string;
  /** The server's process group (wrangler and its workerd). */
  pid: number;
  stop: () => void;
}

/**
 * Serves an existing build (`dist` unless told) on a free port with the local D1 state in
 * `persistTo`, and waits up to `waitMs` for /api/v1/regions/45 to answer.
 */
export async function serve(
  options: {
    persistTo?: string;
    outDir?: string;
    waitMs?: number;
    onStop?: () => void;
    /** Put before each line of the server's error output (a test that causes errors). */
    errorLabel?: string;
    /** More wrangler vars (e.g. a limit raised for a benchmark). */
    vars?: Record<string, string>;
  } = {},
): Promise<Served> {
  const { persistTo = ".wrangler/state", outDir = "dist", waitMs = 60_000, onStop } = options;
  const port = await freePort();
  const base = `http://127.0.0.1:${port}`;
  const server = spawn(
    "npx",
    [
      "wrangler",
      "dev",
      "--config",
      join(outDir, "server", "wrangler.json"),
      "--port",
      String(port),
      "--ip",
      "127.0.0.1",
      "--persist-to",
      persistTo,
      "--log-level",
      "error",
      "--show-interactive-dev-session=false",
      // GET /cdn-cgi/handler/scheduled runs the Cron Trigger (local only): see runCron.
      "--test-scheduled",
      // Permanent links name this server, whatever address a request used (src/lib/origin.ts).
      "--var",
      `CANONICAL_ORIGIN:${base}`,
      ...Object.entries(options.vars ?? {}).flatMap(([name, value]) => [
        "--var",
        `${name}:${value}`,
      ]),
    ],
    { detached: true, stdio: ["ignore", "ignore", "pipe"], env: SCRIPT_ENV },
  );
  const errors = passServerErrors(server.stderr, options.errorLabel ?? "");
  const stop = () => {
    // What wrangler says while it is being stopped (its bundler gone first) is not news.
    errors?.close();
    try {
      if (server.pid) process.kill(-server.pid, "SIGTERM");
    } catch {
      // already gone
    }
    onStop?.();
  };
  const deadline = Date.now() + waitMs;
  while (Date.now() < deadline) {
    try {
      if ((await fetch(`${base}/api/v1/regions/45`)).ok)
        return { base, pid: server.pid ?? 0, stop };
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  stop();
  throw new Error(`the server did not answer at ${base} within ${waitMs} ms`);
}

/**
 * Runs the Cron Trigger once on a server started with --test-scheduled (as serve() and
 * `npm start` do): it publishes what is due and starts the build of the bulk files of the
 * newest release without them; each build then starts the next (src/services/cron.ts).
 */
export async function runCron(base: string): Promise<void> {
  const response = await fetch(
    `${base}/cdn-cgi/handler/scheduled?cron=${encodeURIComponent("*/5 * * * *")}`,
  );
  await response.arrayBuffer();
  if (!response.ok) throw new Error(`the Cron Trigger answered ${response.status}`);
}

/**
 * The server's error output, without workerd's report of a client that hung up while it
 * wrote (a load tool closing its connections at the end of a run is expected, not an error).
 */
function passServerErrors(stderr: NodeJS.ReadableStream | null, label: string) {
  if (!stderr) return null;
  let hungUp = false;
  const lines = createInterface({ input: stderr });
  lines.on("line", (line) => {
    // A client that hung up mid-answer (a benchmark's clients stopping) is not news.
    if (/disconnected: write\(\): (Broken pipe|Connection reset by peer)/.test(line)) hungUp = true;
    else if (hungUp && (/^\s*$/.test(line) || /^\s*stack: /.test(line))) return;
    else hungUp = false;
    if (!hungUp) process.stderr.write(`${label}${line}\n`);
  });
  return lines;
}

/**
 * For the benchmarks: builds into a directory of its own (so that another build of the
 * same checkout cannot change the files under the running server) and serves it with the
 * local sample data, as `npm start` does.
 */
export async function serveBuild(): Promise<Served> {
  ensureDatabase();
  const outDir = mkdtempSync(join(tmpdir(), "village-ledger-build-"));
  buildSite(outDir);
  return serve({ outDir, onStop: () => rmSync(outDir, { recursive: true, force: true }) });
}
