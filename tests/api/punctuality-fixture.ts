/**
 * Late filings for the API fixture (fixture.ts): the returns of 2026-01 filed on time, a
 * day late at midnight China time, ten days late, and corrected later; two villages never
 * file. Each filing is written and rolled up as the app does (rebuildRollups at its moment).
 */
import { env } from "cloudflare:workers";
import { rebuildRollups } from "../../src/db/rollups.ts";

export const PERIOD = "2026-01";
/** The default deadline for PERIOD: the 10th of the following month, China time. */
export const DEADLINE = "2026-02-10";

/** Filings of 2026-01 in time order: village, recorded at (UTC), total. */
export const FILINGS: [village: string, at: string, total: number][] = [
  ["450422104211", "2026-02-10T15:59:59Z", 40_000], // A: 23:59:59 on the 10th, China: on time
  ["450422104212", "2026-02-10T16:00:00Z", 90_000], // B: 00:00 on the 11th, China: 1 day late
  ["450422105201", "2026-02-20T02:00:00Z", 500_000], // D: 10 days late
  ["450422104211", "2026-03-05T02:00:00Z", 41_000], // A corrected: still first filed on time
  ["450422104212", "2026-03-06T02:00:00Z", 95_000], // B corrected: still 1 day late
  // C (450422104213) and E (450422105202) never file: missing.
];

/** One filing: the village's current return for PERIOD superseded, the new one recorded. */
export async function file(village: string, at: string, total: number): Promise<void> {
  await env.DB.batch([
    env.DB.prepare(
      `UPDATE income_returns SET superseded_at = ?3
        WHERE village_code = ?1 AND period = ?2 AND superseded_at IS NULL`,
    ).bind(village, PERIOD, at),
    env.DB.prepare(
      `INSERT INTO income_returns (village_code, period, total, operating, contracting,
         investment, subsidy, other, recorded_at) VALUES (?1, ?2, ?3, ?3, 0, 0, 0, 0, ?4)`,
    ).bind(village, PERIOD, total, at),
  ]);
  await rebuildRollups(env.DB, "45", [PERIOD], at);
}
