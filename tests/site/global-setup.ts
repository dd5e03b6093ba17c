/**
 * The site tests' server: the sample data in its own local D1 (.wrangler/test-state),
 * the production build of the Worker, served by wrangler on a free port. Tests reach it
 * over real HTTP at the URL provided as "baseUrl".
 */
import { spawn, spawnSync } from "node:child_process";
import { createServer } from "node:net";
import type { TestProject } from "vitest/node";
import { ensureDatabase } from "../../scripts/local-db.ts";
import { TEST_PERSIST_DIR } from "../support/sample-db.ts";

declare module "vitest" {
  export interface ProvidedContext {
    baseUrl: string;
  }
}

const env = {
  ...process.env,
  CLOUDFLARE_CF_FETCH_ENABLED: "false",
  WRANGLER_SEND_METRICS: "false",
  ASTRO_TELEMETRY_DISABLED: "1",
};

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer().listen(0, "127.0.0.1", () => {
      const address = server.address();
      server.close(() =>
        typeof address === "object" && address ? resolve(address.port) : reject(),
      );
    });
  });
}

async function waitForServer(url: string, ms: number): Promise<void> {
  const deadline = Date.now() + ms;
  while (Date.now() < deadline) {
    try {
      const response = await fetch(url);
      if (response.ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`the test server did not answer at ${url} within ${ms} ms`);
}

export default async function setup(project: TestProject) {
  ensureDatabase(TEST_PERSIST_DIR);
  const build = spawnSync("npx", ["astro", "build"], {
    stdio: ["ignore", "ignore", "inherit"],
    env,
  });
  if (build.status !== 0) throw new Error("astro build failed");

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
      TEST_PERSIST_DIR,
      "--log-level",
      "error",
      "--show-interactive-dev-session=false",
    ],
    // Its own process group, so that stopping it stops workerd too.
    { detached: true, stdio: ["ignore", "ignore", "inherit"], env },
  );
  const baseUrl = `http://127.0.0.1:${port}`;
  try {
    await waitForServer(`${baseUrl}/api/v1/regions/45`, 60_000);
  } catch (error) {
    if (server.pid) process.kill(-server.pid, "SIGTERM");
    throw error;
  }
  project.provide("baseUrl", baseUrl);

  return () => {
    if (server.pid) process.kill(-server.pid, "SIGTERM");
  };
}
