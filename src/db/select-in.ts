/**
 * Lookups of many values at once: `… WHERE x IN (?1, …)` run over the distinct values in
 * chunks, since D1 binds at most 100 parameters per statement.
 */

/** Rows of `sql` (which ends in "IN") for every value, a chunk of 90 at a time. */
export async function selectIn<T>(
  db: D1Database,
  sql: string,
  values: readonly (string | number)[],
): Promise<T[]> {
  const out: T[] = [];
  const unique = [...new Set(values)];
  for (let i = 0; i < unique.length; i += 90) {
    const part = unique.slice(i, i + 90);
    const { results } = await db
      .prepare(`${sql} (${part.map((_, j) => `?${j + 1}`).join(", ")})`)
      .bind(...part)
      .all<T>();
    out.push(...results);
  }
  return out;
}
