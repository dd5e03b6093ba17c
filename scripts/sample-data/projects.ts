/**
 * Projects (项目库) with their progress reports. Every area gets 0-3 projects per
 * township (at the township or one of its villages) and 1-3 county projects; Wuzhou
 * also has three batches of major projects (重大项目) under 书记直通车, the first batch
 * being the article's 37 projects with over 1,100万元 invested.
 */
import { AS_OF_DATE } from "./config.ts";
import { addDays, daysBetween, maxDate, minDate, randomDate, stamp } from "./dates.ts";
import { LIZHAI } from "./income.ts";
import { PRODUCTS, unitsFor, type Product } from "./names.ts";
import { createRng, type Rng } from "./random.ts";
import { shortName, type Region, type RegionIndex } from "./regions.ts";
import type { SqlValue } from "./sql.ts";

export type ProjectCategory = "industry" | "infrastructure" | "livelihood" | "ecology" | "other";
export type ProjectStatus = "planned" | "under_way" | "completed" | "suspended";

export interface Project {
  id: number;
  region: Region;
  title: string;
  category: ProjectCategory;
  supporting_unit: string;
  batch: string | null;
  start_date: string;
  planned_completion: string;
  completed_date: string | null;
  budget: number;
  invested: number;
  progress: number;
  status: ProjectStatus;
  updated_at: string;
}

export const WUZHOU = "4504";
export const FIRST_BATCH = "第一批";
const WUZHOU_BATCHES = [
  { batch: FIRST_BATCH, count: 37, from: "2023-03-01", to: "2023-10-31" },
  { batch: "第二批", count: 48, from: "2024-02-01", to: "2024-09-30" },
  { batch: "第三批", count: 32, from: "2025-02-01", to: "2025-09-30" },
] as const;
/** What the first batch's invested sums to, roughly (the article: over 1,100万元). */
const FIRST_BATCH_INVESTED = 11_860_000;

const TITLES: Record<Exclude<ProjectCategory, "industry">, string[]> = {
  infrastructure: [
    "乡村道路硬化工程",
    "高标准农田建设项目",
    "农田水利灌溉渠道改造",
    "农村饮水安全巩固提升工程",
    "产业路建设项目",
    "危桥改造工程",
  ],
  livelihood: [
    "村卫生室标准化建设",
    "幼儿园改扩建项目",
    "老年人日间照料中心",
    "就业帮扶车间",
    "农村危房改造",
  ],
  ecology: [
    "人居环境整治项目",
    "生活污水处理设施",
    "垃圾转运站建设",
    "河道生态修复工程",
    "村庄绿化美化工程",
  ],
  other: ["党群服务中心改造", "数字乡村服务平台", "村史馆建设", "文化广场建设"],
};

function industryTitle(product: Product, rng: Rng): string {
  if (rng.chance(0.15)) return rng.pick(["村级光伏电站", "冷链仓储设施", "农产品电商服务站"]);
  switch (product.kind) {
    case "animal":
      return `${product.name}养殖基地`;
    case "aquatic":
      return `${product.name}生态养殖基地`;
    case "processed":
      return `${product.name}加工车间`;
    default:
      return `${product.name}${rng.pick(["种植基地", "示范基地", "产业园", "加工厂房"])}`;
  }
}

function placeName(region: Region): string {
  return region.level === "village" ? shortName(region) : region.name;
}

/** Status, progress and completion as of AS_OF_DATE, from where the timeline stands. */
function settle(
  rng: Rng,
  start: string,
  planned: string,
): Pick<Project, "status" | "progress" | "completed_date"> {
  if (start > AS_OF_DATE) return { status: "planned", progress: 0, completed_date: null };
  const elapsed = daysBetween(start, AS_OF_DATE) / Math.max(1, daysBetween(start, planned));
  if (rng.chance(0.03))
    return { status: "suspended", progress: rng.int(10, 60), completed_date: null };
  if (elapsed >= 1) {
    if (rng.chance(0.88)) {
      const done = minDate(
        AS_OF_DATE,
        maxDate(addDays(start, 30), addDays(planned, rng.int(-45, 60))),
      );
      return { status: "completed", progress: 100, completed_date: done };
    }
    return { status: "under_way", progress: rng.int(60, 95), completed_date: null }; // overdue
  }
  if (daysBetween(start, AS_OF_DATE) < 60 && rng.chance(0.4))
    return { status: "planned", progress: 0, completed_date: null };
  const progress = Math.round(elapsed * 100 * rng.between(0.75, 1.15));
  return {
    status: "under_way",
    progress: Math.min(95, Math.max(5, progress)),
    completed_date: null,
  };
}

const round100 = (x: number) => Math.round(x / 100) * 100;

function investedSoFar(rng: Rng, budget: number, status: ProjectStatus, progress: number): number {
  if (status === "planned") return 0;
  if (status === "completed")
    return round100(budget * (rng.chance(0.06) ? rng.between(1.0, 1.05) : rng.between(0.9, 1.0)));
  return Math.min(budget, round100(((budget * progress) / 100) * rng.between(0.8, 1.1)));
}

function makeProject(
  idx: RegionIndex,
  rng: Rng,
  region: Region,
  window: { from: string; to: string; batch: string | null },
  medianBudget: number,
  fixed?: { title: string; category: ProjectCategory },
): Project {
  const products = PRODUCTS[idx.rootOf(region.code)] as Product[];
  const category =
    fixed?.category ??
    rng.weighted<ProjectCategory>([
      ["industry", 5],
      ["infrastructure", 3],
      ["livelihood", 1.5],
      ["ecology", 1.5],
      ["other", 0.7],
    ]);
  const title =
    fixed?.title ??
    `${placeName(region)}${
      category === "industry" ? industryTitle(rng.pick(products), rng) : rng.pick(TITLES[category])
    }`;
  const start = randomDate(rng, window.from, window.to);
  const planned = addDays(start, rng.int(180, 730));
  const settled = settle(rng, start, planned);
  const budget = Math.max(50_000, Math.round(rng.logNormal(medianBudget, 0.7) / 1000) * 1000);
  return {
    id: 0,
    region,
    title,
    category,
    supporting_unit: rng.pick(unitsFor(idx, region.code)),
    batch: window.batch,
    start_date: start,
    planned_completion: planned,
    ...settled,
    budget,
    invested: investedSoFar(rng, budget, settled.status, settled.progress),
    updated_at: "",
  };
}

export function makeProjects(idx: RegionIndex): { projects: Project[]; updates: SqlValue[][] } {
  const rng = createRng("projects");
  const projects: Project[] = [];
  const ordinary = { from: "2022-03-01", to: "2026-12-31", batch: null };

  for (const county of idx.all.filter((r) => r.level === "county")) {
    if (!idx.committeesUnder(county.code).length) continue; // urban districts without villages
    for (let i = rng.int(1, 3); i > 0; i--)
      projects.push(makeProject(idx, rng, county, ordinary, 3_000_000));
  }
  for (const township of idx.all.filter((r) => r.level === "township")) {
    const villages = idx.committeesUnder(township.code);
    for (
      let i = rng.weighted([
        [0, 1],
        [1, 4],
        [2, 4],
        [3, 2],
      ]);
      i > 0;
      i--
    ) {
      const atVillage = villages.length > 0 && rng.chance(0.7);
      const region = atVillage ? rng.pick(villages) : township;
      projects.push(makeProject(idx, rng, region, ordinary, atVillage ? 600_000 : 1_200_000));
    }
  }

  // Wuzhou's major projects: village-level, spread over its villages.
  const wuzhouVillages = idx.committeesUnder(WUZHOU);
  for (const { batch, count, from, to } of WUZHOU_BATCHES) {
    const batchProjects: Project[] = [];
    const places = rng.sample(
      wuzhouVillages.filter((v) => v.code !== LIZHAI),
      count,
    );
    if (batch === FIRST_BATCH) {
      // 黎寨村's goat base: built in 2023-24, its cooperative now pays the village dividends.
      places.pop();
      const goats = makeProject(
        idx,
        rng,
        idx.get(LIZHAI),
        { from: "2023-04-01", to: "2023-04-30", batch },
        400_000,
        { title: "黎寨村黑山羊养殖基地", category: "industry" },
      );
      Object.assign(goats, {
        planned_completion: "2024-03-31",
        completed_date: "2024-03-26",
        status: "completed",
        progress: 100,
        invested: round100(goats.budget * 0.97),
      });
      batchProjects.push(goats);
    }
    for (const place of places)
      batchProjects.push(makeProject(idx, rng, place, { from, to, batch }, 450_000));
    if (batch === FIRST_BATCH) {
      const sum = batchProjects.reduce((s, p) => s + p.invested, 0);
      const k = FIRST_BATCH_INVESTED / sum;
      for (const p of batchProjects) {
        p.budget = round100(p.budget * k);
        p.invested = round100(p.invested * k);
      }
    }
    projects.push(...batchProjects);
  }

  projects.sort((a, b) =>
    a.region.code < b.region.code
      ? -1
      : a.region.code > b.region.code
        ? 1
        : a.start_date < b.start_date
          ? -1
          : 1,
  );
  const updates: SqlValue[][] = [];
  projects.forEach((p, i) => {
    p.id = i + 1;
    updates.push(...progressReports(p, rng));
  });
  return { projects, updates };
}

/**
 * 1-4 progress reports ending in the project's current state; progress and invested
 * never go down. Current projects last reported in late October (the monthly report).
 */
function progressReports(p: Project, rng: Rng): SqlValue[][] {
  const monthly = randomDate(
    rng,
    p.status === "planned" ? "2026-10-15" : maxDate(p.start_date, "2026-10-15"),
    "2026-10-28",
  );
  const suspendedOn = randomDate(rng, minDate(AS_OF_DATE, addDays(p.start_date, 60)), AS_OF_DATE);
  const last = p.completed_date ?? (p.status === "suspended" ? suspendedOn : monthly);
  const first = minDate(last, addDays(p.start_date, 30));
  const span = daysBetween(first, last);
  const count =
    p.status === "planned" || span < 30
      ? 1
      : Math.min(4, 1 + Math.floor(span / 120), rng.int(2, 4));
  const rows: SqlValue[][] = [];
  let progress = 0;
  let invested = 0;
  for (let i = 0; i < count; i++) {
    const isLast = i === count - 1;
    const date = isLast ? last : addDays(first, Math.round((span * i) / (count - 1)));
    if (isLast) {
      progress = p.progress;
      invested = p.invested;
    } else {
      progress = Math.max(
        progress,
        Math.min(p.progress, Math.round(((p.progress * (i + 1)) / count) * rng.between(0.8, 1.1))),
      );
      invested =
        p.progress > 0 ? Math.max(invested, round100((p.invested * progress) / p.progress)) : 0;
      invested = Math.min(invested, p.invested);
    }
    const status = isLast ? p.status : progress === 0 ? "planned" : "under_way";
    rows.push([p.id, date, progress, invested, status, stamp(addDays(date, 1))]);
  }
  p.updated_at = rows[rows.length - 1]?.[5] as string;
  return rows;
}
