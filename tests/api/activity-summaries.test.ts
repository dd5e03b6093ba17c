/**
 * A province's activity summaries kept ready-made (migration 0015, src/db/activity.ts):
 * the answers are the live ones, the kept rows are really what is read, a different data
 * date reads live, and every kind of write to the province's activity drops them.
 */
import { env, exports } from "cloudflare:workers";
import { beforeAll, beforeEach, describe, expect, it } from "vitest";
import { refreshActivitySummaries } from "../../src/db/activity.ts";
import { cronTasks } from "../../src/services/cron.ts";
import { loadActivityFixture } from "./activity-fixture.ts";

const DATA_DATE = "2025-12-31";
const WHAT = ["projects", "problems", "targets"] as const;

beforeAll(async () => {
  await loadActivityFixture(env.DB);
  // Another province, to show that a write there leaves 广西's summaries alone.
  await env.DB.prepare(
    "INSERT INTO regions (code, name, level, parent_code, kind) VALUES ('44', '广东省', 'province', NULL, 'area')",
  ).run();
});

beforeEach(async () => {
  await env.DB.prepare("DELETE FROM activity_summaries").run();
});

async function summaries(code: string) {
  const out: Record<string, unknown> = {};
  for (const what of WHAT) {
    const response = await exports.default.fetch(
      new Request(`http://ledger.test/api/v1/regions/${code}/${what}?per_page=1`),
    );
    expect(response.status).toBe(200);
    out[what] = ((await response.json()) as { summary: unknown }).summary;
  }
  return out as Record<(typeof WHAT)[number], Record<string, unknown>>;
}

async function keptCodes(): Promise<string[]> {
  const { results } = await env.DB.prepare(
    "SELECT region_code FROM activity_summaries ORDER BY region_code",
  ).all<{ region_code: string }>();
  return results.map((r) => r.region_code);
}

describe("kept activity summaries", () => {
  it("are computed by the Cron Trigger for every province, and answer as live does", async () => {
    const live = await summaries("45");
    await Promise.all(cronTasks(env, new Date("2026-01-05T00:00:00Z")));
    expect(await keptCodes()).toEqual(["44", "45"]);
    const row = await env.DB.prepare(
      "SELECT data_date FROM activity_summaries WHERE region_code = '45'",
    ).first<{ data_date: string }>();
    expect(row?.data_date).toBe(DATA_DATE);
    expect(await summaries("45")).toEqual(live);
    // Nothing left to compute: a second run keeps nothing new.
    expect(await refreshActivitySummaries(env.DB, DATA_DATE, "2026-01-05T00:05:00Z")).toEqual([]);
  });

  it("are what a read takes for its data date, and a read for another date reads live", async () => {
    const live = await summaries("45");
    expect(live.projects.projects).toBe(7);
    await refreshActivitySummaries(env.DB, DATA_DATE, "2026-01-05T00:00:00Z");
    // Kept rows altered by hand show through: the read took them, not the live tables.
    await env.DB.prepare(
      "UPDATE activity_summaries SET project_groups = '[]' WHERE region_code = '45'",
    ).run();
    expect((await summaries("45")).projects.projects).toBe(0);
    // Kept for an earlier data date: not this read's, so it reads live.
    await env.DB.prepare(
      "UPDATE activity_summaries SET data_date = '2025-11-30' WHERE region_code = '45'",
    ).run();
    expect((await summaries("45")).projects.projects).toBe(7);
    // Counties and below are always live.
    await refreshActivitySummaries(env.DB, DATA_DATE, "2026-01-05T00:00:00Z");
    expect(await keptCodes()).toEqual(["44", "45"]);
  });

  const writes: [string, string][] = [
    ["project update", "UPDATE projects SET progress = progress WHERE id = 2"],
    [
      "project insert",
      `INSERT INTO projects (id, region_code, title, category, start_date, planned_completion, budget, invested, progress, status, updated_at)
       VALUES (90, '450422104211', '新项目', 'industry', '2025-12-01', '2026-12-01', 1000, 0, 0, 'planned', '2025-12-01')`,
    ],
    ["project delete", "DELETE FROM projects WHERE id = 90"],
    ["problem update", "UPDATE problems SET department = department WHERE id = 3"],
    ["team update", "UPDATE work_teams SET members = members WHERE id = 1"],
    ["target update", "UPDATE targets SET actual = actual WHERE id = 2"],
  ];
  it.each(writes)("are dropped for the province by a %s", async (_, sql) => {
    await refreshActivitySummaries(env.DB, DATA_DATE, "2026-01-05T00:00:00Z");
    expect(await keptCodes()).toEqual(["44", "45"]);
    await env.DB.prepare(sql).run();
    expect(await keptCodes()).toEqual(["44"]);
  });

  it("are kept again for a new data date once the latest period moves", async () => {
    await refreshActivitySummaries(env.DB, DATA_DATE, "2026-01-05T00:00:00Z");
    expect(await refreshActivitySummaries(env.DB, "2026-01-31", "2026-02-05T00:00:00Z")).toEqual([
      "44",
      "45",
    ]);
  });
});
