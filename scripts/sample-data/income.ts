/**
 * Monthly year-to-date collective-income returns of every village committee, 2021-01 to
 * 2026-10 (DESIGN.md, "Collective income"), plus a handful of revisions.
 *
 * Model: each village has a year's income (log-normal, with a median that differs by
 * city), grown backwards from 2025 at 3-12% a year plus noise, faster for poor villages
 * (so weak villages are commoner in early years), and a few shell villages (空壳村) with
 * nothing at all in early years. The year is split into the five sources by a mix that
 * leans on subsidies for poor villages, and each source accrues over the months on its
 * own curve (contract fees early in the year, dividends in June/December, ...). The
 * year-to-date figure is floor(annual × cumulative share), so it never falls within a
 * year, December is the year's figure exactly, and the identity holds by construction.
 *
 * Changzhi's 2025 figures are set, not drawn, to agree with the article: all 2,436
 * villages above 10万 and exactly 1,418 (58.2%) at or above 30万.
 *
 * Punctuality: most returns are filed on the deadline day (the 10th); some are filed
 * late, in the townships' catch-up batches of the 12th, 14th and 17th, more often by
 * irregular reporters and in early years, always before the release of the 20th (so
 * the releases' figures are the same as if all were on time). The latest period has
 * no late filings yet: its late filers are still missing.
 */
import { SOURCES, type Source, type VillageReturn } from "../../src/lib/indicators.ts";
import { addMonths, periodRange } from "../../src/lib/periods.ts";
import { FIRST_PERIOD, LAST_PERIOD } from "./config.ts";
import { addDays, maxDate, randomDate } from "./dates.ts";
import { createRng, type Rng } from "./random.ts";
import type { Region, RegionIndex } from "./regions.ts";

export const CHANGZHI = "1404";
export const CHANGZHI_AT_LEAST_30W = 1418;
export const PINGAN = "140423103263"; // 平安村村委会, 襄垣县: reached 100万元 in 2025
export const LIZHAI = "450422104211"; // 黎寨村委会, 藤县: 7,800元 goat-cooperative dividend

export const YEARS = [2021, 2022, 2023, 2024, 2025, 2026] as const;
const ANCHOR_YEAR = 2025;

/** Where each area's villages sit: median year's income in 2025 and its spread. */
const PROFILES: Record<string, { median: number; sigma: number; rich: boolean; shells: number }> = {
  "4504": { median: 160_000, sigma: 0.7, rich: false, shells: 0.02 }, // 梧州
  "4513": { median: 120_000, sigma: 0.75, rich: false, shells: 0.035 }, // 来宾
  "1404": { median: 330_000, sigma: 0.6, rich: false, shells: 0.008 }, // 长治 (2025 set, see above)
  "3705": { median: 450_000, sigma: 0.85, rich: true, shells: 0.004 }, // 东营
  "370681": { median: 650_000, sigma: 0.9, rich: true, shells: 0.004 }, // 龙口
  "520122": { median: 110_000, sigma: 0.7, rich: false, shells: 0.035 }, // 息烽
};

export interface IncomeRow extends VillageReturn {
  period: string;
  recorded_at: string;
  superseded_at: string | null;
  reason: string | null;
}

export interface IncomeData {
  /** First filings: current rows, and the originals of revised ones (superseded_at set). */
  rows: IncomeRow[];
  /** Revised rows, filed later (they carry a reason). */
  revisions: IncomeRow[];
  /** The current return of each reporting village, by period (what rollups read). */
  current: Map<string, VillageReturn[]>;
  /** Each village's underlying year figure, 2021..2026 (targets quote them). */
  annual: Map<string, number[]>;
}

/** Returns are filed on the 10th of the following month. */
export function recordedAt(period: string): string {
  return `${addMonths(period, 1)}-10T02:00:00Z`;
}

/** Days after the 10th of the late filers' batches, and each batch's share of them. */
const LATE_BATCHES = [
  { days: 2, share: 0.5 },
  { days: 4, share: 0.3 },
  { days: 7, share: 0.2 },
] as const;
/** Chance a (regular) village's return is filed late; irregular reporters 3× as often. */
const LATE = { 2021: 0.12, 2022: 0.09, 2023: 0.07, 2024: 0.05, 2025: 0.035, 2026: 0.025 } as const;

/** When a late return of `period` is filed: at 10:00 China time, `days` after the 10th. */
export function lateRecordedAt(period: string, days: number): string {
  return `${addMonths(period, 1)}-${String(10 + days).padStart(2, "0")}T02:00:00Z`;
}

/** The moment a village's return for `period` is filed: on the 10th, or in a late batch. */
function filingTime(period: string, year: keyof typeof LATE, irregular: boolean, rng: Rng): string {
  if (period === LAST_PERIOD || !rng.chance(LATE[year] * (irregular ? 3 : 1))) {
    return recordedAt(period);
  }
  const days = rng.weighted(LATE_BATCHES.map((b) => [b.days, b.share] as [number, number]));
  return lateRecordedAt(period, days);
}

/**
 * The monthly release of a period is published (its data frozen) on the 20th of the
 * following month at 10:00 China time: the sample timeline shared with the releases.
 */
export function releasedAt(period: string): string {
  return `${addMonths(period, 1)}-20T02:00:00Z`;
}

/** Revisions fall in 2025-2026, no later than the last filing (LAST_UPDATED). */
const REVISIONS_FROM = "2025-01-02";
const REVISIONS_TO = "2026-11-09";

/** Changzhi's 2025 year figures: ranked draws, pinned into the article's bands. */
function changzhi2025(villages: Region[], rng: Rng): Map<string, number> {
  const draws = villages.map((v) => ({
    code: v.code,
    draw: v.code === PINGAN ? Number.POSITIVE_INFINITY : rng.logNormal(330_000, 0.6),
  }));
  draws.sort((a, b) => b.draw - a.draw || (a.code < b.code ? -1 : 1));
  const out = new Map<string, number>();
  draws.forEach(({ code, draw }, rank) => {
    let value: number;
    if (code === PINGAN) value = 1_036_480;
    else if (rank < CHANGZHI_AT_LEAST_30W)
      value = draw >= 300_000 ? Math.floor(draw) : rng.int(300_500, 380_000);
    else if (draw >= 300_000) value = rng.int(240_000, 299_000);
    else if (draw < 100_000)
      value = rng.int(100_500, 160_000); // lifted over 10万 by 2025
    else value = Math.floor(draw);
    out.set(code, value);
  });
  return out;
}

/** Year figures 2021..2026 for one village, from its 2025 anchor. */
function yearFigures(
  anchor: number,
  shells: number,
  pinned: boolean,
  shellYears: number[],
  rng: Rng,
): number[] {
  const figures = new Array<number>(YEARS.length).fill(0);
  const growth = rng.between(0.03, 0.12);
  const at = YEARS.indexOf(ANCHOR_YEAR);
  figures[at] = anchor;
  for (let i = at - 1; i >= 0; i--) {
    const next = figures[i + 1] as number;
    const catchUp = next < 150_000 ? rng.between(0.04, 0.14) : 0;
    const rate = Math.min(0.4, Math.max(-0.05, growth + 0.03 * rng.normal() + catchUp));
    figures[i] = Math.max(1_000, Math.round(next / (1 + rate)));
  }
  const rate2026 = Math.min(0.3, Math.max(-0.05, growth + 0.03 * rng.normal()));
  figures[at + 1] = Math.round(anchor * (1 + rate2026));
  // A few shell villages (空壳村): nothing at all until a year the draw decides.
  if (!pinned && rng.chance(shells)) {
    const lastZero = rng.weighted(shellYears.map((y, i) => [y, shellYears.length - i] as const));
    for (let i = 0; (YEARS[i] as number) <= lastZero; i++) figures[i] = 0;
  }
  return figures;
}

/** Source shares of one village: poorer villages lean on subsidies. */
function sourceMix(anchor: number, rich: boolean, rng: Rng): number[] {
  const subsidy =
    anchor < 50_000
      ? rng.between(0.3, 0.55)
      : anchor < 100_000
        ? rng.between(0.18, 0.38)
        : anchor < 300_000
          ? rng.between(0.06, 0.22)
          : rng.between(0.01, 0.1);
  const operating = rng.between(0.15, 0.6) * (rich ? 1.4 : 1);
  const contracting = rng.between(0.15, 0.55);
  const investment = rng.chance(rich ? 0.7 : 0.45) ? rng.between(0.03, 0.25) : 0;
  const other = rng.between(0.01, 0.08);
  const earned = operating + contracting + investment + other;
  const scale = (1 - subsidy) / earned;
  // In SOURCES order: operating, contracting, investment, subsidy, other.
  return [operating * scale, contracting * scale, investment * scale, subsidy, other * scale];
}

/** A year's figure into integer parts by share; the largest share takes the rounding. */
function splitYear(total: number, mix: number[], rng: Rng): number[] {
  const shares = mix.map((s) => s * rng.between(0.85, 1.15));
  const sum = shares.reduce((a, b) => a + b, 0);
  const parts = shares.map((s) => Math.floor((total * s) / sum));
  const largest = shares.indexOf(Math.max(...shares));
  parts[largest] = (parts[largest] as number) + total - parts.reduce((a, b) => a + b, 0);
  return parts;
}

/** Cumulative share of the year's amount by the end of each month (December = 1). */
function accrualCurve(source: Source, rng: Rng): number[] {
  const w = new Array<number>(12).fill(0);
  const months = [0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11];
  if (source === "operating") {
    for (const m of months) w[m] = 0.6 + 0.8 * rng.next();
    w[11] = (w[11] as number) * 1.3; // year-end settlement
  } else if (source === "contracting") {
    // Land and asset contract fees are mostly collected at the start of the year.
    w[0] = 2 + 2 * rng.next();
    for (const m of months.slice(1)) {
      const r = rng.next();
      w[m] = m < 3 ? r : r < 0.15 ? 4 * r : 0;
    }
  } else if (source === "investment") {
    w[11] = 1 + rng.next(); // dividends at year end, sometimes also at mid-year
    if (rng.chance(0.5)) w[5] = 0.5 + rng.next();
  } else {
    const count = source === "subsidy" ? rng.int(2, 4) : rng.int(1, 3);
    for (const m of rng.sample(months, count)) w[m] = 0.5 + rng.next();
  }
  const cumulative: number[] = [];
  let sum = 0;
  for (const x of w) cumulative.push((sum += x));
  return cumulative.map((c) => c / sum);
}

/** Chance a village's return is missing for a month: irregular reporters, more in 2021. */
const MISSING = {
  irregular: { 2021: 0.35, 2022: 0.25, 2023: 0.2, 2024: 0.15, 2025: 0.12, 2026: 0.1 },
  regular: { 2021: 0.012, 2022: 0.005, 2023: 0.004, 2024: 0.004, 2025: 0.003, 2026: 0.003 },
} as const;
/** The latest month also has some late filers: coverage ends near 97%. */
const LATE_IN_LAST_PERIOD = 0.018;

export function makeIncome(idx: RegionIndex): IncomeData {
  const rng = createRng("income");
  const coverage = createRng("coverage");
  // A stream of its own, so that adding lateness left every figure as it was.
  const lateness = createRng("lateness");
  const periods = periodRange(FIRST_PERIOD, LAST_PERIOD);
  const byPeriod = new Map<string, IncomeRow[]>(periods.map((p) => [p, []]));
  const filed = new Map(periods.map((p) => [p, recordedAt(p)]));
  const periodNames = YEARS.flatMap((year) =>
    Array.from({ length: 12 }, (_, m) => `${year}-${String(m + 1).padStart(2, "0")}`),
  );
  const annual = new Map<string, number[]>();
  const pinned = changzhi2025(idx.committeesUnder(CHANGZHI), createRng("changzhi"));

  for (const village of idx.committees) {
    const root = idx.rootOf(village.code);
    const profile = PROFILES[root] as (typeof PROFILES)[string];
    const isFact = village.code === PINGAN || village.code === LIZHAI;
    const anchor =
      pinned.get(village.code) ??
      Math.max(1_000, Math.round(rng.logNormal(profile.median, profile.sigma)));
    // Changzhi had no shell villages left by 2025: its shells end by 2022.
    const shellYears = root === CHANGZHI ? [2021, 2022] : [2021, 2022, 2023];
    const figures = yearFigures(anchor, profile.shells, isFact, shellYears, rng);
    annual.set(village.code, figures);
    const mix = sourceMix(anchor, profile.rich, rng);
    const irregular = coverage.chance(0.1);

    YEARS.forEach((year, y) => {
      let parts = splitYear(figures[y] as number, mix, rng);
      // 黎寨村 2025: the goat cooperative's dividend is 7,800元 (投资收益); the year's total
      // stays on the village's own trajectory, the rest of it counted as operating income.
      if (village.code === LIZHAI && year === 2025) {
        const [, co, , sub, oth] = parts as [number, number, number, number, number];
        parts = [(figures[y] as number) - co - 7_800 - sub - oth, co, 7_800, sub, oth];
      }
      const [op, co, inv, sub, oth] = parts as [number, number, number, number, number];
      const [cOp, cCo, cInv, cSub, cOth] = SOURCES.map((s) =>
        accrualCurve(s, rng),
      ) as number[][] as [number[], number[], number[], number[], number[]];
      const missRate = MISSING[irregular ? "irregular" : "regular"][year];
      for (let m = 0; m < 12; m++) {
        const period = periodNames[y * 12 + m] as string;
        if (period > LAST_PERIOD) break;
        let missing =
          coverage.chance(missRate) ||
          (period === LAST_PERIOD && coverage.chance(LATE_IN_LAST_PERIOD));
        // Every Changzhi village filed its 2025 accounts (the article counts all 2,436).
        if (isFact || (root === CHANGZHI && period === "2025-12")) missing = false;
        if (missing) continue;
        const filedAt =
          isFact || (root === CHANGZHI && period === "2025-12")
            ? (filed.get(period) as string)
            : filingTime(period, year, irregular, lateness);
        const ytd = (a: number, curve: number[]) =>
          m === 11 ? a : Math.floor(a * (curve[m] as number));
        const operating = ytd(op, cOp);
        const contracting = ytd(co, cCo);
        const investment = ytd(inv, cInv);
        const subsidy = ytd(sub, cSub);
        const other = ytd(oth, cOth);
        (byPeriod.get(period) as IncomeRow[]).push({
          village_code: village.code,
          period,
          total: operating + contracting + investment + subsidy + other,
          operating,
          contracting,
          investment,
          subsidy,
          other,
          recorded_at: filedAt,
          superseded_at: null,
          reason: null,
        });
      }
    });
  }

  const rows = periods.flatMap((p) => byPeriod.get(p) as IncomeRow[]);
  const revisions = reviseSome(rows, createRng("revisions"));
  const current = new Map<string, VillageReturn[]>(periods.map((p) => [p, []]));
  for (const row of [...rows, ...revisions])
    if (row.superseded_at === null) current.get(row.period)?.push(row);
  return { rows, revisions, current, annual };
}

/** Ways a first filing was wrong, and how the original differed from the corrected figure. */
const REVISIONS: { reason: string; source: Source; sign: 1 | -1 }[] = [
  { reason: "补报漏报的发包收入", source: "contracting", sign: -1 },
  { reason: "更正经营收入录入错误", source: "operating", sign: 1 },
  { reason: "剔除重复计入的补助收入", source: "subsidy", sign: 1 },
  { reason: "补录村股份经济合作社分红（投资收益）", source: "investment", sign: -1 },
];
const REVISION_COUNT = 20;

/**
 * Turns ~20 first filings into corrected pairs (the append-only model): the first filing
 * stays, superseded at the correction's time; the corrected row (the model's figure) is
 * current. Never in the latest period, Changzhi's 2025 year-end, or the article villages.
 * Every fourth correction comes in before its period's release (on the 15th, between
 * filing and publication), so that release already carries it; the others come after the
 * release, at a random day of 2025-2026, so the release keeps the first filing and a later
 * release shows the revision.
 */
function reviseSome(rows: IncomeRow[], rng: Rng): IncomeRow[] {
  const revisions: IncomeRow[] = [];
  const used = new Set<number>();
  while (revisions.length < REVISION_COUNT) {
    const i = rng.int(0, rows.length - 1);
    const row = rows[i] as IncomeRow;
    const kind = rng.pick(REVISIONS);
    const beforeRelease = revisions.length % 4 === 0;
    if (used.has(i) || row.period === LAST_PERIOD || row.period < "2022-01" || row.total === 0)
      continue;
    // A correction follows a filing on the 10th (a late filing may come after the 15th).
    if (row.recorded_at !== recordedAt(row.period)) continue;
    // A correction before the release needs a period released within 2025-2026.
    if (beforeRelease && row.period < "2024-12") continue;
    if (row.village_code === PINGAN || row.village_code === LIZHAI) continue;
    if (row.village_code.startsWith(CHANGZHI) && row.period === "2025-12") continue;
    const base = row[kind.source];
    if (kind.sign < 0 && base < 2_000) continue; // nothing to have missed
    const delta =
      kind.sign < 0
        ? Math.round((base * rng.between(0.1, 0.6)) / 100) * 100
        : rng.int(10, 900) * 100;
    if (delta <= 0) continue;
    used.add(i);
    const at = beforeRelease
      ? `${addMonths(row.period, 1)}-15T06:00:00Z`
      : `${randomDate(
          rng,
          maxDate(REVISIONS_FROM, addDays(releasedAt(row.period).slice(0, 10), 1)),
          REVISIONS_TO,
        )}T06:00:00Z`;
    const original: IncomeRow = {
      ...row,
      [kind.source]: base + kind.sign * delta,
      superseded_at: at,
    };
    original.total = SOURCES.reduce((sum, s) => sum + original[s], 0);
    rows[i] = original;
    revisions.push({ ...row, recorded_at: at, reason: kind.reason });
  }
  return revisions;
}
