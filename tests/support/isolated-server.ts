/**
 * A second server for site tests that write: the same built Worker, served by wrangler on
 * a copy of the sample database, so that their writes never reach the database the other
 * site tests read (nor the next run). Needs the build made by tests/site/global-setup.ts.
 */
import { cpSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { serve } from "../../scripts/serve-build.ts";
import { TEST_PERSIST_DIR } from "./sample-db.ts";

export interface IsolatedServer {
  baseUrl: string;
  persistTo: string;
  stop: () => void;
}

/** `errorLabel` marks the server's error output, for a test that causes errors on purpose. */
export async function startIsolatedServer(errorLabel?: string): Promise<IsolatedServer> {
  const persistTo = mkdtempSync(join(tmpdir(), "ledger-site-"));
  cpSync(TEST_PERSIST_DIR, persistTo, { recursive: true });
  const { base, stop } = await serve({
    persistTo,
    errorLabel,
    onStop: () => rmSync(persistTo, { recursive: true, force: true }),
  });
  return { baseUrl: base, persistTo, stop };
}
