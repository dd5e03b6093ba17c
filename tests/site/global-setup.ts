/**
 * The site tests' server: the sample data in its own local D1 (.wrangler/test-state),
 * the production build of the Worker, served by wrangler on a free port. Tests reach it
 * over real HTTP at the URL provided as "baseUrl".
 */
import type { TestProject } from "vitest/node";
import { ensureDatabase } from "../../scripts/local-db.ts";
import { buildSite, serve } from "../../scripts/serve-build.ts";
import { TEST_PERSIST_DIR } from "../support/sample-db.ts";

declare module "vitest" {
  export interface ProvidedContext {
    baseUrl: string;
  }
}

export default async function setup(project: TestProject) {
  ensureDatabase(TEST_PERSIST_DIR);
  buildSite();
  const { base, stop } = await serve({ persistTo: TEST_PERSIST_DIR });
  project.provide("baseUrl", base);
  return stop;
}
