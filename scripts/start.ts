/**
 * `npm start`: the site with its sample data at http://localhost:8787 (PORT overrides).
 * Creates and loads the local D1 database on first start, builds the Worker, serves it.
 */
import { spawn } from "node:child_process";
import { sampleSignInHelp } from "./admin.ts";
import { ensureDatabase } from "./local-db.ts";
import { buildSite, SCRIPT_ENV as env } from "./serve-build.ts";

const port = process.env.PORT ?? "8787";

ensureDatabase();
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
  ],
  { stdio: "inherit", env },
);
for (const signal of ["SIGINT", "SIGTERM"] as const) process.on(signal, () => server.kill(signal));
server.on("exit", (code) => process.exit(code ?? 0));
