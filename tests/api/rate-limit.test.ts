/**
 * Over the documented limit, the API answers 429 problem+json with Retry-After, through
 * the Workers rate-limiting binding as miniflare implements it. Each test uses its own
 * client address, so no other test's requests count.
 */
import { env, exports } from "cloudflare:workers";
import { beforeAll, describe, expect, it } from "vitest";
import { RATE_LIMITS, retryAfterSeconds } from "../../functions/rate-limit.ts";
import { loadDatasetFixture } from "./dataset-fixture.ts";

beforeAll(async () => {
  await loadDatasetFixture(env.DB);
});

const fetchAs = (ip: string, path: string) =>
  exports.default.fetch(
    new Request(`http://ledger.test${path}`, { headers: { "CF-Connecting-IP": ip } }),
  );

describe("rate limits", () => {
  it(
    `allows ${RATE_LIMITS.downloads.limit} downloads a minute, then 429 with Retry-After`,
    { timeout: 30_000 },
    async () => {
      const path = "/api/v1/datasets/work-teams.csv";
      // Start in a fresh window, so that the limit is reached before the window rolls over.
      const left = retryAfterSeconds(RATE_LIMITS.downloads.period);
      if (left < 10) await new Promise((r) => setTimeout(r, left * 1000 + 200));
      const statuses: number[] = [];
      for (let i = 0; i < RATE_LIMITS.downloads.limit + 3; i++) {
        const response = await fetchAs("203.0.113.7", path);
        statuses.push(response.status);
        await response.arrayBuffer();
        if (response.status === 429) {
          expect(response.headers.get("content-type")).toContain("application/problem+json");
          const retry = Number(response.headers.get("retry-after"));
          expect(retry).toBeGreaterThanOrEqual(1);
          expect(retry).toBeLessThanOrEqual(RATE_LIMITS.downloads.period);
          break;
        }
      }
      const ok = statuses.filter((s) => s === 200).length;
      expect(ok).toBe(RATE_LIMITS.downloads.limit);
      expect(statuses.at(-1)).toBe(429);
      // Another address is not limited.
      expect((await fetchAs("203.0.113.8", path)).status).toBe(200);
    },
  );

  it("counts from the clock-aligned window", () => {
    expect(retryAfterSeconds(60, 120_000)).toBe(60);
    expect(retryAfterSeconds(60, 179_500)).toBe(1);
    expect(retryAfterSeconds(10, 3_000)).toBe(7);
  });
});
