/**
 * The datasets with histories, as of a release on the built site with the sample data,
 * checked against the histories replayed in plain TypeScript over the raw rows
 * (project_updates, problem_events, target_updates, work_team_changes), not the app's SQL.
 */
import type { DatabaseSync } from "node:sqlite";
import { beforeAll, describe, expect, inject, it } from "vitest";
import { parseCsv } from "../../src/lib/csv.ts";
import { openSampleDatabase } from "../support/sample-db.ts";

const base = inject("baseUrl");
let db: DatabaseSync;
beforeAll(() => {
  db = openSampleDatabase();
});

type Raw = Record<string, string | number | null>;

async function csvById(path: string): Promise<Map<number, Record<string, string>>> {
  const response = await fetch(`${base}${path}`);
  expect(response.status, path).toBe(200);
  const [header, ...rows] = parseCsv(await response.text());
  const out = new Map<number, Record<string, string>>();
  for (const row of rows) {
    const obj = Object.fromEntries((header ?? []).map((h, i) => [h, row[i] ?? ""]));
    out.set(Number(obj.id), obj);
  }
  return out;
}

function publishedAt(period: string): string {
  const row = db.prepare("SELECT published_at FROM releases WHERE period = ?").get(period) as Raw;
  return row.published_at as string;
}

/** The last row per item recorded by `at`, in recording order (then id). */
function lastRecorded(rows: Raw[], item: string, at: string): Map<number, Raw> {
  const out = new Map<number, Raw>();
  const sorted = rows
    .filter((r) => (r.recorded_at as string) <= at)
    .sort((a, b) =>
      a.recorded_at === b.recorded_at
        ? (a.id as number) - (b.id as number)
        : (a.recorded_at as string) < (b.recorded_at as string)
          ? -1
          : 1,
    );
  for (const r of sorted) out.set(r[item] as number, r);
  return out;
}

const text = (v: unknown) => (v === null || v === undefined ? "" : String(v));

describe("sample projects and problems as of a release", () => {
  for (const period of ["2024-06", "2025-12"]) {
    it(`projects.csv?release=${period} replays the progress reports`, async () => {
      const at = publishedAt(period);
      const updates = db.prepare("SELECT * FROM project_updates").all() as Raw[];
      const expected = lastRecorded(updates, "project_id", at);
      const got = await csvById(`/api/v1/datasets/projects.csv?release=${period}`);
      expect(got.size).toBe(expected.size);
      expect(got.size).toBeGreaterThan(0);
      for (const [id, u] of expected) {
        const row = got.get(id);
        expect(row, `project ${id}`).toMatchObject({
          progress: text(u.progress),
          invested: text(u.invested),
          status: text(u.status),
          completed_date: u.status === "completed" ? text(u.reported_on) : "",
          updated_at: text(u.recorded_at),
        });
      }
    });

    it(`problems.csv?release=${period} replays the events`, async () => {
      const at = publishedAt(period);
      const events = db.prepare("SELECT * FROM problem_events").all() as Raw[];
      const latest = lastRecorded(events, "problem_id", at);
      const of = (status: string) =>
        lastRecorded(
          events.filter((e) => e.status === status),
          "problem_id",
          at,
        );
      const [claimed, resolved, closed] = [of("claimed"), of("resolved"), of("closed")];
      const got = await csvById(`/api/v1/datasets/problems.csv?release=${period}`);
      expect(got.size).toBe(latest.size);
      const counts = { open: 0, claimed: 0, resolved: 0, closed: 0 } as Record<string, number>;
      for (const [id, e] of latest) {
        const status = e.status as string;
        counts[status] = (counts[status] ?? 0) + 1;
        const reached = (stages: string[]) => stages.includes(status);
        expect(got.get(id), `problem ${id}`).toMatchObject({
          status,
          department: reached(["claimed", "resolved", "closed"])
            ? text(claimed.get(id)?.department)
            : "",
          claimed_on: reached(["claimed", "resolved", "closed"])
            ? text(claimed.get(id)?.event_date)
            : "",
          resolved_on: reached(["resolved", "closed"]) ? text(resolved.get(id)?.event_date) : "",
          closed_on: status === "closed" ? text(closed.get(id)?.event_date) : "",
        });
      }
      // The release is a real cut: some problems were still open then.
      expect(counts.open).toBeGreaterThan(0);
    });
  }
});

describe("sample targets, work teams and calendar as of a release", () => {
  for (const period of ["2024-06", "2025-12"]) {
    it(`targets.csv?release=${period} replays the target updates`, async () => {
      const at = publishedAt(period);
      const updates = db.prepare("SELECT * FROM target_updates").all() as Raw[];
      const expected = lastRecorded(updates, "target_id", at);
      const got = await csvById(`/api/v1/datasets/targets.csv?release=${period}`);
      expect(got.size).toBe(expected.size);
      expect(got.size).toBeGreaterThan(0);
      for (const [id, u] of expected) {
        expect(got.get(id), `target ${id}`).toMatchObject({
          phase: text(u.phase),
          actual: text(u.actual),
          status: text(u.status),
          signed_off_by: text(u.signed_off_by),
          updated_at: text(u.recorded_at),
        });
      }
    });

    it(`work-teams.csv?release=${period} replays the team changes`, async () => {
      const at = publishedAt(period);
      const changes = db.prepare("SELECT * FROM work_team_changes").all() as Raw[];
      const expected = lastRecorded(changes, "work_team_id", at);
      const got = await csvById(`/api/v1/datasets/work-teams.csv?release=${period}`);
      expect(got.size).toBe(expected.size);
      for (const [id, c] of expected) {
        expect(got.get(id), `team ${id}`).toMatchObject({
          members: text(c.members),
          term_end: text(c.term_end),
          updated_at: text(c.recorded_at),
        });
      }
    });
  }

  it("the 2024-06 release is a real cut: targets signed later and members changed since", async () => {
    const then = await csvById("/api/v1/datasets/targets.csv?release=2024-06");
    const now = await csvById("/api/v1/datasets/targets.csv");
    expect(then.size).toBeLessThan(now.size);
    const teamsThen = await csvById("/api/v1/datasets/work-teams.csv?release=2024-06");
    const teamsNow = await csvById("/api/v1/datasets/work-teams.csv");
    const changed = [...teamsThen].filter(([id, t]) => teamsNow.get(id)?.members !== t.members);
    expect(changed.length).toBeGreaterThan(0);
  });

  it("each history ends in the item's current state", () => {
    const stale = db
      .prepare(
        `SELECT count(*) AS n FROM targets t JOIN target_updates u ON u.id = (
           SELECT v.id FROM target_updates v WHERE v.target_id = t.id
           ORDER BY v.recorded_at DESC, v.id DESC LIMIT 1)
         WHERE u.phase <> t.phase OR u.status <> t.status OR u.actual IS NOT t.actual
           OR u.signed_off_by IS NOT t.signed_off_by OR u.recorded_at <> t.updated_at`,
      )
      .get() as { n: number };
    expect(stale.n).toBe(0);
    const teams = db
      .prepare(
        `SELECT count(*) AS n FROM work_teams t JOIN work_team_changes c ON c.id = (
           SELECT v.id FROM work_team_changes v WHERE v.work_team_id = t.id
           ORDER BY v.recorded_at DESC, v.id DESC LIMIT 1)
         WHERE c.members <> t.members OR c.term_end <> t.term_end OR c.recorded_at <> t.updated_at`,
      )
      .get() as { n: number };
    expect(teams.n).toBe(0);
  });

  it("releases.csv?release=2025-12 shows the calendar then: nothing later published", async () => {
    const got = await csvById("/api/v1/datasets/releases.csv?release=2025-12");
    const rows = [...got.values()];
    expect(rows.filter((r) => r.status === "published").map((r) => r.period)).toEqual(
      rows.filter((r) => r.period <= "2025-12").map((r) => r.period),
    );
    expect(rows.every((r) => r.period <= "2025-12" || r.published_at === "")).toBe(true);
  });
});
