/**
 * Resident work teams (驻村工作队) and the term targets (任期目标) they signed with their
 * villages. Wuzhou and Teng county get exact totals from the articles (943 and 367 team
 * members, 583 targets in Teng, 1,300+ in Wuzhou), elsewhere ~30% of villages have a team.
 *
 * Target status follows the figures: exceeded when actual > 110% of target, achieved when
 * it reached the target (those are in the consolidate phase, signed off by the
 * dispatching unit), missed when the due date has passed short of it, at risk when
 * behind, on track otherwise.
 */
import { randomDate, stamp } from "./dates.ts";
import { LIZHAI, YEARS } from "./income.ts";
import { drawGoal, GENERIC_MEASURES, type Goal } from "./goals.ts";
import { PRODUCTS, unitsFor, type Product } from "./names.ts";
import { WUZHOU } from "./projects.ts";
import { createRng, splitExact, type Rng } from "./random.ts";
import type { Region, RegionIndex } from "./regions.ts";
import type { SqlValue } from "./sql.ts";

export const TENG = "450422";
/** Exact totals from the articles, and how many teams they are spread over. */
const QUOTAS = [
  { prefix: TENG, teams: 160, members: 367, targets: 583 },
  { prefix: WUZHOU, teams: 220, members: 943 - 367, targets: 743 }, // the rest of Wuzhou
] as const;

type Phase = "plan" | "implement" | "consolidate";
type Status = "on_track" | "achieved" | "exceeded" | "at_risk" | "missed";

interface Team {
  id: number;
  village: Region;
  unit: string;
  start: string;
  end: string;
  members: number;
  targets: number;
}

const round = (x: number, step: number) =>
  Number((Math.round(x / step) * step).toFixed(step < 1 ? 1 : 0));

/** Actual value for a status, rounded to the metric's precision and kept consistent with it. */
function actualFor(g: Goal, status: Status, rng: Rng): number {
  const gap = g.target - g.baseline;
  const below = (lo: number, hi: number) =>
    Math.min(
      round(g.baseline + gap * rng.between(lo, hi), g.step),
      round(g.target - g.step, g.step),
    );
  switch (status) {
    case "exceeded":
      return Math.max(
        round(g.target * rng.between(1.12, 1.6), g.step),
        round(g.target * 1.1, g.step) + g.step,
      );
    case "achieved": {
      // Within [target, 110% of target], rounded down so rounding cannot push it over.
      const most = Math.min(
        g.cap ?? Number.POSITIVE_INFINITY,
        Math.floor((g.target * 1.1) / g.step) * g.step,
      );
      return Math.max(
        g.target,
        Math.min(round(most, g.step), round(g.target * rng.between(1, 1.1), g.step)),
      );
    }
    case "at_risk":
      return Math.max(g.baseline, below(0.05, 0.4));
    default:
      return Math.max(g.baseline, below(0.3, 0.9)); // on_track, missed
  }
}

function outcome(rng: Rng, team: Team, g: Goal): { phase: Phase; status: Status } {
  const early = team.start >= "2025-01-01";
  const picked = rng.weighted<[Phase, Status]>([
    [["consolidate", "achieved"], early ? 10 : 22],
    [["consolidate", "exceeded"], early ? 5 : 12],
    [["implement", "on_track"], early ? 40 : 33],
    [["implement", "at_risk"], early ? 12 : 10],
    [["implement", "missed"], early ? 3 : 6],
    [["plan", "on_track"], early ? 30 : 17],
  ]);
  const [phase, status] = picked;
  // A metric with a ceiling cannot be exceeded by 10%.
  if (status === "exceeded" && g.cap !== undefined && g.cap < g.target * 1.1)
    return { phase, status: "achieved" };
  return { phase, status };
}

function dueOn(rng: Rng, team: Team, phase: Phase, status: Status): string {
  const past = ["2025-06-30", "2025-12-31", "2026-06-30", "2026-09-30"].filter(
    (d) => d > team.start,
  );
  const future = ["2026-12-31", "2027-03-31", team.end].filter((d) => d <= team.end);
  return phase === "consolidate" || status === "missed" ? rng.pick(past) : rng.pick(future);
}

export function makeTeamsAndTargets(
  idx: RegionIndex,
  annual: Map<string, number[]>,
): { teams: SqlValue[][]; targets: SqlValue[][] } {
  const rng = createRng("targets");
  const teams: Team[] = [];
  const newTeam = (village: Region, members: number, targets: number) => {
    // Most teams started with the June 2024 rotation; 黎寨村's has been there since.
    const late = rng.chance(0.2) && village.code !== LIZHAI;
    teams.push({
      id: 0,
      village,
      unit: rng.pick(unitsFor(idx, village.code)),
      members,
      targets,
      start: late ? "2025-03-01" : "2024-06-01",
      end: late ? "2028-02-29" : "2027-05-31",
    });
  };
  const quotaCodes = new Set<string>();
  for (const q of QUOTAS) {
    const pool = idx.committeesUnder(q.prefix).filter((v) => !quotaCodes.has(v.code));
    for (const v of pool) quotaCodes.add(v.code);
    const chosen = rng.sample(
      pool.filter((v) => v.code !== LIZHAI),
      q.teams,
    );
    if (q.prefix === TENG) chosen[0] = idx.get(LIZHAI);
    const members = splitExact(rng, q.members, q.teams, 2, 4);
    const counts = splitExact(rng, q.targets, q.teams, 2, 5);
    chosen.forEach((v, i) => newTeam(v, members[i] as number, counts[i] as number));
  }
  for (const v of idx.committees) {
    if (quotaCodes.has(v.code) || !rng.chance(0.3)) continue;
    newTeam(
      v,
      rng.weighted([
        [2, 3],
        [3, 4],
        [4, 2],
        [5, 1],
      ]),
      rng.int(1, 4),
    );
  }
  teams.sort((a, b) => (a.village.code < b.village.code ? -1 : 1));

  const teamRows: SqlValue[][] = [];
  const targetRows: SqlValue[][] = [];
  teams.forEach((team, i) => {
    team.id = i + 1;
    teamRows.push([team.id, team.village.code, team.unit, team.members, team.start, team.end]);
    for (let k = 0; k < team.targets; k++) {
      const row =
        team.village.code === LIZHAI && k === 0
          ? goatTarget(team)
          : drawTarget(idx, rng, team, annual, k);
      targetRows.push([targetRows.length + 1, ...row]);
    }
  });
  return { teams: teamRows, targets: targetRows };
}

function drawTarget(
  idx: RegionIndex,
  rng: Rng,
  team: Team,
  annual: Map<string, number[]>,
  k: number,
): SqlValue[] {
  const code = team.village.code;
  const updated = stamp(randomDate(rng, "2026-10-01", "2026-10-30"));
  // Every other team's first target is the collective income, checked on the 2025 accounts.
  if (k === 0 && rng.chance(0.5)) {
    // Baseline: the year before the term; target: 5-25% more (at least 5万元), due with the 2025 accounts.
    const years = annual.get(code) as number[];
    const baseYear = Number(team.start.slice(0, 4)) - 1;
    const baseline = round(
      (years[YEARS.indexOf(baseYear as (typeof YEARS)[number])] as number) / 10_000,
      0.1,
    );
    const target = Math.max(5, Math.ceil(baseline * rng.between(1.05, 1.25)));
    const actual = round((years[YEARS.indexOf(2025)] as number) / 10_000, 0.1);
    const status: Status =
      actual > target * 1.1 ? "exceeded" : actual >= target ? "achieved" : "missed";
    const done = status !== "missed";
    const measures = [
      "盘活闲置集体资产",
      "发展村级光伏等稳定收益项目",
      "入股村股份经济合作社",
      "开展农业社会化服务",
    ];
    return [
      code,
      team.id,
      `村集体经济收入达到 ${target} 万元`,
      "industry",
      done ? "consolidate" : "implement",
      JSON.stringify(rng.sample(measures, rng.int(2, 4))),
      "村集体经济年收入",
      "万元",
      baseline,
      target,
      actual,
      "2025-12-31",
      done ? team.unit : null,
      status,
      updated,
    ];
  }
  const g = drawGoal(rng, PRODUCTS[idx.rootOf(code)] as Product[]);
  const { phase, status } = outcome(rng, team, g);
  const actual = phase === "plan" ? g.baseline : actualFor(g, status, rng);
  const measures = rng.sample([...g.measures, ...GENERIC_MEASURES], rng.int(1, 4));
  return [
    code,
    team.id,
    g.title,
    g.category,
    phase,
    JSON.stringify(measures),
    g.metric,
    g.unit,
    g.baseline,
    g.target,
    actual,
    dueOn(rng, team, phase, status),
    phase === "consolidate" ? team.unit : null,
    status,
    updated,
  ];
}

/** 黎寨村's target from the article: 500+ black goats, reached 700+. */
function goatTarget(team: Team): SqlValue[] {
  const measures = [
    "成立黑山羊养殖专业合作社",
    "建设标准化羊舍 2 栋",
    "引进种羊并开展防疫培训",
    "合作社按股分红，村集体年分红 7800 元",
  ];
  return [
    team.village.code,
    team.id,
    "发展黑山羊养殖 500 只以上",
    "industry",
    "consolidate",
    JSON.stringify(measures),
    "黑山羊存栏",
    "只",
    120,
    500,
    712,
    "2026-06-30",
    team.unit,
    "exceeded",
    stamp("2026-10-20"),
  ];
}
