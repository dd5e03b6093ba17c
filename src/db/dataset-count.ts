/**
 * How many rows a dataset cut holds, counted only up to a bound: the API's CSV route asks
 * before streaming whether the cut fits one request (functions/datasets.ts).
 */
import type { DatasetDef } from "../lib/datasets.ts";
import { pageSql, type DatasetFilters } from "./datasets.ts";

/**
 * The rows of the cut, or `limit + 1` when it holds more than `limit`: one D1 query that
 * reads at most limit + 1 keys, over the same SQL as the pages (so the count is theirs).
 */
export async function countRowsUpTo(
  db: D1Database,
  def: DatasetDef,
  filters: DatasetFilters,
  limit: number,
): Promise<number> {
  // pageSql asks for limit + 1 rows, so a cut over the limit counts limit + 1.
  const { text, values } = pageSql(def, filters, null, limit);
  const row = await db
    .prepare(`SELECT count(*) AS n FROM (${text})`)
    .bind(...values)
    .first<{ n: number }>();
  return row?.n ?? 0;
}
