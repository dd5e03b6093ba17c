/**
 * Read-only access to the local D1 database that the site tests serve, for computing
 * figures independently of the app's own queries (straight SQL over raw rows).
 */
import { readdirSync } from "node:fs";
import { join } from "node:path";
import { DatabaseSync } from "node:sqlite";

/** Where the site tests keep their own local D1 state (see tests/site/global-setup.ts). */
export const TEST_PERSIST_DIR = ".wrangler/test-state";

/** The SQLite file behind the D1 binding under a wrangler persist directory. */
export function d1File(persistTo = TEST_PERSIST_DIR): string {
  const dir = join(persistTo, "v3", "d1", "miniflare-D1DatabaseObject");
  const files = readdirSync(dir).filter((f) => f.endsWith(".sqlite") && f !== "metadata.sqlite");
  if (files.length !== 1)
    throw new Error(`expected one D1 database in ${dir}, found ${files.length}`);
  return join(dir, files[0] as string);
}

/** Opens the test database read-only. */
export function openSampleDatabase(persistTo = TEST_PERSIST_DIR): DatabaseSync {
  return new DatabaseSync(d1File(persistTo), { readOnly: true });
}
