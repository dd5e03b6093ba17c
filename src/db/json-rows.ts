/**
 * Several reads in one statement: each read's rows as one JSON array column of a single
 * row, so that a page's independent reads cost one query and one round trip. Each read
 * keeps its own SQL and parameter numbers; `renumber` moves them past the reads before it.
 */

/** A read: its SQL (parameters ?1…?n), its parameters, and the columns of its rows. */
export interface Read {
  sql: string;
  params: unknown[];
  columns: readonly string[];
}

/** The SQL with each ?N moved to ?(N + by). */
export function renumber(sql: string, by: number): string {
  return sql.replace(/\?(\d+)/g, (_, n: string) => `?${Number(n) + by}`);
}

/**
 * One statement returning one row whose column `name` holds the rows of each read as a
 * JSON array, in the read's own order.
 */
export function combine(reads: Record<string, Read>): { sql: string; params: unknown[] } {
  const params: unknown[] = [];
  const columns = Object.entries(reads).map(([name, read]) => {
    const sql = renumber(read.sql, params.length);
    params.push(...read.params);
    const object = read.columns.map((c) => `'${c}', q.${c}`).join(", ");
    // The read's order is kept: rows are numbered as they come, and gathered by number.
    return `(SELECT coalesce(json_group_array(json_object(${object}) ORDER BY q.ord__), '[]')
      FROM (SELECT r.*, row_number() OVER () AS ord__ FROM (${sql}) r) q) AS ${name}`;
  });
  return { sql: `SELECT ${columns.join(",\n")}`, params };
}

/** Runs several reads as one statement; each read's rows, parsed. */
export async function readTogether<K extends string>(
  db: D1Database,
  reads: Record<K, Read>,
): Promise<Record<K, Record<string, unknown>[]>> {
  const { sql, params } = combine(reads);
  const row = await db
    .prepare(sql)
    .bind(...params)
    .first<Record<K, string>>();
  return Object.fromEntries(
    Object.keys(reads).map((name) => [name, JSON.parse(row?.[name as K] ?? "[]")]),
  ) as Record<K, Record<string, unknown>[]>;
}
