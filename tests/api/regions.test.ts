/** Every region endpoint and its error cases, through the Worker, on a real local D1. */
import { env, exports } from "cloudflare:workers";
import { beforeAll, describe, expect, it } from "vitest";
import { rebuildRollups } from "../../src/db/rollups.ts";
import { loadFixture } from "./fixture.ts";

beforeAll(async () => {
  await loadFixture(env.DB);
});

/** A parsed JSON body, loosely typed: the assertions below check its shape. */
type Json = ReturnType<typeof JSON.parse>;

async function get(path: string) {
  const response = await exports.default.fetch(new Request(`http://ledger.test${path}`));
  const type = response.headers.get("content-type") ?? "";
  const body: Json = type.includes("json") ? await response.json() : null;
  return { status: response.status, type, body };
}

describe("GET /api/v1/regions/{code}", () => {
  it("gives the region, its parents province first, and its children", async () => {
    const { status, body } = await get("/api/v1/regions/450422104");
    expect(status).toBe(200);
    expect(body.region).toMatchObject({ code: "450422104", name: "埌南镇", level: "township" });
    expect(body.parents.map((p: { code: string }) => p.code)).toEqual(["45", "4504", "450422"]);
    expect(body.children.map((c: { code: string; kind: string }) => [c.code, c.kind])).toEqual([
      ["450422104001", "community"],
      ["450422104211", "village_committee"],
      ["450422104212", "village_committee"],
      ["450422104213", "village_committee"],
    ]);
  });

  it("gives a province with no parents", async () => {
    const { status, body } = await get("/api/v1/regions/45");
    expect(status).toBe(200);
    expect(body.parents).toEqual([]);
    expect(body.region.parent_code).toBeNull();
  });
});

describe("GET /api/v1/regions/{code}/summary", () => {
  it("computes the county's indicators for a period as worked out by hand", async () => {
    const { status, body } = await get("/api/v1/regions/450422/summary?period=2025-12");
    expect(status).toBe(200);
    const i = body.indicators;
    // Committees A, B, C, D, E; the community is not a village.
    expect(i.villages.value).toBe(5);
    expect(i.reporting).toEqual({ value: 4, numerator: 4, denominator: 5 });
    expect(i.coverage.value).toBeCloseTo(0.8, 12);
    expect(i.income_total.value).toBe(1_620_000); // 100k + 320k + 0 + 1.2M
    expect(i.income_median.value).toBe(210_000); // mean of 100k and 320k
    expect(i.income_mean).toEqual({ value: 405_000, numerator: 1_620_000, denominator: 4 });
    // A's 100,000 sits on the band edge and counts as ≥10万.
    expect(i.share_ge_10w).toEqual({ value: 0.75, numerator: 3, denominator: 4 });
    expect(i.share_ge_30w).toEqual({ value: 0.5, numerator: 2, denominator: 4 });
    expect(i.share_ge_50w).toEqual({ value: 0.25, numerator: 1, denominator: 4 });
    expect(i.share_ge_100w).toEqual({ value: 0.25, numerator: 1, denominator: 4 });
    expect(i.weak_villages).toEqual({ value: 1, numerator: 1, denominator: 4 });
    expect(i.subsidy_share.numerator).toBe(180_000);
    expect(i.earned_income.value).toBe(1_440_000);
    // Matched sample: A, B, D reported in both years; C had no 2024 return.
    expect(i.yoy_growth.numerator).toBe(1_620_000);
    expect(i.yoy_growth.denominator).toBe(1_380_000);
    expect(i.yoy_growth.sample).toBe(3);
    expect(i.yoy_growth.value).toBeCloseTo(1_620_000 / 1_380_000 - 1, 12);
    expect(body.bands.map((b: { count: number }) => b.count)).toEqual([1, 0, 0, 1, 1, 0, 1]);
    expect(body.sources).toEqual({
      operating: 1_040_000,
      contracting: 340_000,
      investment: 57_800,
      subsidy: 180_000,
      other: 2_200,
    });
    expect(body).toMatchObject({ period: "2025-12", release: "live", sample_data: true });
  });

  it("defaults to the latest period with a return", async () => {
    const { body } = await get("/api/v1/regions/450422104/summary");
    expect(body.period).toBe("2025-12");
    expect(body.indicators.reporting.value).toBe(3);
  });

  it("summarises a single village from its own return", async () => {
    const { body } = await get("/api/v1/regions/450422104211/summary?period=2025-06");
    expect(body.indicators.villages.value).toBe(1);
    expect(body.indicators.income_total.value).toBe(50_000);
    // Exactly 50,000 is not weak (<50,000) but is below 10万.
    expect(body.indicators.weak_villages.value).toBe(0);
    expect(body.indicators.share_ge_10w.value).toBe(0);
  });

  it("reports a village without a return for the month as not reporting", async () => {
    const { status, body } = await get("/api/v1/regions/450422105202/summary?period=2025-12");
    expect(status).toBe(200);
    expect(body.indicators.reporting).toEqual({ value: 0, numerator: 0, denominator: 1 });
    expect(body.indicators.income_median.value).toBeNull();
    expect(body.indicators.share_ge_10w.value).toBeNull();
  });

  it("gives an empty township zero villages and no ratios", async () => {
    const { status, body } = await get("/api/v1/regions/450422106/summary?period=2025-12");
    expect(status).toBe(200);
    expect(body.indicators.villages.value).toBe(0);
    expect(body.indicators.coverage.value).toBeNull();
    expect(body.indicators.yoy_growth.value).toBeNull();
  });

  it("never counts a community", async () => {
    const { body } = await get("/api/v1/regions/450422104001/summary?period=2025-12");
    expect(body.indicators.villages.value).toBe(0);
    expect(body.indicators.reporting.denominator).toBe(0);
  });
});

describe("GET /api/v1/regions/{code}/series", () => {
  it("gives one indicator for each month, filtered by from and to", async () => {
    const { status, body } = await get(
      "/api/v1/regions/450422/series?indicator=income_total&from=2025-06&to=2025-12",
    );
    expect(status).toBe(200);
    expect(body.points).toHaveLength(7);
    expect(body.points[0]).toMatchObject({ period: "2025-06", value: 50_000 });
    expect(body.points.at(-1)).toMatchObject({ period: "2025-12", value: 1_620_000 });
  });
});

describe("errors are problem+json and never 500", () => {
  const cases: [string, number, RegExp][] = [
    ["/api/v1/regions/999999", 404, /No region has the code 999999/],
    ["/api/v1/regions/4504x", 400, /code: must be a statistical division code/],
    ["/api/v1/regions/12345", 400, /code: must be a statistical division code/],
    ["/api/v1/regions/999999/summary", 404, /No region has the code 999999/],
    [
      "/api/v1/regions/450422/summary?period=2025-13",
      400,
      /period: must be a month written YYYY-MM/,
    ],
    ["/api/v1/regions/450422/summary?period=2025-1", 400, /period: must be a month/],
    ["/api/v1/regions/450422/summary?period=2031-01", 404, /no data for 2031-01/],
    ["/api/v1/regions/450422/series?indicator=nonsense", 400, /indicator: must be one of/],
    ["/api/v1/regions/450422/series", 400, /indicator/],
    ["/api/v1/regions/450422/series?indicator=income_total&from=20", 400, /from: must be a month/],
    ["/api/v1/nothing-here", 404, /No API endpoint/],
    ["/api/v1/regions/%E0%A4%A", 400, /code/],
  ];
  for (const [path, status, detail] of cases) {
    it(`${path} → ${status}`, async () => {
      const response = await get(path);
      expect(response.status).toBe(status);
      expect(response.type).toContain("application/problem+json");
      expect(response.body).toMatchObject({ status, instance: expect.any(String) });
      expect(response.body.detail).toMatch(detail);
      expect(response.body.detail_zh.length).toBeGreaterThan(0);
    });
  }
});

/** The first stored return, by its key. */
const FIRST_RETURN = `(village_code, period, recorded_at) =
  (SELECT village_code, period, recorded_at FROM income_returns LIMIT 1)`;

describe("the database guards the data", () => {
  it("refuses a return that breaks the income identity", async () => {
    const insert = env.DB.prepare(
      `INSERT INTO income_returns (village_code, period, total, operating, contracting,
         investment, subsidy, other, recorded_at) VALUES ('450422104211', '2023-12', 100, 50, 0, 0, 0, 0, 'x')`,
    );
    await expect(insert.run()).rejects.toThrow(/CHECK constraint failed/);
  });

  it("refuses a second current return for a village and period", async () => {
    const first = await env.DB.prepare(
      "SELECT village_code, period FROM income_returns WHERE superseded_at IS NULL LIMIT 1",
    ).first<{ village_code: string; period: string }>();
    expect(first).not.toBeNull();
    const insert = env.DB.prepare(
      `INSERT INTO income_returns (village_code, period, total, operating, contracting,
         investment, subsidy, other, recorded_at) VALUES (?1, ?2, 10, 10, 0, 0, 0, 0, '2099-01-01T00:00:00Z')`,
    ).bind(first?.village_code, first?.period);
    await expect(insert.run()).rejects.toThrow(/UNIQUE constraint failed/);
  });

  it("refuses to rewrite or delete a stored return", async () => {
    await expect(
      env.DB.prepare(`UPDATE income_returns SET total = total + 1 WHERE ${FIRST_RETURN}`).run(),
    ).rejects.toThrow(/append-only/);
    await expect(
      env.DB.prepare(`DELETE FROM income_returns WHERE ${FIRST_RETURN}`).run(),
    ).rejects.toThrow(/append-only/);
  });
});

describe("GET /api/openapi.json", () => {
  it("documents every region endpoint with its parameters and errors", async () => {
    const { status, body } = await get("/api/openapi.json");
    expect(status).toBe(200);
    expect(body.openapi).toBe("3.1.0");
    const paths = body.paths;
    expect(Object.keys(paths)).toEqual(
      expect.arrayContaining([
        "/api/v1/regions/{code}",
        "/api/v1/regions/{code}/series",
        "/api/v1/regions/{code}/summary",
        "/api/v1/regions/{code}/charts/{file}",
      ]),
    );
    const summary = paths["/api/v1/regions/{code}/summary"].get;
    expect(summary.parameters.map((p: { name: string }) => p.name).sort()).toEqual([
      "code",
      "period",
      "release",
    ]);
    expect(Object.keys(summary.responses).sort()).toEqual(["200", "304", "400", "404", "429"]);
  });
});

describe("rollups are versioned when returns change", () => {
  it("closes the old rollup, serves the new one, and keeps the old one readable as of before", async () => {
    const before = (await get("/api/v1/regions/450422/summary?period=2025-12")).body;
    const revisedAt = "2026-02-01T00:00:00Z";
    // Revise village A's 2025-12 return from 100,000 to 150,000 (operating +50,000).
    await env.DB.batch([
      env.DB.prepare(
        `UPDATE income_returns SET superseded_at = ?1
         WHERE village_code = '450422104211' AND period = '2025-12' AND superseded_at IS NULL`,
      ).bind(revisedAt),
      env.DB.prepare(
        `INSERT INTO income_returns (village_code, period, total, operating, contracting,
           investment, subsidy, other, recorded_at, reason)
         VALUES ('450422104211', '2025-12', 150000, 90000, 30000, 7800, 20000, 2200, ?1, '补报')`,
      ).bind(revisedAt),
    ]);
    await rebuildRollups(env.DB, "45", ["2025-12"], revisedAt);
    const after = (await get("/api/v1/regions/450422/summary?period=2025-12")).body;
    expect(after.indicators.income_total.value).toBe(before.indicators.income_total.value + 50_000);
    const versions = await env.DB.prepare(
      `SELECT income_total, valid_from, valid_to FROM region_period_stats
       WHERE region_code = '450422' AND period = '2025-12' ORDER BY valid_from`,
    ).all<{ income_total: number; valid_from: string; valid_to: string | null }>();
    expect(versions.results).toEqual([
      { income_total: 1_620_000, valid_from: "2026-01-10T02:00:00Z", valid_to: revisedAt },
      { income_total: 1_670_000, valid_from: revisedAt, valid_to: null },
    ]);
    // A rebuild with nothing changed writes no new version.
    await rebuildRollups(env.DB, "45", ["2025-12"], "2026-03-01T00:00:00Z");
    const count = await env.DB.prepare(
      "SELECT count(*) AS n FROM region_period_stats WHERE region_code = '450422' AND period = '2025-12'",
    ).first<{ n: number }>();
    expect(count?.n).toBe(2);
  });
});
