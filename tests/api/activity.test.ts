/**
 * Projects, problems and targets of a region, through the Worker on a real local D1 with
 * the real migrations. Every expected figure is worked out by hand from activity-fixture.ts
 * (data date 2025-12-31).
 */
import { env, exports } from "cloudflare:workers";
import { beforeAll, describe, expect, it } from "vitest";
import { loadActivityFixture } from "./activity-fixture.ts";

beforeAll(async () => {
  await loadActivityFixture(env.DB);
});

type Json = ReturnType<typeof JSON.parse>;

async function get(path: string) {
  const response = await exports.default.fetch(new Request(`http://ledger.test${path}`));
  const type = response.headers.get("content-type") ?? "";
  const body: Json = type.includes("json") ? await response.json() : null;
  return { status: response.status, type, body };
}
const ids = (items: { id: number }[]) => items.map((i) => i.id);

describe("GET /api/v1/regions/{code}/projects", () => {
  it("sums the county's whole subtree and lists overdue projects first", async () => {
    const { status, body } = await get("/api/v1/regions/450422/projects");
    expect(status).toBe(200);
    expect(body).toMatchObject({ data_date: "2025-12-31", sample_data: true });
    const s = body.summary;
    // Projects 1-6; project 7 is in 苍梧县, outside the county.
    expect(s.projects).toBe(6);
    expect(s.budget).toBe(7_200_000); // 0.4 + 1 + 2 + 0.5 + 3 + 0.3 million
    expect(s.invested).toBe(1_988_000); // 388k + 650k + 800k + 150k
    expect(s.invested_share).toEqual({
      value: 1_988_000 / 7_200_000,
      numerator: 1_988_000,
      denominator: 7_200_000,
    });
    // 2 (under way, due 2025-10-31) and 6 (never started, due 2025-06-30); 4 is due on the data date.
    expect(s.overdue).toBe(2);
    expect(s.by_status).toEqual({ planned: 2, under_way: 2, completed: 1, suspended: 1 });
    expect(s.by_category.industry).toEqual({ projects: 2, budget: 700_000, invested: 388_000 });
    expect(s.by_category.ecology).toEqual({ projects: 1, budget: 500_000, invested: 150_000 });
    expect(s.by_batch).toEqual([
      { batch: "第一批", projects: 2, budget: 900_000, invested: 538_000 },
    ]);
    // Overdue (under way before planned), then under way, suspended, planned, completed.
    expect(ids(body.items)).toEqual([2, 6, 3, 4, 5, 1]);
    expect(body.items.map((i: { overdue: boolean }) => i.overdue)).toEqual([
      true,
      true,
      false,
      false,
      false,
      false,
    ]);
    expect(body.items[0]).toMatchObject({
      title: "乙村道路硬化工程",
      region: { code: "450422104212", name: "<b>乙</b>村委会" },
      supporting_unit: "县交通运输局",
      progress: 70,
      planned_completion: "2025-10-31",
    });
    expect(body.paging).toEqual({ page: 1, per_page: 20, total: 6, pages: 1 });
  });

  it("includes a city's other counties and narrows to a township and a village", async () => {
    const city = (await get("/api/v1/regions/4504/projects")).body;
    expect(city.summary.projects).toBe(7);
    expect(city.summary.overdue).toBe(2);
    const township = (await get("/api/v1/regions/450422104/projects")).body;
    expect(ids(township.items)).toEqual([2, 3, 1]);
    expect(township.summary.budget).toBe(3_400_000);
    const village = (await get("/api/v1/regions/450422104211/projects")).body;
    expect(ids(village.items)).toEqual([1]);
    expect(village.summary.by_status.completed).toBe(1);
    const empty = (await get("/api/v1/regions/450422106/projects")).body;
    expect(empty.summary.projects).toBe(0);
    expect(empty.summary.invested_share.value).toBeNull();
    expect(empty.items).toEqual([]);
  });

  it("pages through the list", async () => {
    const second = (await get("/api/v1/regions/450422/projects?page=2&per_page=4")).body;
    expect(ids(second.items)).toEqual([5, 1]);
    expect(second.paging).toEqual({ page: 2, per_page: 4, total: 6, pages: 2 });
    // Past the end: an empty page, not the last one again.
    const past = (await get("/api/v1/regions/450422/projects?page=3&per_page=4")).body;
    expect(past.items).toEqual([]);
    expect(past.paging.page).toBe(3);
  });
});

describe("GET /api/v1/regions/{code}/problems", () => {
  it("computes the county's 办结率 and medians as worked out by hand", async () => {
    const { status, body } = await get("/api/v1/regions/450422/problems");
    expect(status).toBe(200);
    const s = body.summary;
    expect(s.collected).toBe(6); // problem 7 is outside
    expect(s.by_status).toEqual({ open: 2, claimed: 1, resolved: 1, closed: 2 });
    expect(s.reached).toEqual({ claimed: 4, resolved: 3, closed: 2 });
    expect(s.resolution_rate).toEqual({ value: 0.5, numerator: 3, denominator: 6 });
    // Claimed after 4, 10, 2 and 7 days: median of [2, 4, 7, 10] = 5.5.
    expect(s.median_days_to_claim).toEqual({ value: 5.5, sample: 4 });
    // Resolved 40, 30 and 67 days after raising: median 40.
    expect(s.median_days_to_resolve).toEqual({ value: 40, sample: 3 });
    // Unresolved: 3 (claimed, due 2025-08-01), 4 (due 2026), 5 (due 2025-04-01).
    expect(s.unresolved).toBe(3);
    expect(s.overdue).toBe(2);
    expect(body.by_department).toEqual([
      { department: null, unresolved: 2, overdue: 1 },
      { department: "县财政局", unresolved: 1, overdue: 1 },
    ]);
  });

  it("lists unresolved problems first, overdue on top, each with its status history", async () => {
    const { body } = await get("/api/v1/regions/450422/problems");
    expect(ids(body.items)).toEqual([3, 5, 4, 6, 2, 1]);
    const first = body.items.find((i: { id: number }) => i.id === 1);
    expect(first).toMatchObject({
      status: "closed",
      overdue: false,
      department: "县自然资源局",
      project: { id: 1, title: "黎寨村黑山羊养殖基地" },
      region: { code: "450422104211", name: "黎寨村委会" },
    });
    expect(first.events).toEqual([
      { status: "open", date: "2025-01-01", department: null, note: "收集" },
      { status: "claimed", date: "2025-01-05", department: "县自然资源局", note: "部门认领" },
      { status: "resolved", date: "2025-02-10", department: "县自然资源局", note: "问题已解决" },
      { status: "closed", date: "2025-02-20", department: null, note: "验收销号" },
    ]);
    expect(body.items[0]).toMatchObject({ id: 3, overdue: true, project: null });
    expect(body.items[0].events.map((e: { status: string }) => e.status)).toEqual([
      "open",
      "claimed",
    ]);
  });

  it("gives a township with nothing solved a rate of 0 and no medians", async () => {
    const { body } = await get("/api/v1/regions/450422105/problems");
    expect(body.summary.resolution_rate).toEqual({ value: 0, numerator: 0, denominator: 2 });
    expect(body.summary.median_days_to_claim).toEqual({ value: null, sample: 0 });
    const none = (await get("/api/v1/regions/450422106/problems")).body;
    expect(none.summary.collected).toBe(0);
    expect(none.summary.resolution_rate.value).toBeNull();
  });

  it("keeps a page's events to the problems on that page", async () => {
    const { body } = await get("/api/v1/regions/450422/problems?page=2&per_page=2");
    expect(ids(body.items)).toEqual([4, 6]);
    expect(body.items[1].events).toHaveLength(4);
    expect(body.items[0].events).toHaveLength(1);
  });
});

describe("GET /api/v1/regions/{code}/targets", () => {
  it("counts by phase and status, with the teams as counts and units", async () => {
    const { status, body } = await get("/api/v1/regions/450422/targets");
    expect(status).toBe(200);
    const s = body.summary;
    expect(s.targets).toBe(5);
    expect(s.signed_off).toBe(2);
    expect(s.by_phase).toEqual({ plan: 1, implement: 2, consolidate: 2 });
    expect(s.by_status).toEqual({
      on_track: 1,
      achieved: 1,
      exceeded: 1,
      at_risk: 1,
      missed: 1,
    });
    expect(s.by_phase_status.implement).toEqual({
      on_track: 0,
      achieved: 0,
      exceeded: 0,
      at_risk: 1,
      missed: 1,
    });
    expect(s.teams).toEqual({ teams: 3, members: 9, villages: 3, units: 2 });
    expect(s.units).toEqual([
      { unit: "梧州市委组织部", teams: 2, members: 5 },
      { unit: "藤县财政局", teams: 1, members: 4 },
    ]);
    // No personal data: a team is a unit and a count.
    expect(JSON.stringify(body)).not.toMatch(/"name":\s*"[^"]*(书记|队员)/);
  });

  it("lists commitment against delivery, missed and at-risk first", async () => {
    const { body } = await get("/api/v1/regions/450422/targets");
    expect(ids(body.items)).toEqual([2, 3, 4, 5, 1]);
    const goats = body.items.find((i: { id: number }) => i.id === 1);
    expect(goats).toMatchObject({
      baseline: 120,
      target: 500,
      actual: 712,
      unit: "只",
      measures: ["成立合作社", "建设羊舍 2 栋"],
      dispatching_unit: "梧州市委组织部",
      signed_off_by: "梧州市委组织部",
      village: { code: "450422104211", name: "黎寨村委会" },
    });
    expect(goats.progress).toBeCloseTo((712 - 120) / (500 - 120), 12);
    expect(body.items.find((i: { id: number }) => i.id === 4).progress).toBeNull();
    const city = (await get("/api/v1/regions/4504/targets")).body;
    expect(city.summary.targets).toBe(6);
    expect(city.summary.teams.teams).toBe(4);
  });
});

describe("bad requests", () => {
  it.each([
    ["/api/v1/regions/45x/projects", 400, "code"],
    ["/api/v1/regions/450422/problems?page=0", 400, "page"],
    ["/api/v1/regions/450422/problems?page=abc", 400, "page"],
    ["/api/v1/regions/450422/targets?per_page=51", 400, "per_page"],
    ["/api/v1/regions/450422/targets?page=1.5", 400, "page"],
  ])("%s is a %i naming %s", async (path, code, parameter) => {
    const { status, type, body } = await get(path);
    expect(status).toBe(code);
    expect(type).toContain("application/problem+json");
    expect(body.errors.map((e: { parameter: string }) => e.parameter)).toContain(parameter);
    expect(body.detail_zh).toMatch(/^参数有误/);
  });

  it("answers an unknown region with a 404 problem", async () => {
    for (const what of ["projects", "problems", "targets"]) {
      const { status, type, body } = await get(`/api/v1/regions/999999/${what}`);
      expect(status).toBe(404);
      expect(type).toContain("application/problem+json");
      expect(body.detail_zh).toContain("999999");
    }
  });

  it("documents the three endpoints in the OpenAPI document", async () => {
    const { body } = await get("/api/openapi.json");
    for (const what of ["projects", "problems", "targets"]) {
      const op = body.paths[`/api/v1/regions/{code}/${what}`]?.get;
      expect(op, what).toBeDefined();
      expect(op.parameters.map((p: { name: string }) => p.name)).toEqual(
        expect.arrayContaining(["code", "page", "per_page"]),
      );
    }
  });
});
