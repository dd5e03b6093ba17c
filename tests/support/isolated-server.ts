/**
 * A second server for site tests that write: the same built Worker, served by wrangler on
 * a copy of the sample database, so that their writes never reach the database the other
 * site tests read (nor the next run). Needs the build made by tests/site/global-setup.ts.
 */
import { spawn } from "node:child_process";
import { cpSync, mkdtempSync, rmSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { TEST_PERSIST_DIR } from "./sample-db.ts";

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

export interface IsolatedServer {
  baseUrl: string;
  persistTo: string;
  stop: () => void;
}

export async function startIsolatedServer(): Promise<IsolatedServer> {
  const persistTo = mkdtempSync(join(tmpdir(), "ledger-site-"));
  cpSync(TEST_PERSIST_DIR, persistTo, { recursive: true });
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
      persistTo,
      "--log-level",
      "error",
      "--show-interactive-dev-session=false",
    ],
    {
      detached: true,
      stdio: ["ignore", "ignore", "inherit"],
      env: { ...process.env, CLOUDFLARE_CF_FETCH_ENABLED: "false", WRANGLER_SEND_METRICS: "false" },
    },
  );
  const stop = () => {
    if (server.pid) {
      try {
        process.kill(-server.pid, "SIGTERM");
      } catch {
        // already gone
      }
    }
    rmSync(persistTo, { recursive: true, force: true });
  };
  const baseUrl = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 60_000;
  while (Date.now() < deadline) {
    try {
      if ((await fetch(`${baseUrl}/api/v1/regions/45`)).ok) return { baseUrl, persistTo, stop };
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  stop();
  throw new Error(`the isolated test server did not answer at ${baseUrl}`);
}
