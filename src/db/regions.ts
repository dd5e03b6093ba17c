/** Region lookups over the regions table. Every function takes the D1 binding. */
import type { Level } from "../lib/codes.ts";
import { ancestorCodes, subtreeRange } from "../lib/codes.ts";
import { rowsOf, runPlan, type Plan } from "./json-rows.ts";

export type RegionKind = "area" | "village_committee" | "community";

export interface Region {
  code: string;
  name: string;
  level: Level;
  parent_code: string | null;
  kind: RegionKind;
}

const COLUMN_NAMES = ["code", "name", "level", "parent_code", "kind"] as const;
const COLUMNS = COLUMN_NAMES.join(", ");

export async function findRegion(db: D1Database, code: string): Promise<Region | null> {
  return db.prepare(`SELECT ${COLUMNS} FROM regions WHERE code = ?1`).bind(code).first<Region>();
}

/** The region's ancestors, province first. */
export async function findAncestors(db: D1Database, code: string): Promise<Region[]> {
  const codes = ancestorCodes(code);
  if (codes.length === 0) return [];
  const placeholders = codes.map((_, i) => `?${i + 1}`).join(", ");
  const { results } = await db
    .prepare(`SELECT ${COLUMNS} FROM regions WHERE code IN (${placeholders}) ORDER BY length(code)`)
    .bind(...codes)
    .all<Region>();
  return results;
}

export function findChildren(db: D1Database, code: string): Promise<Region[]> {
  return runPlan(db, regionChildrenPlan(code));
}

/** A region's children in code order, as a plan (json-rows.ts). */
export function regionChildrenPlan(code: string): Plan<Region[]> {
  return rowsOf<Region>({
    sql: `SELECT ${COLUMNS} FROM regions WHERE parent_code = ?1 ORDER BY code`,
    params: [code],
    columns: COLUMN_NAMES,
  });
}

/** Regions with no parent: the provinces in the data. */
export function findTopRegions(db: D1Database): Promise<Region[]> {
  return runPlan(db, topRegionsPlan());
}

/** The provinces in the data, as a plan (json-rows.ts). */
export function topRegionsPlan(): Plan<Region[]> {
  return rowsOf<Region>({
    sql: `SELECT ${COLUMNS} FROM regions WHERE parent_code IS NULL ORDER BY code`,
    params: [],
    columns: COLUMN_NAMES,
  });
}

/**
 * The provinces and cities in the data, in code order (each province followed by its
 * cities): one index seek per level, one query however many provinces there are.
 */
export function provincesAndCitiesPlan(): Plan<Region[]> {
  return rowsOf<Region>({
    sql: `SELECT ${COLUMNS} FROM regions WHERE level IN ('province', 'city') ORDER BY code`,
    params: [],
    columns: COLUMN_NAMES,
  });
}

/** Every region at `level` in the subtree of `code`, in code order (an index range scan). */
export async function findDescendants(
  db: D1Database,
  code: string,
  level: Level,
): Promise<Region[]> {
  const [low, high] = subtreeRange(code);
  const { results } = await db
    .prepare(
      `SELECT ${COLUMNS} FROM regions WHERE code > ?1 AND code < ?2 AND level = ?3 ORDER BY code`,
    )
    .bind(low, high, level)
    .all<Region>();
  return results;
}

/**
 * A region and its ancestors (the prefixes of its code): the first read of a region page
 * or summary, as a plan (json-rows.ts). `region` is null when no region has the code;
 * ancestors are ordered from the province down.
 */
export function regionLineagePlan(
  code: string,
): Plan<{ region: Region | null; ancestors: Region[] }> {
  const codes = [...ancestorCodes(code), code];
  const placeholders = codes.map((_, i) => `?${i + 1}`).join(", ");
  return {
    read: {
      sql: `SELECT ${COLUMNS} FROM regions WHERE code IN (${placeholders}) ORDER BY length(code)`,
      params: codes,
      columns: COLUMN_NAMES,
    },
    shape: (rows) => {
      const regions = rows as unknown as Region[];
      return {
        region: regions.find((r) => r.code === code) ?? null,
        ancestors: regions.filter((r) => r.code !== code),
      };
    },
  };
}
