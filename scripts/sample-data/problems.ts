/**
 * Problem lists (问题清单) and their status events: open → claimed (部门认领) →
 * resolved → closed (销号). Most areas get a random sprinkling per project and township;
 * the article areas get exact quotas so that their counts agree with the articles:
 * Wuzhou's first batch (110+ collected, 70+ solved), Wuzhou's major projects (340+
 * solved in 报批/用地/用水/用电) and Laibin (379 collected, 316 solved: 83.4%).
 */
import { AS_OF_DATE } from "./config.ts";
import { addDays, maxDate, minDate, randomDate, stamp } from "./dates.ts";
import { departmentFor } from "./names.ts";
import { FIRST_BATCH, WUZHOU, type Project, type ProjectCategory } from "./projects.ts";
import { createRng, splitExact, type Rng } from "./random.ts";
import { shortName, type Region, type RegionIndex } from "./regions.ts";
import type { SqlValue } from "./sql.ts";

export type ProblemCategory =
  | "land"
  | "water"
  | "power"
  | "funding"
  | "approval"
  | "technology"
  | "market"
  | "people"
  | "other";
export type ProblemStatus = "open" | "claimed" | "resolved" | "closed";
type Channel = "matchmaking" | "direct_line" | "visit" | "other";

export const LAIBIN = "4513";
export const LAIBIN_COLLECTED = 379;
export const LAIBIN_SOLVED = 316;
/** 报批, 用地, 用水, 用电: the categories the Wuzhou article counts for major projects. */
export const KEY_CATEGORIES: ProblemCategory[] = ["approval", "land", "water", "power"];

const PHRASES: Record<ProblemCategory, string[]> = {
  land: ["用地报批手续未完成", "设施农用地备案进度慢", "土地流转协议未签订", "临时用地审批滞后"],
  water: ["灌溉水源不足", "供水管网未接通", "取水许可未办理"],
  power: ["用电增容需求", "专用变压器未安装", "电力线路改造滞后", "三相动力电未接通"],
  funding: ["配套资金未到位", "贷款审批周期长", "项目资金拨付滞后"],
  approval: ["环评手续办理慢", "施工许可未批复", "立项批复滞后", "规划许可待办理"],
  technology: ["缺乏技术指导", "病虫害防治难", "养殖防疫技术薄弱"],
  market: ["产品销路不畅", "缺少稳定收购商", "品牌推广不足"],
  people: ["缺少经营管理人才", "专业技术人员短缺", "季节性用工不足"],
  other: ["施工扰民矛盾待调处", "村道安全隐患", "垃圾清运不及时"],
};

/** Likely problems of each kind of project; unlinked problems come from visits. */
const BY_PROJECT: Record<ProjectCategory | "none", [ProblemCategory, number][]> = {
  industry: [
    ["land", 3],
    ["water", 2],
    ["power", 2],
    ["funding", 3],
    ["technology", 2],
    ["market", 2],
  ],
  infrastructure: [
    ["approval", 3],
    ["land", 3],
    ["funding", 2],
    ["water", 1],
    ["power", 1],
  ],
  livelihood: [
    ["funding", 3],
    ["people", 2],
    ["approval", 2],
    ["other", 1],
  ],
  ecology: [
    ["approval", 2],
    ["funding", 2],
    ["land", 1],
    ["water", 2],
  ],
  other: [
    ["other", 2],
    ["funding", 2],
    ["people", 1],
  ],
  none: [
    ["funding", 2],
    ["market", 2],
    ["technology", 2],
    ["people", 1],
    ["land", 1],
    ["water", 1],
    ["power", 1],
    ["other", 2],
  ],
};
const KEY_WEIGHTS: [ProblemCategory, number][] = [
  ["land", 3],
  ["approval", 3],
  ["water", 2],
  ["power", 2],
];
const OTHER_WEIGHTS: [ProblemCategory, number][] = [
  ["funding", 3],
  ["technology", 2],
  ["market", 2],
  ["people", 1],
  ["other", 1],
];

/** Wuzhou runs 书记直通车; Laibin collects enterprise problems at matchmaking meetings. */
const CHANNELS: Record<string, [Channel, number][]> = {
  [WUZHOU]: [
    ["direct_line", 6],
    ["visit", 2],
    ["matchmaking", 1.5],
    ["other", 0.5],
  ],
  [LAIBIN]: [
    ["matchmaking", 5],
    ["direct_line", 2],
    ["visit", 2.5],
    ["other", 0.5],
  ],
  default: [
    ["visit", 4],
    ["matchmaking", 2],
    ["direct_line", 1.5],
    ["other", 1],
  ],
};
const CHANNEL_NOTE: Record<Channel, string> = {
  matchmaking: "项目对接会收集",
  direct_line: "书记直通车收集",
  visit: "走访收集",
  other: "群众反映",
};

/** Where a problem was raised: a project, or a township/village with no project. */
interface Host {
  region: Region;
  project: Project | null;
}
/** What the quotas fix about a problem: its status, and whether it is a key category. */
interface Spec {
  status: ProblemStatus;
  kind: "key" | "other" | "any";
}

function specs(counts: Partial<Record<ProblemStatus, number>>, kind: Spec["kind"]): Spec[] {
  return Object.entries(counts).flatMap(([status, n]) =>
    Array.from({ length: n }, () => ({ status: status as ProblemStatus, kind })),
  );
}

function randomStatus(rng: Rng): ProblemStatus {
  return rng.weighted<ProblemStatus>([
    ["closed", 55],
    ["resolved", 18],
    ["claimed", 17],
    ["open", 10],
  ]);
}

export function makeProblems(
  idx: RegionIndex,
  projects: Project[],
): { problems: SqlValue[][]; events: SqlValue[][] } {
  const rng = createRng("problems");
  const out = { problems: [] as SqlValue[][], events: [] as SqlValue[][] };
  const add = (host: Host, spec: Spec) => addProblem(idx, rng, out, host, spec);
  const onProject = (p: Project): Host => ({ region: p.region, project: p });
  const inWuzhou = (p: Project) => p.region.code.startsWith(WUZHOU);

  // Wuzhou, first batch: 118 collected, 76 solved (the article: 110+ and 70+).
  const first = projects.filter((p) => inWuzhou(p) && p.batch === FIRST_BATCH);
  const firstSpecs = rng.shuffle([
    ...specs({ closed: 44, resolved: 10 }, "key"),
    ...specs({ closed: 18, resolved: 4 }, "any"),
    ...specs({ claimed: 27, open: 15 }, "any"),
  ]);
  assign(rng, first, firstSpecs, 1, 8).forEach(([p, s]) => add(onProject(p), s));

  // Wuzhou, later batches: enough solved key-category problems for "340+" overall.
  const later = projects.filter((p) => inWuzhou(p) && p.batch !== null && p.batch !== FIRST_BATCH);
  const laterSpecs = rng.shuffle([
    ...specs({ closed: 250, resolved: 50 }, "key"),
    ...specs({ closed: 40, resolved: 10 }, "other"),
    ...specs({ claimed: 45, open: 25 }, "any"),
  ]);
  assign(rng, later, laterSpecs, 2, 9).forEach(([p, s]) => add(onProject(p), s));

  // Laibin: exactly 379 collected and 316 solved, on projects and from enterprises.
  const laibinProjects = projects.filter((p) => p.region.code.startsWith(LAIBIN));
  const laibinTownships = idx.under(LAIBIN, "township");
  const laibinSpecs = rng.shuffle([
    ...specs({ closed: 250, resolved: LAIBIN_SOLVED - 250 }, "any"),
    ...specs({ claimed: 38, open: LAIBIN_COLLECTED - LAIBIN_SOLVED - 38 }, "any"),
  ]);
  const onProjects = Math.round(laibinSpecs.length * 0.6);
  assign(rng, laibinProjects, laibinSpecs.slice(0, onProjects), 0, 10).forEach(([p, s]) =>
    add(onProject(p), s),
  );
  assign(rng, laibinTownships, laibinSpecs.slice(onProjects), 0, 6).forEach(([t, s]) =>
    add({ region: t, project: null }, s),
  );

  // Everywhere else: a few per project and per township, statuses at random.
  for (const p of projects) {
    if (p.region.code.startsWith(LAIBIN) || (inWuzhou(p) && p.batch !== null)) continue;
    for (let i = rng.int(0, 4); i > 0; i--)
      add(onProject(p), { status: randomStatus(rng), kind: "any" });
  }
  for (const t of idx.all.filter((r) => r.level === "township" && !r.code.startsWith(LAIBIN))) {
    const villages = idx.committeesUnder(t.code);
    for (
      let i = rng.weighted([
        [0, 2],
        [1, 2],
        [2, 1],
      ]);
      i > 0;
      i--
    ) {
      const region = villages.length && rng.chance(0.6) ? rng.pick(villages) : t;
      add({ region, project: null }, { status: randomStatus(rng), kind: "any" });
    }
  }
  return out;
}

/** Deals the specs out over the hosts, each getting between min and max of them. */
function assign<T>(rng: Rng, hosts: T[], all: Spec[], min: number, max: number): [T, Spec][] {
  const counts = splitExact(rng, all.length, hosts.length, min, max);
  const pairs: [T, Spec][] = [];
  let next = 0;
  hosts.forEach((host, i) => {
    for (let k = 0; k < (counts[i] as number); k++) pairs.push([host, all[next++] as Spec]);
  });
  return pairs;
}

function addProblem(
  idx: RegionIndex,
  rng: Rng,
  out: { problems: SqlValue[][]; events: SqlValue[][] },
  host: Host,
  spec: Spec,
): void {
  const id = out.problems.length + 1;
  // The project's kind of problems, narrowed to key or other categories where a quota says.
  const likely = BY_PROJECT[host.project?.category ?? "none"];
  const narrowed = (allowed: [ProblemCategory, number][]) => {
    const both = likely.filter(([c]) => allowed.some(([a]) => a === c));
    return both.length ? both : allowed;
  };
  const category = rng.weighted(
    spec.kind === "key"
      ? narrowed(KEY_WEIGHTS)
      : spec.kind === "other"
        ? narrowed(OTHER_WEIGHTS)
        : likely,
  );
  const root = idx.rootOf(host.region.code);
  const channel = rng.weighted(CHANNELS[root] ?? (CHANNELS.default as [Channel, number][]));
  const place = host.project
    ? `${host.project.title}：`
    : `${host.region.level === "village" ? shortName(host.region) : host.region.name}${
        root === LAIBIN ? rng.pick(["农业企业", "加工企业", "专业合作社", "家庭农场"]) : ""
      }`;
  const title = `${place}${rng.pick(PHRASES[category])}`;

  // Timeline: raised no earlier than the project (or 2023), every date by AS_OF_DATE.
  const from = host.project
    ? minDate(host.project.start_date, addDays(AS_OF_DATE, -90))
    : "2023-03-01";
  const slow = category === "land" || category === "approval";
  const claimDays = rng.int(1, 12);
  const resolveDays = slow ? rng.int(15, 120) : rng.int(5, 75);
  const closeDays = rng.int(3, 25);
  const solved = spec.status === "resolved" || spec.status === "closed";
  let raised: string;
  if (solved)
    raised = randomDate(rng, from, addDays(AS_OF_DATE, -(claimDays + resolveDays + closeDays)));
  else if (rng.chance(0.7))
    raised = randomDate(rng, maxDate(from, addDays(AS_OF_DATE, -75)), AS_OF_DATE);
  else raised = randomDate(rng, from, AS_OF_DATE); // old and still open: often overdue
  const cap = (d: string) => minDate(AS_OF_DATE, d);
  const claimed = spec.status === "open" ? null : cap(addDays(raised, claimDays));
  const resolved = solved ? cap(addDays(claimed as string, resolveDays)) : null;
  const closed = spec.status === "closed" ? cap(addDays(resolved as string, closeDays)) : null;
  const due = addDays(raised, slow ? 90 : rng.pick([30, 60]));
  const department = claimed ? departmentFor(category, rng) : null;
  const last = closed ?? resolved ?? claimed ?? raised;

  out.problems.push([
    id,
    host.region.code,
    host.project?.id ?? null,
    title,
    category,
    channel,
    raised,
    due,
    department,
    claimed,
    resolved,
    closed,
    spec.status,
    stamp(last),
  ]);
  out.events.push([id, "open", raised, null, CHANNEL_NOTE[channel], stamp(raised)]);
  if (claimed) out.events.push([id, "claimed", claimed, department, "部门认领", stamp(claimed)]);
  if (resolved)
    out.events.push([id, "resolved", resolved, department, "问题已解决", stamp(resolved)]);
  if (closed) out.events.push([id, "closed", closed, null, "验收销号", stamp(closed)]);
}
