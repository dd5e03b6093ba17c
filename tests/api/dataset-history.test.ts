/**
 * The projects, problems, targets, work-teams and releases datasets as of a release,
 * rebuilt from their histories on a real local D1: later changes are invisible in an
 * earlier release, and CSV equals JSON.
 */
import { env, exports } from "cloudflare:workers";
import { beforeAll, describe, expect, it } from "vitest";
import { parseCsv } from "../../src/lib/csv.ts";
import { pageSql } from "../../src/db/datasets.ts";
import { findDataset, type DatasetDef } from "../../src/lib/datasets.ts";
import { RELEASE_1_AT, RELEASE_2_AT } from "./dataset-fixture.ts";
import { loadHistoryFixture } from "./dataset-history-fixture.ts";

beforeAll(async () => {
  await loadHistoryFixture(env.DB);
});

type Row = Record<string, unknown>;

async function get(path: string) {
  const response = await exports.default.fetch(new Request(`http://ledger.test${path}`));
  const text = await response.text();
  const json = response.headers.get("content-type")?.includes("json");
  return { status: response.status, text, body: json ? JSON.parse(text) : null };
}

/** Every JSON row, following next_cursor with a small page to cross page boundaries. */
async function jsonRows(path: string): Promise<Row[]> {
  const rows: Row[] = [];
  let url: string | null = `${path}&limit=1`;
  for (let pages = 0; url && pages < 50; pages++) {
    const { status, body } = await get(url);
    expect(status, url).toBe(200);
    rows.push(...body.rows);
    url = body.next;
  }
  return rows;
}

const byId = (rows: Row[]) => new Map(rows.map((r) => [r.id, r]));

describe("projects as of a release", () => {
  it("reads a project updated after the release as that release had it", async () => {
    const first = byId(await jsonRows("/api/v1/datasets/projects.json?release=2025-12"));
    const second = byId(await jsonRows("/api/v1/datasets/projects.json?release=2026-01"));
    const live = byId(await jsonRows("/api/v1/datasets/projects.json?region=45"));
    expect(first.get(1)).toMatchObject({
      progress: 25,
      invested: 300000,
      status: "under_way",
      completed_date: null,
      updated_at: "2026-01-05T02:00:00Z",
      budget: 1200000,
    });
    expect(second.get(1)).toMatchObject({ progress: 60, invested: 700000, status: "under_way" });
    expect(live.get(1)).toMatchObject({ progress: 60, invested: 700000 });
    // Completed long before: the completion date comes from the completing report.
    expect(first.get(2)).toMatchObject({
      status: "completed",
      progress: 100,
      completed_date: "2025-06-28",
    });
  });

  it("leaves out a project first reported after the release", async () => {
    const first = await jsonRows("/api/v1/datasets/projects.json?release=2025-12");
    const second = await jsonRows("/api/v1/datasets/projects.json?release=2026-01");
    expect(first.map((r) => r.id)).toEqual([1, 2]);
    expect(second.map((r) => r.id)).toEqual([1, 2, 3]);
  });

  it("keeps the region and period filters", async () => {
    const rows = await jsonRows(
      "/api/v1/datasets/projects.json?release=2026-01&region=450422104&from=2026-01",
    );
    expect(rows.map((r) => r.id)).toEqual([3]);
  });
});

describe("problems as of a release", () => {
  it("reads a problem claimed (recorded) after the release as open in it", async () => {
    const first = byId(await jsonRows("/api/v1/datasets/problems.json?release=2025-12"));
    const second = byId(await jsonRows("/api/v1/datasets/problems.json?release=2026-01"));
    expect(first.get(11)).toMatchObject({
      status: "open",
      department: null,
      claimed_on: null,
      raised_on: "2025-12-15",
      updated_at: "2025-12-15T02:00:00Z",
    });
    expect(second.get(11)).toMatchObject({
      status: "claimed",
      department: "县水利局",
      claimed_on: "2026-01-18",
      resolved_on: null,
    });
  });

  it("leaves out a problem raised after the release", async () => {
    const first = await jsonRows("/api/v1/datasets/problems.json?release=2025-12");
    const second = await jsonRows("/api/v1/datasets/problems.json?release=2026-01");
    expect(first.map((r) => r.id)).toEqual([11, 13]);
    expect(second.map((r) => r.id)).toEqual([11, 12, 13]);
    expect(byId(second).get(12)).toMatchObject({ status: "open", claimed_on: null });
  });

  it("rebuilds every stage of a closed problem", async () => {
    const first = byId(await jsonRows("/api/v1/datasets/problems.json?release=2025-12"));
    expect(first.get(13)).toMatchObject({
      status: "closed",
      department: "县自然资源局",
      claimed_on: "2025-03-05",
      resolved_on: "2025-04-10",
      closed_on: "2025-04-20",
    });
  });

  it("matches the live table when read after every event", async () => {
    // The latest release postdates only some events; the live rows are the events' sum.
    const live = await jsonRows("/api/v1/datasets/problems.json?region=45");
    const second = await jsonRows("/api/v1/datasets/problems.json?release=2026-01");
    expect(second).toEqual(live);
  });
});

describe("CSV as of a release", () => {
  for (const name of ["projects", "problems", "targets", "work-teams", "releases"]) {
    it(`${name}.csv equals ${name}.json for release 2025-12`, async () => {
      const path = `/api/v1/datasets/${name}`;
      const csv = await get(`${path}.csv?release=2025-12`);
      expect(csv.status).toBe(200);
      const [header, ...lines] = parseCsv(csv.text);
      const json = await jsonRows(`${path}.json?release=2025-12`);
      expect(lines).toHaveLength(json.length);
      expect(header).toEqual(Object.keys(json[0] as Row));
      const asText = json.map((r) => Object.values(r).map((v) => (v === null ? "" : String(v))));
      // Text cells may carry the formula-injection apostrophe; compare without it.
      expect(lines.map((l) => l.map((v) => v.replace(/^'(?=[=+\-@])/, "")))).toEqual(asText);
    });
  }
});

describe("targets as of a release", () => {
  it("reads a target updated after the release as that release had it", async () => {
    const first = byId(await jsonRows("/api/v1/datasets/targets.json?release=2025-12"));
    const second = byId(await jsonRows("/api/v1/datasets/targets.json?release=2026-01"));
    const live = byId(await jsonRows("/api/v1/datasets/targets.json?region=45"));
    expect(first.get(1)).toMatchObject({
      phase: "implement",
      actual: 4,
      status: "on_track",
      updated_at: "2026-01-05T02:00:00Z",
      baseline: -12.5,
      title: "+86 热线覆盖",
    });
    expect(second.get(1)).toMatchObject({ actual: 7, status: "at_risk" });
    expect(live.get(1)).toMatchObject({ actual: 7, status: "at_risk" });
    // Signed after both releases: absent from them, present live.
    expect([...first.keys()]).toEqual([1]);
    expect([...second.keys()]).toEqual([1]);
    expect(live.get(2)).toMatchObject({ phase: "plan", status: "on_track" });
  });
});

describe("work teams as of a release", () => {
  it("reads members and term as recorded by the release", async () => {
    const first = await jsonRows("/api/v1/datasets/work-teams.json?release=2025-12");
    const second = await jsonRows("/api/v1/datasets/work-teams.json?release=2026-01");
    const live = await jsonRows("/api/v1/datasets/work-teams.json?region=45");
    expect(first).toEqual([
      {
        id: 1,
        village_code: "450422104211",
        dispatching_unit: "-县农业农村局",
        members: 2,
        term_start: "2024-01-01",
        term_end: "2026-06-30",
        updated_at: "2024-01-01T00:00:00Z",
      },
    ]);
    expect(second).toEqual([
      { ...first[0], members: 3, term_end: "2026-12-31", updated_at: "2026-02-01T02:00:00Z" },
    ]);
    expect(live.map((r) => r.id)).toEqual([1, 2]);
    expect(live[0]).toEqual(second[0]);
  });
});

describe("the release calendar as of a release", () => {
  it("shows the releases announced by then, with their status and date then", async () => {
    const first = await jsonRows("/api/v1/datasets/releases.json?release=2025-12");
    const second = await jsonRows("/api/v1/datasets/releases.json?release=2026-01");
    const live = await jsonRows("/api/v1/datasets/releases.json?from=2025-01");
    const pick = (rows: Row[]) =>
      rows.map((r) => [r.period, r.status, r.scheduled_at, r.published_at]);
    expect(pick(first)).toEqual([
      ["2025-12", "published", RELEASE_1_AT, RELEASE_1_AT],
      ["2026-01", "confirmed", RELEASE_2_AT, null],
      ["2026-02", "provisional", "2026-03-18T02:00:00Z", null],
    ]);
    expect(pick(second)).toEqual([
      ["2025-12", "published", RELEASE_1_AT, RELEASE_1_AT],
      ["2026-01", "published", RELEASE_2_AT, RELEASE_2_AT],
      ["2026-02", "provisional", "2026-03-18T02:00:00Z", null],
    ]);
    expect(pick(live).slice(2)).toEqual([
      ["2026-02", "provisional", "2026-03-20T02:00:00Z", null],
      ["2026-03", "provisional", "2026-04-20T02:00:00Z", null],
    ]);
  });
});

describe("the as-of page query", () => {
  for (const name of ["projects", "problems", "targets", "work-teams"]) {
    it(`${name} walks the primary key and looks up each history by its index`, async () => {
      const def = findDataset(name) as DatasetDef;
      const { text, values } = pageSql(def, { asOf: RELEASE_1_AT }, [1], 100);
      const plan = await env.DB.prepare(`EXPLAIN QUERY PLAN ${text}`)
        .bind(...values)
        .all<{ id: number; parent: number; detail: string }>();
      // The page itself is read in key order; only one item's own history is ever sorted.
      const top = plan.results.filter((r) => r.parent === 0).map((r) => r.detail);
      expect(top.join("\n")).not.toMatch(/TEMP B-TREE FOR ORDER BY/);
      expect(top[0]).toMatch(/^SEARCH t USING INTEGER PRIMARY KEY/);
      const details = plan.results.map((r) => r.detail).join("\n");
      expect(details).toMatch(
        /project_updates_by_project|problem_events_by_problem|target_updates_by_target|work_team_changes_by_team/,
      );
      expect(details).not.toMatch(/SCAN (u|v|s|e|w)\b/);
    });
  }
});
