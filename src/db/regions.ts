/** Region lookups over the regions table. Every function takes the D1 binding. */
import type { Level } from "../lib/codes.ts";
import { ancestorCodes, subtreeRange } from "../lib/codes.ts";

export type RegionKind = "area" | "village_committee" | "community";

export interface Region {
  code: string;
  name: string;
  level: Level;
  parent_code: string | null;
  kind: RegionKind;
}

const COLUMNS = "code, name, level, parent_code, kind";

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

export async function findChildren(db: D1Database, code: string): Promise<Region[]> {
  const { results } = await db
    .prepare(`SELECT ${COLUMNS} FROM regions WHERE parent_code = ?1 ORDER BY code`)
    .bind(code)
    .all<Region>();
  return results;
}

/** Regions with no parent: the provinces in the data. */
export async function findTopRegions(db: D1Database): Promise<Region[]> {
  const { results } = await db
    .prepare(`SELECT ${COLUMNS} FROM regions WHERE parent_code IS NULL ORDER BY code`)
    .all<Region>();
  return results;
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
 * A region, its ancestors (the prefixes of its code) and the data set's facts, in one
 * statement: the first read of a region page or summary. `region` is null when no region
 * has the code; ancestors are ordered from the province down.
 */
export async function findRegionLineage(
  db: D1Database,
  code: string,
): Promise<{ region: Region | null; ancestors: Region[]; meta: Record<string, string> }> {
  const codes = [...ancestorCodes(code), code];
  const placeholders = codes.map((_, i) => `?${i + 1}`).join(", ");
  const { results } = await db
    .prepare(
      `SELECT ${COLUMNS}, (SELECT json_group_object(key, value) FROM dataset_meta) AS meta
       FROM regions WHERE code IN (${placeholders})
       UNION ALL
       SELECT NULL, NULL, NULL, NULL, NULL, (SELECT json_group_object(key, value) FROM dataset_meta)
       ORDER BY 1`,
    )
    .bind(...codes)
    .all<Region & { meta: string }>();
  const meta = JSON.parse(results[0]?.meta ?? "{}") as Record<string, string>;
  const rows = results.filter((r) => r.code !== null).map(({ meta: _meta, ...r }) => r as Region);
  const region = rows.find((r) => r.code === code) ?? null;
  return {
    region,
    ancestors: rows.filter((r) => r.code !== code).sort((a, b) => a.code.length - b.code.length),
    meta,
  };
}
