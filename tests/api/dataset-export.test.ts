/**
 * The CSV export streams: D1 is read one keyset page at a time as the client reads, and
 * the page query walks an index in key order rather than sorting the whole table.
 */
import { env } from "cloudflare:workers";
import { beforeAll, describe, expect, it } from "vitest";
import { pageSql } from "../../src/db/datasets.ts";
import { parseCsv } from "../../src/lib/csv.ts";
import { findDataset, type DatasetDef } from "../../src/lib/datasets.ts";
import { csvStream } from "../../src/services/dataset-export.ts";
import { loadDatasetFixture } from "./dataset-fixture.ts";

const income = findDataset("village-income") as DatasetDef;

beforeAll(async () => {
  await loadDatasetFixture(env.DB);
});

describe("csvStream", () => {
  it("reads a page only when the reader asks for more", async () => {
    let pages = 0;
    const stream = csvStream(env.DB, income, {}, { pageRows: 1, onPage: () => pages++ });
    const reader = stream.getReader();
    const decoder = new TextDecoder();
    let text = decoder.decode((await reader.read()).value); // the header
    text += decoder.decode((await reader.read()).value); // the first row
    // One page read, at most one more read ahead: not the whole dataset.
    expect(pages).toBeGreaterThanOrEqual(1);
    expect(pages).toBeLessThanOrEqual(2);
    for (let chunk = await reader.read(); !chunk.done; chunk = await reader.read()) {
      text += decoder.decode(chunk.value, { stream: true });
    }
    const rows = parseCsv(text);
    expect(rows).toHaveLength(1 + 9);
    // 9 rows of one row each, and a last page that finds the end.
    expect(pages).toBe(9);
  });

  it("gives the same rows whatever the page size", async () => {
    const read = async (pageRows: number) =>
      new Response(csvStream(env.DB, income, { region: "450422104" }, { pageRows })).text();
    expect(await read(2)).toBe(await read(1000));
  });
});

describe("the page query", () => {
  it("walks the index in key order (no sort of the whole table)", async () => {
    const { text, values } = pageSql(
      income,
      { asOf: "2026-01-20T02:00:00Z", region: "45" },
      ["450422104211", "2025-06"],
      2000,
    );
    expect(text).toContain("ORDER BY t.village_code, t.period");
    const plan = await env.DB.prepare(`EXPLAIN QUERY PLAN ${text}`)
      .bind(...values)
      .all<{ detail: string }>();
    const details = plan.results.map((r) => r.detail).join("\n");
    expect(details).toMatch(/income_returns_(history|current)/);
    expect(details).not.toMatch(/TEMP B-TREE FOR ORDER BY/);
  });
});
