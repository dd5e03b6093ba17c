/**
 * The article facts the sample must agree with (DESIGN.md, "The source material"),
 * checked on the generated rows before the SQL is written, so that a change to the
 * generator that breaks one fails at once rather than in a page test.
 * tests/site/sample-facts.test.ts checks the same facts on the loaded database.
 */
import { CHANGZHI, CHANGZHI_AT_LEAST_30W, LIZHAI, PINGAN, type IncomeData } from "./income.ts";
import { KEY_CATEGORIES, LAIBIN, LAIBIN_COLLECTED, LAIBIN_SOLVED } from "./problems.ts";
import { FIRST_BATCH, WUZHOU, type Project } from "./projects.ts";
import type { RegionIndex } from "./regions.ts";
import type { SqlValue } from "./sql.ts";
import { TENG } from "./targets.ts";

interface Generated {
  idx: RegionIndex;
  income: IncomeData;
  projects: Project[];
  problems: SqlValue[][];
  teams: SqlValue[][];
  targets: SqlValue[][];
}

// Column positions in the problem, team and target rows (see generate.ts for the lists).
const P_REGION = 1,
  P_PROJECT = 2,
  P_CATEGORY = 4,
  P_STATUS = 12;
const T_VILLAGE = 1,
  T_MEMBERS = 3;
const G_VILLAGE = 1,
  G_TITLE = 3;

function check(ok: boolean, fact: string): void {
  if (!ok) throw new Error(`sample data breaks an article fact: ${fact}`);
}

export function checkFacts({ idx, income, projects, problems, teams, targets }: Generated): void {
  check(idx.committees.length === 6298, "6,298 village committees");

  const changzhi = (income.current.get("2025-12") ?? []).filter((r) =>
    r.village_code.startsWith(CHANGZHI),
  );
  check(
    changzhi.length === idx.committeesUnder(CHANGZHI).length && changzhi.length === 2436,
    "Changzhi: all 2,436 report 2025",
  );
  check(
    changzhi.every((r) => r.total >= 100_000),
    "Changzhi: every village ≥ 10万",
  );
  check(
    changzhi.filter((r) => r.total >= 300_000).length === CHANGZHI_AT_LEAST_30W,
    "Changzhi: 1,418 (58.2%) ≥ 30万",
  );
  const pingan = changzhi.find((r) => r.village_code === PINGAN);
  check(!!pingan && pingan.total >= 1_000_000 && pingan.total < 1_100_000, "平安村 reached 100万");
  const lizhai = (income.current.get("2025-12") ?? []).find((r) => r.village_code === LIZHAI);
  check(lizhai?.investment === 7_800, "黎寨村 dividend 7,800元");

  const inWuzhou = (code: SqlValue) => String(code).startsWith(WUZHOU);
  const first = projects.filter((p) => inWuzhou(p.region.code) && p.batch === FIRST_BATCH);
  check(first.length === 37, "Wuzhou: 37 first-batch projects");
  check(
    first.reduce((s, p) => s + p.invested, 0) > 11_000_000,
    "Wuzhou: first batch invested > 1,100万",
  );
  const firstIds = new Set(first.map((p) => p.id));
  const solved = (row: SqlValue[]) => row[P_STATUS] === "resolved" || row[P_STATUS] === "closed";
  const firstProblems = problems.filter((row) => firstIds.has(row[P_PROJECT] as number));
  check(
    firstProblems.length >= 110 && firstProblems.filter(solved).length >= 70,
    "Wuzhou: 110+ collected, 70+ solved",
  );
  const major = new Set(
    projects.filter((p) => inWuzhou(p.region.code) && p.batch !== null).map((p) => p.id),
  );
  const keySolved = problems.filter(
    (row) =>
      major.has(row[P_PROJECT] as number) &&
      KEY_CATEGORIES.includes(row[P_CATEGORY] as never) &&
      solved(row),
  );
  check(
    keySolved.length >= 340,
    "Wuzhou: 340+ 报批/用地/用水/用电 problems of major projects solved",
  );

  const members = (prefix: string) =>
    teams
      .filter((t) => String(t[T_VILLAGE]).startsWith(prefix))
      .reduce((s, t) => s + (t[T_MEMBERS] as number), 0);
  const targetCount = (prefix: string) =>
    targets.filter((t) => String(t[G_VILLAGE]).startsWith(prefix)).length;
  check(
    members(WUZHOU) === 943 && members(TENG) === 367,
    "work team members: Wuzhou 943, Teng 367",
  );
  check(
    targetCount(WUZHOU) >= 1300 && targetCount(TENG) === 583,
    "targets: Wuzhou 1,300+, Teng 583",
  );
  check(
    targets.some((t) => t[G_VILLAGE] === LIZHAI && t[G_TITLE] === "发展黑山羊养殖 500 只以上"),
    "黎寨村 goat target",
  );

  const laibin = problems.filter((row) => String(row[P_REGION]).startsWith(LAIBIN));
  check(
    laibin.length === LAIBIN_COLLECTED && laibin.filter(solved).length === LAIBIN_SOLVED,
    "Laibin: 316 of 379 solved",
  );
}
