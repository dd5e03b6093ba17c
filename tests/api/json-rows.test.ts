/**
 * Plans read together in one statement (src/db/json-rows.ts), on a real local D1: each
 * read's rows come back in its own order with the values D1 would give, cell for cell.
 */
import { env } from "cloudflare:workers";
import { beforeAll, describe, expect, it } from "vitest";
import { countedD1 } from "../../src/db/counted.ts";
import {
  combine,
  D1_COMPOUND_TERMS,
  ROWS_PER_CHUNK,
  rowsOf,
  runPlan,
  runPlanList,
  runPlans,
  runPlansThen,
  type Plan,
} from "../../src/db/json-rows.ts";
import { newMetrics, runWithMetrics } from "../../src/lib/request-metrics.ts";

const TEXTS = ["藤县", 'say "hi"', "back\\slash", "line\nbreak", "", "😀 emoji"];

beforeAll(async () => {
  await env.DB.exec(
    "CREATE TABLE IF NOT EXISTS plan_probe (id INTEGER PRIMARY KEY, label TEXT, amount INTEGER, share REAL)",
  );
  await env.DB.prepare("DELETE FROM plan_probe").run();
  await env.DB.batch(
    TEXTS.map((label, i) =>
      env.DB.prepare("INSERT INTO plan_probe VALUES (?1, ?2, ?3, ?4)").bind(
        i + 1,
        label,
        i === 2 ? null : 9_007_199_254_740_991 - i,
        i === 3 ? null : i / 3,
      ),
    ),
  );
});

const probe = (order: "ASC" | "DESC", min = 0): Plan<Record<string, unknown>[]> =>
  rowsOf({
    sql: `SELECT id, label, amount, share FROM plan_probe WHERE id > ?1 ORDER BY id ${order}`,
    params: [min],
    columns: ["id", "label", "amount", "share"],
  });

describe("runPlans", () => {
  it("gives each read's rows as D1 gives them, in each read's order", async () => {
    const direct = (order: string, min: number) =>
      env.DB.prepare(
        `SELECT id, label, amount, share FROM plan_probe WHERE id > ?1 ORDER BY id ${order}`,
      )
        .bind(min)
        .all();
    const together = await runPlans(env.DB, { up: probe("ASC"), down: probe("DESC", 2) });
    expect(together.up).toEqual((await direct("ASC", 0)).results);
    expect(together.down).toEqual((await direct("DESC", 2)).results);
    expect(together.up.map((r) => r.label)).toEqual(TEXTS);
    expect(together.down.map((r) => r.id)).toEqual([6, 5, 4, 3]);
  });

  it("shapes rows, gives null for a null plan, and reads once", async () => {
    const metrics = newMetrics();
    const read = await runWithMetrics(metrics, () =>
      runPlans(countedD1(env.DB), {
        count: { read: probe("ASC").read, shape: (rows) => rows.length },
        none: null,
        first: probe("DESC", 5),
      }),
    );
    expect(read).toEqual({ count: 6, none: null, first: [expect.objectContaining({ id: 6 })] });
    expect([metrics.queries, metrics.roundTrips]).toEqual([1, 1]);
  });

  it("runs a plan alone, and an empty read gives no rows", async () => {
    expect(await runPlan(env.DB, probe("ASC", 99))).toEqual([]);
    expect(await runPlans(env.DB, { none: null })).toEqual({ none: null });
  });
});

describe("a read larger than D1's 2 MB value limit", () => {
  it("comes back in chunks of rows, each well under the limit, and whole", async () => {
    // 5,000 rows of 600 characters: 3 MB as one JSON value, more than D1 stores in one.
    const read = {
      sql: `WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < ?1)
            SELECT i, printf('%.600c', 'x') AS filler FROM n`,
      params: [5_000],
      columns: ["i", "filler"],
    };
    const { sql, params } = combine({ big: read, small: probe("ASC").read });
    const chunks = await env.DB.prepare(sql)
      .bind(...params)
      .all<{ read__: number; chunk__: number; rows__: string }>();
    expect(chunks.results.filter((c) => c.read__ === 0)).toHaveLength(5_000 / ROWS_PER_CHUNK);
    for (const chunk of chunks.results) expect(chunk.rows__.length).toBeLessThan(2_000_000);
    const together = await runPlans(env.DB, { big: rowsOf<{ i: number }>(read), none: null });
    expect(together.big.map((r) => r.i)).toEqual(Array.from({ length: 5_000 }, (_, i) => i + 1));
  });
});

describe("many reads in one statement", () => {
  it("reads more than D1's 5 compound terms at once, each read whole and in order", async () => {
    // D1 (and workerd's SQLite here) refuses a UNION ALL of more than 5 terms.
    const mins = Array.from({ length: 4 * D1_COMPOUND_TERMS + 2 }, (_, i) => i % TEXTS.length);
    const metrics = newMetrics();
    const read = await runWithMetrics(metrics, () =>
      runPlanList(
        countedD1(env.DB),
        mins.map((min) => probe("ASC", min)),
      ),
    );
    expect(read.map((rows) => rows?.map((r) => r.id))).toEqual(
      mins.map((min) => Array.from({ length: TEXTS.length - min }, (_, i) => min + i + 1)),
    );
    expect(metrics.queries).toBe(1);
  });
});

describe("runPlansThen", () => {
  // The second read depends on the first: the rows above the smallest id the first read.
  const then = (first: { low: Record<string, unknown>[] }) => {
    const min = Number(first.low[0]?.id ?? 0);
    return { value: min, plans: { above: probe("ASC", min), none: null } };
  };
  const run = async (guessMin: number | null) => {
    const metrics = newMetrics();
    const result = await runWithMetrics(metrics, () =>
      runPlansThen(
        countedD1(env.DB),
        { low: probe("ASC", 3) },
        then,
        guessMin === null ? null : { above: probe("ASC", guessMin), none: null },
      ),
    );
    return { result, queries: metrics.queries };
  };
  const expected = async () => ({
    value: 4,
    read: { above: await runPlan(env.DB, probe("ASC", 4)), none: null },
  });

  it("reads once when the guess is the read asked for", async () => {
    const { result, queries } = await run(4);
    expect(result).toEqual(await expected());
    expect(queries).toBe(1);
  });

  it("reads again, and gives the right rows, when the guess was wrong or missing", async () => {
    for (const guess of [1, null]) {
      const { result, queries } = await run(guess);
      expect(result).toEqual(await expected());
      expect(queries).toBe(2);
    }
  });
});

describe("the request's D1 result size", () => {
  it("counts the bytes of each call's rows as UTF-8 JSON, in all and the largest", async () => {
    const metrics = newMetrics();
    const db = countedD1(env.DB);
    const [one, all] = await runWithMetrics(metrics, async () => [
      await db.prepare("SELECT '藤县' AS name, 7 AS n").first(),
      (await db.prepare("SELECT id, label FROM plan_probe ORDER BY id").all()).results,
    ]);
    const size = (value: unknown) => new TextEncoder().encode(JSON.stringify(value)).byteLength;
    expect(one).toEqual({ name: "藤县", n: 7 });
    expect(metrics.resultBytes).toBe(size(one) + size(all));
    expect(metrics.largestResultBytes).toBe(Math.max(size(one), size(all)));
    // 藤县 is 6 bytes in UTF-8, not 2.
    expect(size(one)).toBe('{"name":"","n":7}'.length + 6);
  });
});
