/**
 * Builds the Worker and serves the production build with wrangler on a free port, with the
 * local sample data (as `npm start` does), for the benchmark scripts. The server runs in
 * its own process group so that stopping it stops workerd too.
 */
import { spawn, spawnSync } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { ensureDatabase } from "./local-db.ts";

export const SCRIPT_ENV = {
  ...process.env,
  CLOUDFLARE_CF_FETCH_ENABLED: "false",
  WRANGLER_SEND_METRICS: "false",
  ASTRO_TELEMETRY_DISABLED: "1",
};

export function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const server = createServer().listen(0, "127.0.0.1", () => {
      const address = server.address();
      server.close(() => resolve(typeof address === "object" && address ? address.port : 0));
    });
  });
}

export interface Served {
  base: string;
  stop: () => void;
}

/**
 * Builds into a directory of its own (so that another build of the same checkout cannot
 * change the files under the running server), starts wrangler and waits for the API.
 */
export async function serveBuild(): Promise<Served> {
  ensureDatabase();
  const outDir = mkdtempSync(join(tmpdir(), "village-ledger-build-"));
  const build = spawnSync("npx", ["astro", "build", "--outDir", outDir], {
    stdio: ["ignore", "ignore", "inherit"],
    env: SCRIPT_ENV,
  });
  if (build.status !== 0) process.exit(1);
  const port = await freePort();
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
      ".wrangler/state",
      "--log-level",
      "error",
      "--show-interactive-dev-session=false",
    ],
    { detached: true, stdio: ["ignore", "ignore", "inherit"], env: SCRIPT_ENV },
  );
  const stop = () => {
    try {
      if (server.pid) process.kill(-server.pid, "SIGTERM");
    } catch {
      // already gone
    }
    rmSync(outDir, { recursive: true, force: true });
  };
  const base = `http://127.0.0.1:${port}`;
  for (let i = 0; i < 240; i++) {
    try {
      if ((await fetch(`${base}/api/v1/regions/45`)).ok) return { base, stop };
    } catch {
      // not up yet
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  stop();
  throw new Error(`the server did not answer at ${base}`);
}
