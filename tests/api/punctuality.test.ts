/**
 * 报送及时率 through the API: returns filed on time, late and not at all, with corrections
 * filed later, written and rolled up as the app does (rebuildRollups at each filing's
 * moment), then every region's summary checked against punctuality recomputed here
 * straight from the returns' recorded times.
 */
import { env, exports } from "cloudflare:workers";
import { beforeAll, describe, expect, it } from "vitest";
import { DEADLINE, file, FILINGS, PERIOD } from "./punctuality-fixture.ts";
import { loadFixture } from "./fixture.ts";

beforeAll(async () => {
  await loadFixture(env.DB);
  // The data set now runs to 2026-01, as an upload of that month leaves it.
  await env.DB.prepare(`UPDATE dataset_meta SET value = ?1 WHERE key = 'latest_period'`)
    .bind(PERIOD)
    .run();
  for (const [village, at, total] of FILINGS) await file(village, at, total);
});

/**
 * On time, late, days late and missing for the village committees under `code`, from
 * the earliest recorded_at of each village's returns, turned into a China date here.
 */
async function recomputed(code: string) {
  const { results } = await env.DB.prepare(
    `SELECT r.code, (SELECT min(i.recorded_at) FROM income_returns i
                      WHERE i.village_code = r.code AND i.period = ?2) AS first
       FROM regions r WHERE r.kind = 'village_committee' AND r.code LIKE ?1 || '%'`,
  )
    .bind(code, PERIOD)
    .all<{ code: string; first: string | null }>();
  const day = 86_400_000;
  let onTime = 0;
  let late = 0;
  let daysLate = 0;
  for (const { first } of results) {
    if (first === null) continue;
    const chinaDay = new Date(Date.parse(first) + 8 * 3_600_000).toISOString().slice(0, 10);
    if (chinaDay <= DEADLINE) onTime += 1;
    else {
      late += 1;
      daysLate += (Date.parse(chinaDay) - Date.parse(DEADLINE)) / day;
    }
  }
  const villages = results.length;
  return { villages, onTime, late, daysLate, missing: villages - onTime - late };
}

async function summary(code: string) {
  const response = await exports.default.fetch(
    new Request(`http://ledger.test/api/v1/regions/${code}/summary?period=${PERIOD}`),
  );
  expect(response.status).toBe(200);
  return (await response.json()) as {
    indicators: Record<string, { value: number | null; numerator?: number; denominator?: number }>;
    punctuality: {
      reported_on_time: { value: number | null; numerator: number; denominator: number };
      late: number;
      mean_days_late: number | null;
      missing: number;
      due: boolean;
      deadline: string;
    } | null;
  };
}

describe(`reported_on_time for ${PERIOD}`, () => {
  for (const code of ["45", "450422", "450422104", "450422105", "450422104211", "450422104212"]) {
    it(`${code}: the summary's figures are those recomputed from the recorded times`, async () => {
      const expected = await recomputed(code);
      const body = await summary(code);
      const figure = {
        value: expected.villages > 0 ? expected.onTime / expected.villages : null,
        numerator: expected.onTime,
        denominator: expected.villages,
      };
      expect(body.indicators.reported_on_time).toEqual(figure);
      expect(body.punctuality).toEqual({
        reported_on_time: figure,
        late: expected.late,
        mean_days_late: expected.late > 0 ? expected.daysLate / expected.late : null,
        missing: expected.missing,
        due: true,
        deadline: DEADLINE,
      });
    });
  }

  it("counts the county's five villages: one on time, two late by 11 days in all, two missing", async () => {
    // The same figures by hand, so that the recomputation above is itself checked.
    expect(await recomputed("450422")).toEqual({
      villages: 5,
      onTime: 1,
      late: 2,
      daysLate: 11,
      missing: 2,
    });
  });

  it("keeps the rollups as they stood after each filing (a release reads them as of then)", async () => {
    const { results } = await env.DB.prepare(
      `SELECT valid_from, on_time, late, days_late FROM region_period_stats
        WHERE region_code = '450422' AND period = ?1 ORDER BY valid_from`,
    )
      .bind(PERIOD)
      .all<{ valid_from: string; on_time: number; late: number; days_late: number }>();
    // Corrections change the money but not when the returns were first filed.
    expect(results.map((r) => [r.on_time, r.late, r.days_late])).toEqual([
      [1, 0, 0],
      [1, 1, 1],
      [1, 2, 11],
      [1, 2, 11],
      [1, 2, 11],
    ]);
  });
});

describe("league table by reported_on_time", () => {
  it("ranks the county's townships by their share of villages on time", async () => {
    const response = await exports.default.fetch(
      new Request(
        `http://ledger.test/api/v1/rankings?level=township&indicator=reported_on_time&period=${PERIOD}&within=450422`,
      ),
    );
    expect(response.status).toBe(200);
    const body = (await response.json()) as {
      rows: { region: { code: string }; rank: number | null; value: { value: number | null } }[];
    };
    const expected = await Promise.all(
      ["450422104", "450422105"].map(async (code) => {
        const r = await recomputed(code);
        return [code, r.onTime / r.villages] as const;
      }),
    );
    expected.sort((a, b) => b[1] - a[1]);
    const ranked = body.rows.filter((r) => r.value.value !== null);
    expect(ranked.map((r) => [r.region.code, r.value.value])).toEqual(expected);
    expect(ranked.map((r) => r.rank)).toEqual([1, 2]);
  });
});
