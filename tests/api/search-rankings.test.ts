/**
 * /api/v1/search and /api/v1/rankings through the Worker on a real local D1 with the real
 * migrations: the fixture's regions indexed by src/db/search.ts, and its rollups ranked.
 */
import { env, exports } from "cloudflare:workers";
import { beforeAll, describe, expect, it } from "vitest";
import { rebuildRollups } from "../../src/db/rollups.ts";
import { reindexRegions, reindexSubtree } from "../../src/db/search.ts";
import { loadFixture, PERIODS } from "./fixture.ts";

type Json = ReturnType<typeof JSON.parse>;

async function get(path: string) {
  const response = await exports.default.fetch(new Request(`http://ledger.test${path}`));
  const type = response.headers.get("content-type") ?? "";
  const body: Json = type.includes("json") ? await response.json() : null;
  return { status: response.status, type, body };
}

const codes = (body: Json): string[] => body.results.map((r: { code: string }) => r.code);

beforeAll(async () => {
  await loadFixture(env.DB);
  // A second month in a row, so that rankings have a previous period:
  // 2025-11 year-to-date totals of A (埌南镇) 90,000 and D (乙镇) 900,000.
  const at = "2026-01-10T02:00:00Z";
  const insert = env.DB.prepare(
    `INSERT INTO income_returns (village_code, period, total, operating, contracting, investment,
       subsidy, other, recorded_at) VALUES (?1, '2025-11', ?2, ?2, 0, 0, 0, 0, ?3)`,
  );
  await env.DB.batch([
    insert.bind("450422104211", 90_000, at),
    insert.bind("450422105201", 900_000, at),
    // A township named like the village, to check that an exact match beats a higher level.
    env.DB.prepare(
      "INSERT INTO regions (code, name, level, parent_code, kind) VALUES ('450422107', '黎寨圩镇', 'township', '450422', 'area')",
    ),
  ]);
  await rebuildRollups(env.DB, "45", PERIODS, at);
  await reindexSubtree(env.DB, "45");
});

describe("GET /api/v1/search", () => {
  it("finds a village by its name, its short name, pinyin and initials, exact match first", async () => {
    for (const q of ["黎寨村委会", "黎寨", "lizhai", "LiZhai", "li zhai", "lz"]) {
      const { status, body } = await get(`/api/v1/search?q=${encodeURIComponent(q)}`);
      expect(status, q).toBe(200);
      expect(codes(body)[0], q).toBe("450422104211");
    }
    const { body } = await get(`/api/v1/search?q=${encodeURIComponent("黎寨")}`);
    // The exact (short-name) match, a village, comes before the township that only starts so.
    expect(codes(body)).toEqual(["450422104211", "450422107"]);
    expect(body.results[0]).toMatchObject({
      name: "黎寨村委会",
      level: "village",
      kind: "village_committee",
      parents: [
        { code: "45", name: "广西壮族自治区" },
        { code: "4504", name: "梧州市" },
        { code: "450422", name: "藤县" },
        { code: "450422104", name: "埌南镇" },
      ],
    });
  });

  it("finds substrings of a name, higher levels first, then by code", async () => {
    const { body } = await get(`/api/v1/search?q=${encodeURIComponent("南")}`);
    // 埌南镇 (township) before 埌南社区居委会 (a community, village level).
    expect(codes(body)).toEqual(["450422104", "450422104001"]);
    const zhai = await get("/api/v1/search?q=zhai");
    expect(codes(zhai.body)).toEqual(["450422107", "450422104211"]);
  });

  it("finds regions by a code prefix, level by level", async () => {
    const { body } = await get("/api/v1/search?q=450422105");
    expect(codes(body)).toEqual(["450422105", "450422105201", "450422105202"]);
    const county = await get("/api/v1/search?q=4504&limit=3");
    expect(codes(county.body)).toEqual(["4504", "450422", "450422104"]);
  });

  it("keeps the index current when a region is renamed and reindexed", async () => {
    await env.DB.prepare(
      "UPDATE regions SET name = '新丁村委会' WHERE code = '450422105201'",
    ).run();
    await reindexRegions(env.DB, [{ code: "450422105201", name: "新丁村委会" }]);
    expect(codes((await get("/api/v1/search?q=xinding")).body)).toEqual(["450422105201"]);
    expect(codes((await get("/api/v1/search?q=xdcwh")).body)).toEqual(["450422105201"]);
    const { body } = await get("/api/v1/search?q=dingcunweihui");
    expect(codes(body)).toEqual([]);
  });

  it("answers nothing found with an empty list, and bad parameters with a problem", async () => {
    expect((await get("/api/v1/search?q=zzzzqqq")).body.results).toEqual([]);
    expect((await get(`/api/v1/search?q=${encodeURIComponent("·")}`)).body.results).toEqual([]);
    for (const [path, parameter] of [
      ["/api/v1/search", "q"],
      ["/api/v1/search?q=%20", "q"],
      [`/api/v1/search?q=${"a".repeat(51)}`, "q"],
      ["/api/v1/search?q=li&limit=0", "limit"],
      ["/api/v1/search?q=li&limit=x", "limit"],
    ] as const) {
      const { status, type, body } = await get(path);
      expect(status, path).toBe(400);
      expect(type).toContain("application/problem+json");
      expect(body.errors[0].parameter).toBe(parameter);
      expect(body.detail_zh).toContain("参数有误");
    }
  });
});

describe("GET /api/v1/rankings", () => {
  it("ranks the townships of a county, marks champion and called-in, and gives the change", async () => {
    const { status, body } = await get(
      "/api/v1/rankings?level=township&indicator=share_ge_10w&period=2025-12&within=450422",
    );
    expect(status).toBe(200);
    expect(body).toMatchObject({
      level: "township",
      period: "2025-12",
      previous_period: "2025-11",
      direction: "higher",
      within: { code: "450422" },
      regions: 4,
      ranked: 2,
      champions: 1, // ⌈20% × 2⌉
      called_in: 1, // ⌈10% × 2⌉
    });
    const rows = body.rows.map((r: Json) => [r.region.code, r.rank, r.mark]);
    // 乙镇: D 1,200,000 ≥ 10万, 1 of 1 → 100%; 埌南镇: A, B of A, B, C → 2/3;
    // 丙镇 and 黎寨圩镇 have no villages: not ranked, listed last in code order.
    expect(rows).toEqual([
      ["450422105", 1, "champion"],
      ["450422104", 2, "called_in"],
      ["450422106", null, null],
      ["450422107", null, null],
    ]);
    const [yi, langnan] = body.rows;
    expect(yi.value).toEqual({ value: 1, numerator: 1, denominator: 1 });
    expect(langnan.value).toEqual({ value: 2 / 3, numerator: 2, denominator: 3 });
    // 2025-11: 乙镇 900,000 → 1/1 (rank 1); 埌南镇 A 90,000 → 0/1 (rank 2).
    expect(yi.previous).toEqual({ rank: 1, value: 1 });
    expect(yi.change).toBe(0);
    expect(langnan.previous).toEqual({ rank: 2, value: 0 });
    expect(langnan.change).toBeCloseTo(2 / 3, 12);
    expect(langnan.rank_change).toBe(0);
  });

  it("ranks weak villages' share with lower as better", async () => {
    const { body } = await get(
      "/api/v1/rankings?level=township&indicator=weak_share&period=2025-12&within=450422",
    );
    expect(body.direction).toBe("lower");
    // 乙镇 0 of 1 weak; 埌南镇: C (0) of 3 → 1/3.
    expect(body.rows.slice(0, 2).map((r: Json) => [r.region.code, r.rank, r.value.value])).toEqual([
      ["450422105", 1, 0],
      ["450422104", 2, 1 / 3],
    ]);
  });

  it("marks nobody in a league of one", async () => {
    const { body } = await get("/api/v1/rankings?level=county&period=2025-12");
    expect(body.rows).toHaveLength(1);
    expect(body.rows[0]).toMatchObject({ rank: 1, mark: null });
    expect(body.within).toBeNull();
  });

  it("refuses what it cannot rank with a clear problem", async () => {
    const cases: [string, number, string][] = [
      ["/api/v1/rankings?level=village", 400, "level"],
      ["/api/v1/rankings?level=county&indicator=income", 400, "indicator"],
      ["/api/v1/rankings?level=county&period=2025-13", 400, "period"],
      ["/api/v1/rankings?level=city&within=450422", 400, "within"],
      ["/api/v1/rankings?level=county&within=4x", 400, "within"],
    ];
    for (const [path, status, parameter] of cases) {
      const response = await get(path);
      expect(response.status, path).toBe(status);
      expect(response.type).toContain("application/problem+json");
      expect(response.body.errors[0].parameter, path).toBe(parameter);
    }
    const missing = await get("/api/v1/rankings?level=county&within=99");
    expect(missing.status).toBe(404);
    const noData = await get("/api/v1/rankings?level=county&period=2030-01");
    expect(noData.status).toBe(404);
    expect(noData.body.detail).toContain("2024-12 to 2025-12");
  });
});
