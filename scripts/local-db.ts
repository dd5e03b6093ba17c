/**
 * The local D1 database with the sample data.
 *
 *   node scripts/local-db.ts ensure [--persist-to DIR]   create and load it unless loaded
 *   node scripts/local-db.ts reset  [--persist-to DIR]   rebuild it from scratch
 *
 * It writes through wrangler's own local D1 (the same SQLite that `wrangler dev` and
 * `astro preview` serve), applying the real migrations and then the generated sample SQL.
 */
import { spawnSync } from "node:child_process";
import { createHash } from "node:crypto";
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { writeSampleSql } from "./sample-data/generate.ts";

export const DEFAULT_PERSIST = ".wrangler/state";
const MARKER = "sample-data.json";

/**
 * A fingerprint of what the data is made from (migrations, generator, indicator code), so
 * that a database loaded by older code is rebuilt rather than served stale.
 */
export function dataFingerprint(): string {
  const hash = createHash("sha256");
  const files = ["migrations", "scripts/sample-data"].flatMap((dir) =>
    readdirSync(dir, { withFileTypes: true })
      .filter((f) => f.isFile())
      .map((f) => join(dir, f.name)),
  );
  files.push("src/lib/indicators.ts", "src/lib/codes.ts", "src/lib/periods.ts");
  files.push("src/lib/search-terms.ts");
  for (const file of files.sort()) hash.update(file).update(readFileSync(file));
  return hash.digest("hex").slice(0, 16);
}

function readMarker(persistTo: string): { loadedAt: string; fingerprint: string } | null {
  const file = join(persistTo, MARKER);
  return existsSync(file) ? JSON.parse(readFileSync(file, "utf8")) : null;
}

function wrangler(args: string[], persistTo: string): void {
  const result = spawnSync("npx", ["wrangler", ...args, "--local", "--persist-to", persistTo], {
    stdio: ["ignore", "ignore", "inherit"],
    env: { ...process.env, CLOUDFLARE_CF_FETCH_ENABLED: "false", WRANGLER_SEND_METRICS: "false" },
  });
  if (result.status !== 0) throw new Error(`wrangler ${args.join(" ")} failed (${result.status})`);
}

/** A new, empty local D1 database under `persistTo` with the real migrations applied. */
export function migrateEmptyDatabase(persistTo: string): void {
  rmSync(join(persistTo, "v3", "d1"), { recursive: true, force: true });
  mkdirSync(persistTo, { recursive: true });
  wrangler(["d1", "migrations", "apply", "DB"], persistTo);
}

/** Deletes the local database, applies the migrations and loads the sample data. */
export function resetDatabase(persistTo = DEFAULT_PERSIST): {
  seconds: number;
  statements: number;
} {
  const started = performance.now();
  rmSync(join(persistTo, "v3", "d1"), { recursive: true, force: true });
  rmSync(join(persistTo, MARKER), { force: true });
  mkdirSync(persistTo, { recursive: true });
  wrangler(["d1", "migrations", "apply", "DB"], persistTo);
  const sqlFile = join(persistTo, "sample-data.sql");
  const { statements } = writeSampleSql(sqlFile);
  wrangler(["d1", "execute", "DB", "--file", sqlFile], persistTo);
  rmSync(sqlFile, { force: true });
  const seconds = (performance.now() - started) / 1000;
  writeFileSync(
    join(persistTo, MARKER),
    JSON.stringify(
      { loadedAt: new Date().toISOString(), fingerprint: dataFingerprint(), seconds, statements },
      null,
      2,
    ),
  );
  return { seconds, statements };
}

/** Loads the sample data unless the same code already loaded it. */
export function ensureDatabase(persistTo = DEFAULT_PERSIST): void {
  const marker = readMarker(persistTo);
  if (marker && marker.fingerprint === dataFingerprint()) {
    console.log(`Local D1 database ready (sample data loaded ${marker.loadedAt}).`);
    return;
  }
  console.log(
    marker
      ? "The migrations or the sample-data generator changed: rebuilding the local database…"
      : "Creating the local D1 database and loading the sample data…",
  );
  const { seconds, statements } = resetDatabase(persistTo);
  console.log(`Sample data loaded: ${statements} statements in ${seconds.toFixed(1)} s.`);
}

function main(argv: string[]): void {
  const [command, ...rest] = argv;
  const at = rest.indexOf("--persist-to");
  const persistTo = at >= 0 ? (rest[at + 1] ?? DEFAULT_PERSIST) : DEFAULT_PERSIST;
  if (command === "ensure") ensureDatabase(persistTo);
  else if (command === "reset") {
    const { seconds, statements } = resetDatabase(persistTo);
    console.log(`Database rebuilt: ${statements} statements in ${seconds.toFixed(1)} s.`);
  } else {
    console.error("usage: node scripts/local-db.ts ensure|reset [--persist-to DIR]");
    process.exit(2);
  }
}

if (import.meta.main) main(process.argv.slice(2));
