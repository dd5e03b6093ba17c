/**
 * The CSV export streams: D1 is read one keyset page at a time as the client reads, and
 * the page query walks an index in key order rather than sorting the whole table. Its size
 * is measured by the same code first and declared (Content-Length, X-Row-Count), so that a
 * download cut short is incomplete for the client; the measurement is cached in
 * export_sizes per export and data version.
 */
import { env, exports } from "cloudflare:workers";
import { afterEach, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { dataStamp } from "../../src/lib/build.ts";
import { pageSql, type DatasetFilters } from "../../src/db/datasets.ts";
import { parseCsv } from "../../src/lib/csv.ts";
import { findDataset, type DatasetDef } from "../../src/lib/datasets.ts";
import {
  csvStream,
  ExportChangedError,
  exportSize,
  measureCsv,
} from "../../src/services/dataset-export.ts";
import { loadDatasetFixture, RELEASE_1_AT } from "./dataset-fixture.ts";

const income = findDataset("village-income") as DatasetDef;
const projects = findDataset("projects") as DatasetDef;

beforeAll(async () => {
  await loadDatasetFixture(env.DB);
  // Said once, so that nobody reading the run's output takes these for faults.
  console.warn(
    "[expected] These tests break exports on purpose: workerd reports each broken stream as " +
      "“uncaught exception … CSV export of village-income failed part-way” or " +
      "“… changed while it was sent”.",
  );
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

  it("errors the body of the HTTP response too, short of its Content-Length", async () => {
    const log = vi.spyOn(console, "error").mockImplementation(() => {});
    const url = "http://localhost/api/v1/datasets/village-income.csv?region=450422104";
    // Measured and cached by a first download, so the second sends its headers (200, the
    // declared length) without reading income_returns, and fails on its first page.
    const whole = await exports.default.fetch(url);
    const declared = Number(whole.headers.get("content-length"));
    expect((await whole.arrayBuffer()).byteLength).toBe(declared);
    const { response, text, error } = await withIncomeTableGone(async (gone) => {
      await gone();
      const response = await exports.default.fetch(url);
      return { response, ...(await readAll(response.body!.getReader())) };
    });
    expect(response.status).toBe(200);
    expect(response.headers.get("content-length")).toBe(String(declared));
    expect(parseCsv(text)).toEqual([income.fields.map((f) => f.name)]);
    expect(new TextEncoder().encode(text).byteLength).toBeLessThan(declared);
    // Inside workerd the reader rejects. Over a real socket the declared length is what
    // tells the client (workerd ends an errored chunked body cleanly: workerd#6818).
    expect(error).toBeInstanceOf(Error);
    expect(log).toHaveBeenCalledWith(
      "CSV download did not complete",
      expect.objectContaining({ dataset: "village-income", declared: expect.any(Object) }),
      expect.any(Error),
    );
  });

  it("answers 503 (data briefly unavailable) before any byte when D1 fails while measuring", async () => {
    vi.spyOn(console, "error").mockImplementation(() => {});
    await env.DB.exec("DELETE FROM export_sizes");
    const response = await withIncomeTableGone(async (gone) => {
      await gone();
      return exports.default.fetch("http://localhost/api/v1/datasets/village-income.csv");
    });
    expect(response.status).toBe(503);
    expect(Number(response.headers.get("retry-after"))).toBeGreaterThan(0);
    expect(response.headers.get("content-type")).toContain("application/problem+json");
    await response.arrayBuffer();
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
    expect(details).toMatch(
      /SEARCH t USING PRIMARY KEY \(village_code>\? AND village_code<\?\)|USING PRIMARY KEY/,
    );
    expect(details).not.toMatch(/TEMP B-TREE FOR ORDER BY/);
  });
});

/** The bytes and the data rows of an export, as csvStream sends them. */
async function streamed(def: DatasetDef, filters: DatasetFilters, bom: boolean) {
  const bytes = new Uint8Array(
    await new Response(csvStream(env.DB, def, filters, { bom, pageRows: 2 })).arrayBuffer(),
  );
  const text = new TextDecoder("utf-8", { ignoreBOM: true }).decode(bytes);
  return { bytes: bytes.byteLength, rows: parseCsv(text).length - 1, text };
}

describe("measureCsv", () => {
  const cases: [string, DatasetDef, DatasetFilters][] = [
    ["all of village-income", income, {}],
    ["one township", income, { region: "450422104" }],
    ["a period range", income, { from: "2025-01", to: "2025-12" }],
    ["as of a release", income, { asOf: RELEASE_1_AT }],
    ["nothing matches", income, { region: "450422106" }],
    ["projects (quotes, formulas)", projects, {}],
  ];
  for (const [label, def, filters] of cases) {
    for (const bom of [false, true]) {
      it(`gives the streamed size: ${label}, ${bom ? "with" : "without"} BOM`, async () => {
        const sent = await streamed(def, filters, bom);
        // Several page sizes: the size does not depend on how the pages fall.
        for (const pageRows of [1, 3, 2000]) {
          expect(await measureCsv(env.DB, def, filters, { bom, pageRows })).toEqual({
            bytes: sent.bytes,
            rows: sent.rows,
          });
        }
        expect(sent.text.startsWith("\uFEFF")).toBe(bom);
      });
    }
  }

  it("counts UTF-8 bytes, not characters", async () => {
    const sent = await streamed(income, { region: "450422104" }, false);
    expect(sent.text).toContain("黎寨村委会");
    expect(sent.bytes).toBeGreaterThan(sent.text.length);
    expect((await measureCsv(env.DB, income, { region: "450422104" })).bytes).toBe(sent.bytes);
  });
});

describe("csvStream with a declared size", () => {
  afterEach(() => {
    vi.restoreAllMocks();
  });

  const filters = { region: "450422104" };

  it("sends the whole export when it comes out at the declared size", async () => {
    const expected = await measureCsv(env.DB, income, filters);
    const reader = csvStream(env.DB, income, filters, { expected, pageRows: 2 }).getReader();
    const { text, error } = await readAll(reader);
    expect(error).toBeNull();
    expect(parseCsv(text)).toHaveLength(1 + expected.rows);
  });

  for (const [label, change] of [
    ["more bytes than declared", { bytes: -5, rows: 0 }],
    ["fewer bytes than declared", { bytes: 5, rows: 0 }],
    ["as many bytes but other rows", { bytes: 0, rows: 1 }],
  ] as const) {
    it(`errors instead of closing when it comes out at ${label}`, async () => {
      const log = vi.spyOn(console, "error").mockImplementation(() => {});
      const real = await measureCsv(env.DB, income, filters);
      const expected = { bytes: real.bytes + change.bytes, rows: real.rows + change.rows };
      const reader = csvStream(env.DB, income, filters, { expected, pageRows: 2 }).getReader();
      const { text, error } = await readAll(reader);
      expect(error).toBeInstanceOf(ExportChangedError);
      // Never more than declared, and never the whole export as if nothing happened.
      const sent = new TextEncoder().encode(text).byteLength;
      expect(sent).toBeLessThanOrEqual(expected.bytes);
      expect(sent).toBeLessThan(real.bytes);
      expect(log).toHaveBeenCalledWith(
        "CSV export changed between measuring and sending",
        expect.objectContaining({ dataset: "village-income", expected }),
        expect.any(String),
      );
    });
  }
});

/** The export_sizes rows, for the tests of the cache. */
async function sizeRows() {
  const { results } = await env.DB.prepare(
    "SELECT export, version, bytes, rows, measured_at FROM export_sizes ORDER BY export, version",
  ).all<{ export: string; version: string; bytes: number; rows: number; measured_at: string }>();
  return results;
}

async function download(path: string, init?: RequestInit) {
  const response = await exports.default.fetch(new Request(`http://localhost${path}`, init));
  const bytes = new Uint8Array(await response.arrayBuffer());
  const text = new TextDecoder("utf-8", { ignoreBOM: true }).decode(bytes);
  return { response, bytes, text };
}

async function setLastUpdated(at: string) {
  await env.DB.prepare("UPDATE dataset_meta SET value = ?1 WHERE key = 'last_updated'")
    .bind(at)
    .run();
}

describe("GET /api/v1/datasets/{name}.csv declares its size", () => {
  let lastUpdated: string;
  beforeAll(async () => {
    const row = await env.DB.prepare(
      "SELECT value FROM dataset_meta WHERE key = 'last_updated'",
    ).first<{ value: string }>();
    lastUpdated = row?.value ?? "";
  });
  beforeEach(async () => {
    await env.DB.exec("DELETE FROM export_sizes");
    await setLastUpdated(lastUpdated);
  });
  afterEach(() => {
    vi.restoreAllMocks();
  });

  for (const path of [
    "/api/v1/datasets/village-income.csv",
    "/api/v1/datasets/village-income.csv?region=450422104&bom=1",
    "/api/v1/datasets/village-income.csv?from=2025-06&to=2025-12",
    "/api/v1/datasets/village-income.csv?release=2025-12&bom=1",
    "/api/v1/datasets/village-income.csv?region=450422106",
    "/api/v1/datasets/projects.csv",
    "/api/v1/datasets/regions.csv?region=450422",
  ]) {
    it(`Content-Length and X-Row-Count match the body: ${path}`, async () => {
      // The first download measures, the second reads the cached size: both must match.
      for (const round of ["measured", "cached"]) {
        const { response, bytes, text } = await download(path);
        expect(response.status, round).toBe(200);
        expect(response.headers.get("content-length"), round).toBe(String(bytes.byteLength));
        expect(response.headers.get("x-row-count"), round).toBe(String(parseCsv(text).length - 1));
      }
    });
  }

  it("answers HEAD with the size and no body", async () => {
    const path = "/api/v1/datasets/village-income.csv?region=450422104";
    const head = await download(path, { method: "HEAD" });
    const get = await download(path);
    expect(head.response.status).toBe(200);
    expect(head.bytes.byteLength).toBe(0);
    expect(head.response.headers.get("content-length")).toBe(String(get.bytes.byteLength));
    expect(head.response.headers.get("x-row-count")).toBe("7");
  });

  it("lets browser scripts on other sites read X-Row-Count", async () => {
    const { response } = await download("/api/v1/datasets/regions.csv", {
      headers: { Origin: "https://newsroom.example" },
    });
    expect(response.headers.get("access-control-expose-headers")).toContain("X-Row-Count");
  });

  it("measures an export once per data version, and again after an upload", async () => {
    const path = "/api/v1/datasets/village-income.csv?region=450422104";
    const first = await download(path);
    const key = "village-income?region=450422104&from=&to=&bom=0";
    expect(await sizeRows()).toEqual([
      {
        export: key,
        version: dataStamp(null, lastUpdated),
        bytes: first.bytes.byteLength,
        rows: 7,
        measured_at: expect.stringMatching(/^\d{4}-\d\d-\d\dT/),
      },
    ]);
    // A second download reads the recorded size: measuring again would rewrite measured_at.
    await env.DB.exec("UPDATE export_sizes SET measured_at = 'not measured again'");
    const second = await download(path);
    expect(second.text).toBe(first.text);
    expect((await sizeRows()).map((r) => r.measured_at)).toEqual(["not measured again"]);
    // A release of the same export is another version, kept beside it.
    await download(`${path}&release=2025-12`);
    // An upload bumps last_updated: a new key, measured afresh; the old live size is gone.
    await setLastUpdated("2026-03-01T00:00:00Z");
    const third = await download(path);
    expect(third.response.headers.get("content-length")).toBe(String(third.bytes.byteLength));
    expect((await sizeRows()).map((r) => [r.export, r.version])).toEqual([
      [key, dataStamp(RELEASE_1_AT, null)],
      [key, dataStamp(null, "2026-03-01T00:00:00Z")],
    ]);
  });

  it("reads no page of the export to answer from the cache", async () => {
    const filters = { region: "450422104" };
    const key = { export: "test-only", version: "live:x" };
    let pages = 0;
    const onPage = () => pages++;
    const measured = await exportSize(env.DB, income, filters, key, { onPage });
    expect(pages).toBeGreaterThan(0);
    pages = 0;
    expect(await exportSize(env.DB, income, filters, key, { onPage })).toEqual(measured);
    expect(pages).toBe(0);
  });

  it("fails a download whose data changed since it was measured, then measures again", async () => {
    const log = vi.spyOn(console, "error").mockImplementation(() => {});
    const path = "/api/v1/datasets/village-income.csv?region=450422104";
    const before = await download(path);
    // A return lands between measuring and sending (same data version: last_updated is
    // not bumped here, as if the upload's batch had not yet committed when the version was
    // read): the cached size is now too small.
    await env.DB.prepare(
      `INSERT INTO income_returns (village_code, period, total, operating, contracting,
         investment, subsidy, other, recorded_at)
       VALUES ('450422104212', '2025-06', 10, 10, 0, 0, 0, 0, '2026-01-11T00:00:00Z')`,
    ).run();
    try {
      const response = await exports.default.fetch(`http://localhost${path}`);
      expect(response.headers.get("content-length")).toBe(String(before.bytes.byteLength));
      const { text, error } = await readAll(response.body!.getReader());
      expect(error).toBeInstanceOf(Error);
      expect(new TextEncoder().encode(text).byteLength).toBeLessThan(before.bytes.byteLength);
      // The wrong size is forgotten (after the failed pipe), so the next download is whole.
      await vi.waitFor(async () => expect(await sizeRows()).toEqual([]));
      expect(log).toHaveBeenCalledWith(
        "CSV download did not complete",
        expect.anything(),
        expect.any(ExportChangedError),
      );
      const after = await download(path);
      expect(after.response.headers.get("x-row-count")).toBe("8");
      expect(after.response.headers.get("content-length")).toBe(String(after.bytes.byteLength));
    } finally {
      // Returns are append-only: the extra one is superseded, which takes it out again.
      await env.DB.prepare(
        `UPDATE income_returns SET superseded_at = '2026-01-12T00:00:00Z'
         WHERE village_code = '450422104212' AND period = '2025-06' AND superseded_at IS NULL`,
      ).run();
    }
  });
});
