/**
 * The sample data agrees with the articles it is built on (DESIGN.md, "The source
 * material" and "Sample data"). Every figure is counted here with straight SQL over the
 * raw rows of the loaded test database, not through region_period_stats or app code
 * (except the last check, which holds the stored rollup to the same facts).
 */
import { beforeAll, describe, expect, it } from "vitest";
import type { DatabaseSync } from "node:sqlite";
import { openSampleDatabase } from "../support/sample-db.ts";

let db: DatabaseSync;
beforeAll(() => {
  db = openSampleDatabase();
});

/** One row of a query, as a plain record. */
function one<T>(sql: string, ...params: (string | number)[]): T {
  return db.prepare(sql).get(...params) as T;
}

/** Rounds a share to a percentage with one decimal, as the articles quote them. */
const percent = (numerator: number, denominator: number) =>
  Math.round((numerator / denominator) * 1000) / 10;

/** Current returns of the village committees under a code, for a period. */
const CURRENT_RETURNS = `
  FROM income_returns i JOIN regions r ON r.code = i.village_code
  WHERE r.kind = 'village_committee' AND substr(i.village_code, 1, length(?1)) = ?1
    AND i.period = ?2 AND i.superseded_at IS NULL`;

describe("regions and returns", () => {
  it("has the 6,298 village committees of the six sample areas", () => {
    const { n } = one<{ n: number }>(
      "SELECT count(*) AS n FROM regions WHERE kind = 'village_committee'",
    );
    expect(n).toBe(6298);
  });

  it("stores only returns that satisfy the income identity", () => {
    const { bad, rowCount } = one<{ bad: number; rowCount: number }>(
      `SELECT sum(total <> operating + contracting + investment + subsidy + other) AS bad,
              count(*) AS rowCount
       FROM income_returns`,
    );
    expect(rowCount).toBeGreaterThan(400_000);
    expect(bad).toBe(0);
  });

  it("has returns from village committees only", () => {
    const { n } = one<{ n: number }>(
      `SELECT count(*) AS n FROM income_returns i LEFT JOIN regions r ON r.code = i.village_code
       WHERE r.kind IS NOT 'village_committee'`,
    );
    expect(n).toBe(0);
  });

  it("keeps revisions append-only: a superseded original beside each current correction", () => {
    const { originals, corrected } = one<{ originals: number; corrected: number }>(
      `SELECT count(*) AS originals,
              sum(EXISTS (SELECT 1 FROM income_returns c
                          WHERE c.village_code = o.village_code AND c.period = o.period
                            AND c.superseded_at IS NULL AND c.recorded_at = o.superseded_at
                            AND c.reason IS NOT NULL)) AS corrected
       FROM income_returns o WHERE o.superseded_at IS NOT NULL`,
    );
    expect(originals).toBeGreaterThanOrEqual(10);
    expect(corrected).toBe(originals);
  });
});

describe("长治市: collective income in 2025", () => {
  it("every one of the 2,436 village committees reported and passed 10万元", () => {
    const { villages } = one<{ villages: number }>(
      `SELECT count(*) AS villages FROM regions
       WHERE kind = 'village_committee' AND code LIKE '1404%'`,
    );
    const { reporting, lowest } = one<{ reporting: number; lowest: number }>(
      `SELECT count(*) AS reporting, min(i.total) AS lowest ${CURRENT_RETURNS}`,
      "1404",
      "2025-12",
    );
    expect(villages).toBe(2436);
    expect(reporting).toBe(2436);
    expect(lowest).toBeGreaterThanOrEqual(100_000);
  });

  it("58.2% (1,418 of 2,436) passed 30万元", () => {
    const { atLeast, reporting } = one<{ atLeast: number; reporting: number }>(
      `SELECT sum(i.total >= 300000) AS atLeast, count(*) AS reporting ${CURRENT_RETURNS}`,
      "1404",
      "2025-12",
    );
    expect(atLeast).toBe(1418);
    expect(percent(atLeast, reporting)).toBe(58.2);
  });

  it("平安村 (襄垣县) reached 100万元", () => {
    const row = one<{ name: string; total: number }>(
      `SELECT r.name, i.total FROM income_returns i JOIN regions r ON r.code = i.village_code
       WHERE i.village_code = '140423103263' AND i.period = '2025-12'
         AND i.superseded_at IS NULL`,
    );
    expect(row.name).toBe("平安村村委会");
    expect(row.total).toBeGreaterThanOrEqual(1_000_000);
    expect(row.total).toBeLessThan(1_100_000);
  });

  it("the stored rollup for 1404 / 2025-12 says the same", () => {
    const s = one<Record<string, number>>(
      `SELECT * FROM region_period_stats
       WHERE valid_to IS NULL AND region_code = '1404' AND period = '2025-12'`,
    );
    expect(s.villages).toBe(2436);
    expect(s.reporting).toBe(2436);
    expect(s.band_zero + s.band_lt_5w + s.band_5w_10w).toBe(0);
    expect(s.band_30w_50w + s.band_50w_100w + s.band_ge_100w).toBe(1418);
  });
});

describe("黎寨村 (藤县): the black-goat target", () => {
  it("has the signed-off target of 500+ goats, exceeded at 700+", () => {
    const t = one<Record<string, string | number | null>>(
      `SELECT t.*, w.dispatching_unit FROM targets t JOIN work_teams w ON w.id = t.work_team_id
       WHERE t.village_code = '450422104211' AND t.metric = '黑山羊存栏'`,
    );
    expect(t.title).toMatch(/黑山羊.*500/);
    expect(t.unit).toBe("只");
    expect(t.target).toBe(500);
    expect(t.baseline).toBeLessThan(500);
    expect(t.actual).toBeGreaterThanOrEqual(700);
    expect(t.actual).toBeLessThan(800);
    expect(t.status).toBe("exceeded");
    expect(t.phase).toBe("consolidate");
    expect(t.signed_off_by).toBe(t.dispatching_unit);
  });

  it("gained 7,800元 from the goat cooperative in 2025 (投资收益)", () => {
    const { investment } = one<{ investment: number }>(
      `SELECT investment FROM income_returns
       WHERE village_code = '450422104211' AND period = '2025-12' AND superseded_at IS NULL`,
    );
    expect(investment).toBe(7800);
  });
});

describe("梧州市: 书记直通车 projects and problems", () => {
  const SOLVED = "p.status IN ('resolved', 'closed')";

  it("37 first-batch projects with over 1,100万元 invested", () => {
    const { n, invested } = one<{ n: number; invested: number }>(
      `SELECT count(*) AS n, sum(invested) AS invested FROM projects
       WHERE region_code LIKE '4504%' AND batch = '第一批'`,
    );
    expect(n).toBe(37);
    expect(invested).toBeGreaterThan(11_000_000);
  });

  it("110+ problems collected on the first batch, 70+ solved", () => {
    const { collected, solved } = one<{ collected: number; solved: number }>(
      `SELECT count(*) AS collected, sum(${SOLVED}) AS solved
       FROM problems p JOIN projects j ON j.id = p.project_id
       WHERE j.region_code LIKE '4504%' AND j.batch = '第一批'`,
    );
    expect(collected).toBeGreaterThanOrEqual(110);
    expect(solved).toBeGreaterThanOrEqual(70);
    expect(solved).toBeLessThan(collected);
  });

  it("340+ problems of major projects solved in 报批, 用地, 用水, 用电", () => {
    const { n } = one<{ n: number }>(
      `SELECT count(*) AS n FROM problems p JOIN projects j ON j.id = p.project_id
       WHERE j.region_code LIKE '4504%' AND j.batch IS NOT NULL
         AND p.category IN ('approval', 'land', 'water', 'power') AND ${SOLVED}`,
    );
    expect(n).toBeGreaterThanOrEqual(340);
  });
});

describe("term targets and work teams", () => {
  const teams = (prefix: string) =>
    one<{ members: number; targets: number }>(
      `SELECT (SELECT sum(members) FROM work_teams WHERE village_code LIKE ?1 || '%') AS members,
              (SELECT count(*) FROM targets WHERE village_code LIKE ?1 || '%') AS targets`,
      prefix,
    );

  it("梧州市: 943 first secretaries and team members, 1,300+ targets", () => {
    const { members, targets } = teams("4504");
    expect(members).toBe(943);
    expect(targets).toBeGreaterThanOrEqual(1300);
  });

  it("藤县: 367 team members, 583 targets", () => {
    const { members, targets } = teams("450422");
    expect(members).toBe(367);
    expect(targets).toBe(583);
  });

  it("every target belongs to its work team's village", () => {
    const { n } = one<{ n: number }>(
      `SELECT count(*) AS n FROM targets t JOIN work_teams w ON w.id = t.work_team_id
       WHERE w.village_code <> t.village_code`,
    );
    expect(n).toBe(0);
  });
});

describe("来宾市: enterprise problems", () => {
  it("316 solved of 379 collected: resolution rate 83.4%", () => {
    const { collected, solved } = one<{ collected: number; solved: number }>(
      `SELECT count(*) AS collected, sum(status IN ('resolved', 'closed')) AS solved
       FROM problems WHERE region_code LIKE '4513%'`,
    );
    expect(collected).toBe(379);
    expect(solved).toBe(316);
    expect(percent(solved, collected)).toBe(83.4);
  });
});
