/**
 * `npm start`: the site with its sample data at http://localhost:8787 (PORT overrides).
 * Creates and loads the local D1 database on first start, builds the Worker, serves it.
 */
import { spawn } from "node:child_process";
import { sampleSignInHelp } from "./admin.ts";
import { readdirSync } from "node:fs";
import { join } from "node:path";
import { DatabaseSync } from "node:sqlite";
import { DEFAULT_PERSIST, ensureDatabase } from "./local-db.ts";
import { buildSite, runCron, SCRIPT_ENV as env } from "./serve-build.ts";

const port = process.env.PORT ?? "8787";

ensureDatabase();
giveUpInterruptedBuilds(DEFAULT_PERSIST);
console.log("Building the site…");
buildSite();

console.log(`Serving on http://localhost:${port} (Ctrl-C stops).`);
// The sample accounts exist only in the local sample database (scripts/sample-data/releases.ts).
console.log(sampleSignInHelp(`http://localhost:${port}`));
const server = spawn(
  "npx",
  [
    "wrangler",
    "dev",
    "--config",
    "dist/server/wrangler.json",
    "--port",
    port,
    "--persist-to",
    ".wrangler/state",
    "--log-level",
    "warn",
    "--show-interactive-dev-session=false",
    "--test-scheduled",
    // Permanent links name this local site (src/lib/origin.ts), not the deployed one.
    "--var",
    `CANONICAL_ORIGIN:http://localhost:${port}`,
  ],
  { stdio: "inherit", env },
);
for (const signal of ["SIGINT", "SIGTERM"] as const) process.on(signal, () => server.kill(signal));
server.on("exit", (code) => process.exit(code ?? 0));
void startBulkBuilds(`http://localhost:${port}`);

/**
 * Runs the Cron Trigger once the server answers (wrangler dev does not run it on its own):
 * it starts writing the bulk files of the published releases that have none, newest first,
 * one release after another, in the background; they persist in .wrangler/state.
 */
async function startBulkBuilds(base: string): Promise<void> {
  for (let tries = 0; tries < 240; tries++) {
    try {
      if ((await fetch(`${base}/api/v1/regions/45`)).ok) {
        await runCron(base);
        console.log("Bulk files (/data/bulk/…): written in the background, newest release first.");
        return;
      }
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 500));
  }
  console.warn("The server did not answer: bulk files were not started.");
}

/**
 * A bulk-file build that was running when the server was last stopped never resumes
 * locally (its instance says "running" for ever): marked stalled here, so that the Cron
 * Trigger run at start gives it up and builds that release again (src/services/bulk-schedule.ts).
 */
function giveUpInterruptedBuilds(persistTo: string): void {
  const dir = join(persistTo, "v3", "d1", "miniflare-D1DatabaseObject");
  const file = readdirSync(dir).find((f) => f.endsWith(".sqlite") && f !== "metadata.sqlite");
  if (!file) return;
  const db = new DatabaseSync(join(dir, file));
  try {
    db.prepare(
      "UPDATE bulk_builds SET progress_at = '1970-01-01T00:00:00Z' WHERE status = 'building'",
    ).run();
  } finally {
    db.close();
  }
}
