/**
 * National league tables written when the data changes and read ready-made
 * (src/services/league-files.ts): the Cron Trigger writes one file per level and indicator
 * for the data's version; the API answers with it, the same answer as computed live; a
 * request for a subtree or another month, and any request after the data changed, is
 * computed live.
 */
import { env, exports } from "cloudflare:workers";
import { beforeAll, describe, expect, it } from "vitest";
import { readDatasetMeta } from "../../src/db/meta.ts";
import { RANKING_INDICATORS } from "../../src/lib/rankings.ts";
import { cronTasks } from "../../src/services/cron.ts";
import { FILED_LEVELS, leagueFileKey, writeLeagueFiles } from "../../src/services/league-files.ts";
import { loadRanking, rankingBody } from "../../src/services/rankings.ts";
import { loadFixture } from "./fixture.ts";

beforeAll(async () => {
  await loadFixture(env.DB);
});

// eslint-disable-next-line @typescript-eslint/no-explicit-any
async function api(path: string): Promise<any> {
  const response = await exports.default.fetch(new Request(`http://ledger.test${path}`));
  expect(response.status, path).toBe(200);
  expect(response.headers.get("content-type"), path).toContain("application/json");
  return response.json();
}

/** The table computed here, independently of the API's handler and of any file. */
async function computed(level: (typeof FILED_LEVELS)[number], indicator: string) {
  const ranking = await loadRanking(env.DB, { level, indicator } as never);
  return JSON.parse(JSON.stringify(rankingBody(ranking)));
}

describe("national league tables kept as files", () => {
  it("are written by the Cron Trigger, one per level and indicator, and answer as live does", async () => {
    const live = await api("/api/v1/rankings?level=township");
    await Promise.all(cronTasks(env, new Date("2026-01-12T00:00:00Z")));
    const meta = await readDatasetMeta(env.DB);
    for (const level of FILED_LEVELS) {
      for (const indicator of RANKING_INDICATORS) {
        const key = leagueFileKey(meta, level, indicator) as string;
        expect(await env.BULK.head(key), key).not.toBeNull();
        const answer = await api(`/api/v1/rankings?level=${level}&indicator=${indicator}`);
        expect(answer, key).toEqual(await computed(level, indicator));
      }
    }
    expect(await api("/api/v1/rankings?level=township")).toEqual(live);
    // Written once per data version.
    expect(await writeLeagueFiles(env.DB, env.BULK)).toBe(0);
  });

  it("are what the API reads for the latest month, and only for the whole country", async () => {
    await writeLeagueFiles(env.DB, env.BULK);
    const meta = await readDatasetMeta(env.DB);
    const key = leagueFileKey(meta, "township", "share_ge_10w") as string;
    const live = await computed("township", "share_ge_10w");
    // A file altered by hand shows through: the answer is the file, not a computation.
    await env.BULK.put(key, JSON.stringify({ ...live, rows: [] }));
    expect((await api("/api/v1/rankings?level=township")).rows).toEqual([]);
    expect((await api(`/api/v1/rankings?level=township&period=${meta.latestPeriod}`)).rows).toEqual(
      [],
    );
    // A subtree, another month or a level not kept as files: computed.
    expect((await api("/api/v1/rankings?level=township&within=450422")).rows.length).toBe(
      live.rows.length,
    );
    expect((await api("/api/v1/rankings?level=township&period=2025-11")).period).toBe("2025-11");
    expect((await api("/api/v1/rankings?level=province")).level).toBe("province");
    await env.BULK.put(key, JSON.stringify(live));
  });

  it("are not read once the data has changed, until the next run writes them again", async () => {
    await writeLeagueFiles(env.DB, env.BULK);
    const before = await readDatasetMeta(env.DB);
    const key = leagueFileKey(before, "township", "share_ge_10w") as string;
    await env.BULK.put(key, JSON.stringify({ rows: [] }));
    await env.DB.prepare(
      "UPDATE dataset_meta SET value = '2026-01-13T00:00:00Z' WHERE key = 'last_updated'",
    ).run();
    const after = await readDatasetMeta(env.DB);
    expect(leagueFileKey(after, "township", "share_ge_10w")).not.toBe(key);
    const live = await api("/api/v1/rankings?level=township");
    expect(live).toEqual(await computed("township", "share_ge_10w"));
    expect(live.rows.length).toBeGreaterThan(0);
    expect(await writeLeagueFiles(env.DB, env.BULK)).toBe(
      FILED_LEVELS.length * RANKING_INDICATORS.length,
    );
  });
});
