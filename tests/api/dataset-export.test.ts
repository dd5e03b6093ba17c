/**
 * The CSV export streams: D1 is read one keyset page at a time as the client reads, and
 * the page query walks an index in key order rather than sorting the whole table.
 */
import { env, exports } from "cloudflare:workers";
import { afterEach, beforeAll, describe, expect, it, vi } from "vitest";
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

/**
 * Makes the real D1 fail: the page query needs income_returns, so renaming it away makes
 * every later read throw. Restored afterwards, since the file's tests share the database.
 */
async function withIncomeTableGone<T>(run: (gone: () => Promise<void>) => Promise<T>) {
  let renamed = false;
  const gone = async () => {
    await env.DB.exec("ALTER TABLE income_returns RENAME TO income_returns_gone");
    renamed = true;
  };
  try {
    return await run(gone);
  } finally {
    if (renamed) await env.DB.exec("ALTER TABLE income_returns_gone RENAME TO income_returns");
  }
}

/** Reads to the end; `error` is what the reader rejected with, or null after a clean end. */
async function readAll(reader: ReadableStreamDefaultReader<Uint8Array>, text = "") {
  const decoder = new TextDecoder();
  try {
    for (let chunk = await reader.read(); !chunk.done; chunk = await reader.read()) {
      text += decoder.decode(chunk.value, { stream: true });
    }
    return { text, error: null };
  } catch (error) {
    return { text, error: error as Error };
  }
}

describe("a failed export", () => {
  afterEach(() => {
    vi.restoreAllMocks();
  });

  it("ends the stream in an error, after whole lines only, when a page read fails", async () => {
    const log = vi.spyOn(console, "error").mockImplementation(() => {});
    const filters = { region: "450422104" };
    const reader = csvStream(env.DB, income, filters, { pageRows: 2 }).getReader();
    const decoder = new TextDecoder();
    const { text, error } = await withIncomeTableGone(async (gone) => {
      let head = decoder.decode((await reader.read()).value); // the header
      head += decoder.decode((await reader.read()).value); // the first page
      await gone();
      return readAll(reader, head);
    });
    // An error, not a clean end; with a plain message, not D1's.
    expect(error).toBeInstanceOf(Error);
    expect(error?.message).toBe("CSV export of village-income failed part-way");
    // What arrived is whole CSV lines: the header and at least the first page, every row
    // with every field; nothing made up after it.
    expect(text.endsWith("\r\n")).toBe(true);
    const rows = parseCsv(text);
    expect(rows[0]).toEqual(income.fields.map((f) => f.name));
    expect(rows.length).toBeGreaterThanOrEqual(1 + 2);
    expect(rows.length).toBeLessThan(1 + 7); // the region has 7 rows; not all arrived
    for (const row of rows) expect(row).toHaveLength(income.fields.length);
    // Logged with the dataset and the filters.
    expect(log).toHaveBeenCalledWith(
      "CSV export failed part-way",
      { dataset: "village-income", filters },
      expect.any(Error),
    );
  });

  it("errors the body of the HTTP response too (the 200 and header are already out)", async () => {
    vi.spyOn(console, "error").mockImplementation(() => {});
    const { response, text, error } = await withIncomeTableGone(async (gone) => {
      await gone();
      const response = await exports.default.fetch(
        "http://localhost/api/v1/datasets/village-income.csv",
      );
      return { response, ...(await readAll(response.body!.getReader())) };
    });
    expect(response.status).toBe(200);
    expect(parseCsv(text)).toEqual([income.fields.map((f) => f.name)]);
    // Inside workerd the reader rejects. Over a real socket, workerd (as of wrangler
    // 4.151) still writes a clean chunked end after an errored body: cloudflare/workerd#6818.
    expect(error).toBeInstanceOf(Error);
  });

  it("closes cleanly when every page is read", async () => {
    const log = vi.spyOn(console, "error");
    const reader = csvStream(env.DB, income, {}, { pageRows: 2 }).getReader();
    const { text, error } = await readAll(reader);
    expect(error).toBeNull();
    await expect(reader.closed).resolves.toBeUndefined();
    expect(parseCsv(text)).toHaveLength(1 + 9);
    expect(log).not.toHaveBeenCalled();
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
