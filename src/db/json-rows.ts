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
 * Rows of a read gathered into one JSON value. D1 refuses a value (and a row) over 2 MB
 * (2,000,000 bytes), which a national league table passes many times over, so a read
 * comes back in chunks of this many rows, each a row of its own.
 */
export const ROWS_PER_CHUNK = 1_000;

/**
 * One statement returning, for each read, rows (read__, chunk__, rows__): `rows__` holds up
 * to ROWS_PER_CHUNK of the read's rows as a JSON array of arrays (values in the order of
 * the read's columns), chunk by chunk in the read's order. A read with no rows gives none.
 */
export function combine(reads: Record<string, Read>): { sql: string; params: unknown[] } {
  const params: unknown[] = [];
  const parts = Object.values(reads).map((read, index) => {
    const sql = renumber(read.sql, params.length);
    params.push(...read.params);
    // Rows as arrays, not objects: the column names are not repeated on every row.
    const values = read.columns.map((c) => `q.${c}`).join(", ");
    // The read's order is kept: rows are numbered as they come, and gathered by number.
    return `SELECT ${index} AS read__, (q.ord__ - 1) / ${ROWS_PER_CHUNK} AS chunk__,
        json_group_array(json_array(${values}) ORDER BY q.ord__) AS rows__
      FROM (SELECT r.*, row_number() OVER () AS ord__ FROM (${sql}) r) q
      GROUP BY chunk__`;
  });
  return { sql: `${unionAll(parts)}\nORDER BY read__, chunk__`, params };
}

/**
 * D1 refuses a compound SELECT of more than this many terms (SQLite's default is 500); a
 * sub-select starts its own count.
 */
export const D1_COMPOUND_TERMS = 5;

/** SELECTs joined by UNION ALL, nested five at a time in sub-selects. */
function unionAll(terms: string[]): string {
  if (terms.length <= D1_COMPOUND_TERMS) return terms.join("\nUNION ALL\n");
  const groups: string[] = [];
  for (let i = 0; i < terms.length; i += D1_COMPOUND_TERMS) {
    groups.push(`SELECT * FROM (${terms.slice(i, i + D1_COMPOUND_TERMS).join("\nUNION ALL\n")})`);
  }
  return unionAll(groups);
}

function objectOf(columns: readonly string[], values: unknown[]): Record<string, unknown> {
  const row: Record<string, unknown> = {};
  for (let i = 0; i < columns.length; i++) row[columns[i] as string] = values[i];
  return row;
}

/** Runs several reads as one statement; each read's rows, parsed. */
export async function readTogether<K extends string>(
  db: D1Database,
  reads: Record<K, Read>,
): Promise<Record<K, Record<string, unknown>[]>> {
  const { sql, params } = combine(reads);
  const { results } = await db
    .prepare(sql)
    .bind(...params)
    .all<{ read__: number; chunk__: number; rows__: string }>();
  const entries = Object.entries(reads) as [K, Read][];
  const rows = entries.map((): Record<string, unknown>[] => []);
  for (const chunk of results) {
    const read = entries[chunk.read__]?.[1] as Read;
    const target = rows[chunk.read__] as Record<string, unknown>[];
    for (const values of JSON.parse(chunk.rows__) as unknown[][]) {
      target.push(objectOf(read.columns, values));
    }
  }
  return Object.fromEntries(entries.map(([name], i) => [name, rows[i]])) as Record<
    K,
    Record<string, unknown>[]
  >;
}

/** A read and what its rows become: a query function that can run alone or with others. */
export interface Plan<T> {
  read: Read;
  shape: (rows: Record<string, unknown>[]) => T;
}

/** What running plans gives: each plan's shaped value, null for a null plan. */
export type Shaped<P> = {
  [K in keyof P]: P[K] extends Plan<infer T>
    ? T
    : P[K] extends Plan<infer T> | null
      ? T | null
      : never;
};

/**
 * Runs several plans as one statement (one query, one round trip) and shapes each one's
 * rows; a null plan (nothing to read here) gives null. The rows come back as JSON text
 * parsed natively, which also spares the Worker the D1 client's conversion of every cell.
 */
export async function runPlans<P extends Record<string, Plan<unknown> | null>>(
  db: D1Database,
  plans: P,
): Promise<Shaped<P>> {
  const names = (Object.keys(plans) as (keyof P & string)[]).filter((n) => plans[n] !== null);
  const reads = Object.fromEntries(
    names.map((name) => [name, (plans[name] as Plan<unknown>).read]),
  );
  const rows = names.length ? await readTogether(db, reads) : {};
  return Object.fromEntries(
    Object.keys(plans).map((name) => {
      const plan = plans[name];
      return [
        name,
        plan ? plan.shape((rows as Record<string, Record<string, unknown>[]>)[name] ?? []) : null,
      ];
    }),
  ) as Shaped<P>;
}

type PlanMap = Record<string, Plan<unknown> | null>;

/** Where a guessed read's rows come back in a statement that also holds the first reads. */
const GUESSED = "guessed__";

function sameRead(a: Read, b: Read): boolean {
  return (
    a.sql === b.sql &&
    a.columns.join() === b.columns.join() &&
    JSON.stringify(a.params) === JSON.stringify(b.params)
  );
}

/**
 * Runs `first`, then the plans that depend on what it read, in one statement when those can
 * be guessed before the first are read. `then` makes a value of the first reads and the
 * second plans; `guess` is its plans for a guessed first result. The rows of a guessed read are used only when it is exactly the
 * read `then` asks for (same SQL, parameters and columns); any other read of `then` runs in
 * a second statement. So a wrong guess costs a round trip, never a wrong figure. Errors
 * thrown by a shape or by `then` propagate.
 */
export async function runPlansThen<F extends PlanMap, S extends PlanMap, V>(
  db: D1Database,
  first: F,
  then: (read: Shaped<F>) => { value: V; plans: S },
  guess: S | null,
): Promise<{ value: V; read: Shaped<S> }> {
  const guessed = Object.entries(guess ?? {}).filter((entry): entry is [string, Plan<unknown>] =>
    Boolean(entry[1]),
  );
  const firstNames = Object.keys(first).filter((name) => first[name] !== null);
  const rows = await readTogether(db, {
    ...Object.fromEntries(firstNames.map((name) => [name, (first[name] as Plan<unknown>).read])),
    ...Object.fromEntries(guessed.map(([name, plan]) => [GUESSED + name, plan.read])),
  });
  const firstRead = Object.fromEntries(
    Object.entries(first).map(([name, plan]) => [name, plan ? plan.shape(rows[name] ?? []) : null]),
  ) as Shaped<F>;
  const { value, plans: second } = then(firstRead);
  const secondRead: Record<string, unknown> = {};
  const unread: PlanMap = {};
  for (const [name, plan] of Object.entries(second)) {
    const guessedPlan = guess?.[name];
    if (!plan) secondRead[name] = null;
    else if (guessedPlan && sameRead(guessedPlan.read, plan.read)) {
      secondRead[name] = plan.shape(rows[GUESSED + name] ?? []);
    } else unread[name] = plan;
  }
  if (Object.keys(unread).length) Object.assign(secondRead, await runPlans(db, unread));
  return { value, read: secondRead as Shaped<S> };
}

/** Runs a list of plans of one kind as one statement; a null plan gives null. */
export async function runPlanList<T>(
  db: D1Database,
  plans: (Plan<T> | null)[],
): Promise<(T | null)[]> {
  const read = await runPlans(db, Object.fromEntries(plans.map((plan, i) => [`p${i}`, plan])));
  return plans.map((_, i) => (read[`p${i}`] ?? null) as T | null);
}

/** Runs one plan (one query). */
export async function runPlan<T>(db: D1Database, plan: Plan<T>): Promise<T> {
  return (await runPlans(db, { plan })).plan;
}

/** A plan whose rows need no shaping. */
export function rowsOf<T>(read: Read): Plan<T[]> {
  return { read, shape: (rows) => rows as T[] };
}
