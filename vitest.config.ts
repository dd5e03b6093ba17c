/**
 * Three test projects:
 * - unit: pure functions (indicator math, periods, codes, formatting) in Node;
 * - api: the Hono API inside workerd against a real local D1 with the real migrations;
 * - site: the built Worker served by wrangler with the sample data, checked over real HTTP
 *   and in real Chromium (global setup loads the data, builds and starts the server).
 */
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { cloudflareTest, readD1Migrations } from "@cloudflare/vitest-plugin";
import { defineConfig } from "vitest/config";

const migrations = await readD1Migrations("./migrations");

/** The upload corpus (tests/fixtures/uploads) as base64 by path: workerd cannot read files. */
const UPLOADS = "tests/fixtures/uploads";
const uploadFixtures = Object.fromEntries(
  (existsSync(UPLOADS) ? readdirSync(UPLOADS, { recursive: true, encoding: "utf8" }) : [])
    .filter((f) => /\.(xlsx|csv|json)$/.test(f))
    .map((f) => [f, readFileSync(`${UPLOADS}/${f}`).toString("base64")]),
);

export default defineConfig({
  test: {
    reporters: ["default", "./tests/support/summary-reporter.ts"],
    projects: [
      {
        test: { name: "unit", include: ["tests/unit/**/*.test.ts"], environment: "node" },
      },
      {
        plugins: [
          cloudflareTest({
            main: "./functions/index.ts",
            wrangler: { configPath: "./wrangler.toml" },
            miniflare: {
              bindings: { TEST_MIGRATIONS: migrations, UPLOAD_FIXTURES: uploadFixtures },
            },
          }),
        ],
        test: {
          name: "api",
          include: ["tests/api/**/*.test.ts"],
          setupFiles: ["tests/api/apply-migrations.ts"],
        },
      },
      {
        test: {
          name: "site",
          include: ["tests/site/**/*.test.ts"],
          environment: "node",
          globalSetup: ["tests/site/global-setup.ts"],
          testTimeout: 60_000,
          hookTimeout: 60_000,
          // One server, one browser: run the files one after another.
          fileParallelism: false,
        },
      },
    ],
  },
});
