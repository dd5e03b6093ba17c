/**
 * The XLSX downloads through the Worker in workerd on a real local D1: every dataset and
 * chart table read back with exceljs (another library than the writer) and compared with
 * the CSV of the same request, cell by cell: codes as text, money as numbers in whole yuan
 * with the 万元 format, ratios as percentages, dates as dates; the frozen header row; the
 * About sheet; both languages; the size limit; headers and caching as the CSV's.
 */
import { createExecutionContext, waitOnExecutionContext } from "cloudflare:test";
import { env, exports } from "cloudflare:workers";
import ExcelJS from "exceljs";
import { strFromU8, unzipSync } from "fflate";
import { beforeAll, describe, expect, it } from "vitest";
import { createApi } from "../../functions/app.ts";
import { parseCsv } from "../../src/lib/csv.ts";
import {
  citation,
  citationEn,
  DATASETS,
  findDataset,
  UNITS_EN,
  type DatasetDef,
  type FieldDef,
} from "../../src/lib/datasets.ts";
import { loadDatasetFixture, REVISED_AT, VILLAGE_A } from "./dataset-fixture.ts";

const XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
/** What the cells are expected to carry (as documented in the OpenAPI description). */
const MONEY_ZH = '0"."0000"万元"';
const MONEY_EN = '"¥"#,##0';
const PERCENT = "0.0%";
const DATE = "yyyy-mm-dd";
const ORIGIN = "https://village-ledger.example";

beforeAll(async () => {
  await loadDatasetFixture(env.DB);
  // Two problems with their events, so that those datasets have rows to compare (dates,
  // an empty date, text that a CSV neutralises).
  const at = "2025-08-01T02:00:00Z";
  await env.DB.batch([
    env.DB.prepare(
      `INSERT INTO problems (id, region_code, project_id, title, category, channel, raised_on,
         due_on, department, claimed_on, resolved_on, closed_on, status, updated_at)
       VALUES (1, '450422104211', 1, '羊舍用地备案慢', 'land', 'direct_line', '2025-01-01',
         '2025-03-01', '县自然资源局', '2025-01-05', '2025-02-10', '2025-02-20', 'closed', ?1),
       (2, '450422105', NULL, '-配套资金未到位', 'funding', 'matchmaking', '2025-06-01',
         '2025-08-01', NULL, NULL, NULL, NULL, 'open', ?1)`,
    ).bind(at),
    env.DB.prepare(
      `INSERT INTO problem_events (problem_id, status, event_date, department, note, recorded_at)
       VALUES (1, 'open', '2025-01-01', NULL, NULL, ?1), (1, 'claimed', '2025-01-05', '县自然资源局', NULL, ?1),
         (1, 'closed', '2025-02-20', NULL, '=销号', ?1), (2, 'open', '2025-06-01', NULL, NULL, ?1)`,
    ).bind(at),
  ]);
});

let client = 0;

async function get(path: string, headers: Record<string, string> = {}) {
  // Another address each time: the download rate limit is per address.
  const address = `198.51.100.${(client++ % 200) + 1}`;
  const response = await exports.default.fetch(
    new Request(`http://ledger.test${path}`, {
      headers: { "CF-Connecting-IP": address, ...headers },
    }),
  );
  const bytes = new Uint8Array(await response.arrayBuffer());
  return { status: response.status, headers: response.headers, bytes };
}

async function book(bytes: Uint8Array): Promise<ExcelJS.Workbook> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(bytes.buffer as ArrayBuffer);
  return workbook;
}

/** A sheet's rows as arrays of cells (1-based in exceljs, 0-based here). */
function rowsOf(sheet: ExcelJS.Worksheet, columns: number): ExcelJS.Cell[][] {
  const rows: ExcelJS.Cell[][] = [];
  for (let r = 1; r <= sheet.rowCount; r++) {
    const row = sheet.getRow(r);
    rows.push(Array.from({ length: columns }, (_, c) => row.getCell(c + 1)));
  }
  return rows;
}

/** The About sheet's lines: heading → text. */
function aboutLines(sheet: ExcelJS.Worksheet): Map<string, string> {
  const lines = new Map<string, string>();
  sheet.eachRow((row) => {
    const [heading, text] = [row.getCell(1).value, row.getCell(2).value];
    if (typeof heading === "string" && typeof text === "string") lines.set(heading, text);
  });
  return lines;
}

/** What a field's cells should be, stated from its definition (not from the writer's code). */
function expectedKind(field: FieldDef): "code" | "text" | "money" | "ratio" | "number" | "date" {
  if (field.unit === "元") return "money";
  if (field.unit?.startsWith("比例")) return "ratio";
  if (field.type === "integer" || field.type === "number") return "number";
  if (field.type === "date") return "date";
  if (/(^|_)code$/.test(field.name)) return "code";
  return "text";
}

/** A CSV text cell as stored: the apostrophe that neutralised a formula taken off. */
const unneutralised = (text: string) => text.replace(/^'(?=[=+\-@\t\r])/, "");

/**
 * Checks one data cell against the CSV's text for the same row and field: its type, its
 * value and its number format.
 */
function expectCell(cell: ExcelJS.Cell, csv: string, field: FieldDef, lang: "zh" | "en") {
  const where = `${field.name} = ${csv}`;
  if (csv === "") {
    expect(cell.type, where).toBe(ExcelJS.ValueType.Null);
    return;
  }
  switch (expectedKind(field)) {
    case "code":
      expect(cell.type, where).toBe(ExcelJS.ValueType.String);
      expect(cell.value, where).toBe(csv);
      expect(cell.numFmt, where).toBe("@");
      return;
    case "text":
      expect(cell.type, where).toBe(ExcelJS.ValueType.String);
      expect(cell.value, where).toBe(unneutralised(csv));
      return;
    case "date":
      expect(cell.type, where).toBe(ExcelJS.ValueType.Date);
      expect((cell.value as Date).toISOString().slice(0, 10), where).toBe(csv);
      expect(cell.numFmt, where).toBe(DATE);
      return;
    default:
      expect(cell.type, where).toBe(ExcelJS.ValueType.Number);
      expect(cell.value, where).toBe(Number(csv));
      expect(cell.numFmt ?? "General", where).toBe(
        { money: lang === "en" ? MONEY_EN : MONEY_ZH, ratio: PERCENT, number: "General" }[
          expectedKind(field) as "money" | "ratio" | "number"
        ],
      );
  }
}

/** The XLSX of a dataset request against its CSV: same rows, same values, typed cells. */
async function expectSameAsCsv(def: DatasetDef, query = "", lang: "zh" | "en" = "zh") {
  const csv = await get(`/api/v1/datasets/${def.name}.csv${query}`);
  const xlsx = await get(
    `/api/v1/datasets/${def.name}.xlsx${query}${lang === "en" ? `${query ? "&" : "?"}lang=en` : ""}`,
  );
  expect(xlsx.status).toBe(200);
  const [names, ...rows] = parseCsv(new TextDecoder().decode(csv.bytes));
  expect(names).toEqual(def.fields.map((f) => f.name));
  const workbook = await book(xlsx.bytes);
  expect(workbook.worksheets.map((s) => s.name)).toEqual(
    lang === "en" ? ["Data", "About"] : ["数据", "说明"],
  );
  const sheet = workbook.worksheets[0] as ExcelJS.Worksheet;
  const [header, ...body] = rowsOf(sheet, def.fields.length);
  expect(header?.map((c) => String(c.value).replace(/ ?[（(]%[）)]$/, ""))).toEqual(
    def.fields.map((f) => (lang === "en" ? f.titleEn : f.title)),
  );
  expect(body.length).toBe(rows.length);
  expect(xlsx.headers.get("x-row-count")).toBe(String(rows.length));
  body.forEach((cells, r) => {
    def.fields.forEach((field, c) => {
      expectCell(cells[c] as ExcelJS.Cell, rows[r]?.[c] ?? "", field, lang);
    });
  });
  return { workbook, rows: rows.length, csv, xlsx };
}

describe("every dataset as XLSX holds its CSV's rows and values, typed", () => {
  for (const def of DATASETS) {
    it(def.name, async () => {
      const { rows } = await expectSameAsCsv(def);
      expect(rows).toBeGreaterThan(0);
    });
  }

  it("in English too", async () => {
    for (const name of ["village-income", "projects", "region-indicators"]) {
      await expectSameAsCsv(findDataset(name) as DatasetDef, "", "en");
    }
  });

  it("with the CSV's filters and releases", async () => {
    const income = findDataset("village-income") as DatasetDef;
    await expectSameAsCsv(income, "?region=450422104&from=2025-06&to=2025-12");
    // As the first release published it: village A's 2025-12 return before its revision.
    const { workbook } = await expectSameAsCsv(income, "?release=2025-12&region=450422104211");
    const sheet = workbook.worksheets[0] as ExcelJS.Worksheet;
    const totals = rowsOf(sheet, 4)
      .slice(1)
      .map((r) => [r[0]?.value, r[2]?.value, r[3]?.value]);
    expect(totals).toContainEqual([VILLAGE_A, "2025-12", 100_000]);
    await expectSameAsCsv(findDataset("region-indicators") as DatasetDef, "?release=2026-01");
  });
});

describe("cells as Excel, WPS and LibreOffice should show them", () => {
  it("writes codes as text, money as yuan in 万元, ratios as percentages, dates as dates", async () => {
    const income = await book((await get("/api/v1/datasets/village-income.xlsx")).bytes);
    const sheet = income.worksheets[0] as ExcelJS.Worksheet;
    const code = sheet.getCell("A3");
    expect([code.type, code.value, code.numFmt]).toEqual([
      ExcelJS.ValueType.String,
      VILLAGE_A,
      "@",
    ]);
    const total = sheet.getCell("D5"); // village A, 2025-12, as revised
    expect([total.type, total.value, total.numFmt]).toEqual([
      ExcelJS.ValueType.Number,
      150_000,
      MONEY_ZH,
    ]);
    const indicators = await book((await get("/api/v1/datasets/region-indicators.xlsx")).bytes);
    const first = indicators.worksheets[0] as ExcelJS.Worksheet;
    const coverage = first.getRow(1).values as unknown[];
    const column = coverage.indexOf("报送率");
    expect(column).toBeGreaterThan(0);
    const ratio = first.getRow(2).getCell(column);
    expect(ratio.type).toBe(ExcelJS.ValueType.Number);
    expect(ratio.numFmt).toBe(PERCENT);
    expect(ratio.value as number).toBeGreaterThanOrEqual(0);
    expect(ratio.value as number).toBeLessThanOrEqual(1);
    const projects = await book((await get("/api/v1/datasets/projects.xlsx")).bytes);
    const start = (projects.worksheets[0] as ExcelJS.Worksheet).getCell("G2");
    expect([start.type, start.numFmt]).toEqual([ExcelJS.ValueType.Date, DATE]);
    expect((start.value as Date).toISOString()).toBe("2025-03-01T00:00:00.000Z");
    // Text that a CSV must neutralise is plain text in a text cell: never run as a formula.
    const title = (projects.worksheets[0] as ExcelJS.Worksheet).getCell("C2");
    expect([title.type, title.value]).toEqual([
      ExcelJS.ValueType.String,
      '=HYPERLINK("http://x","点我")',
    ]);
    expect(title.formula).toBeUndefined();
  });

  it("freezes the header row: the pane is split below it", async () => {
    const workbook = await book((await get("/api/v1/datasets/regions.xlsx")).bytes);
    const sheet = workbook.worksheets[0] as ExcelJS.Worksheet;
    expect(sheet.views[0]).toMatchObject({
      state: "frozen",
      xSplit: 0,
      ySplit: 1,
      topLeftCell: "A2",
    });
    expect(sheet.getCell("A1").font?.bold).toBe(true);
    expect(sheet.getColumn(1).width).toBeGreaterThanOrEqual(10);
  });
});

describe("the About sheet", () => {
  it("gives the source, version, licence, citation and every field's definition", async () => {
    const def = findDataset("village-income") as DatasetDef;
    const path = "/api/v1/datasets/village-income.xlsx?region=450422";
    const workbook = await book((await get(path)).bytes);
    const about = workbook.getWorksheet("说明") as ExcelJS.Worksheet;
    expect(about.getCell("A1").value).toBe(`${def.title}（village-income）`);
    const lines = aboutLines(about);
    expect(lines.get("内容")).toBe(def.description);
    expect(lines.get("筛选条件")).toBe("region=450422");
    // The county's 9 returns, its community's included (as the CSV has them).
    expect(lines.get("行数")).toBe("9");
    expect(lines.get("版本")).toContain("最新数据");
    // The data version: the live data's last update (the revision in the fixture).
    expect(lines.get("版本")).toContain(REVISED_AT);
    expect(lines.get("来源")).toBe(`村务公开台账 ${ORIGIN}/data`);
    expect(lines.get("下载地址")).toBe(`${ORIGIN}${path}`);
    expect(lines.get("许可")).toContain("CC BY 4.0");
    expect(lines.get("许可")).toContain("https://creativecommons.org/licenses/by/4.0/");
    expect(lines.get("引用")).toBe(citation(def, null, `${ORIGIN}${path}`));
    expect(lines.get("样例数据")).toContain("样例数据");
    // The field table: name, label, unit, definition, one row per field in order.
    const rows = rowsOf(about, 4).map((r) => r.map((c) => c.value ?? ""));
    const head = rows.findIndex((r) => r[0] === "字段");
    expect(rows[head]).toEqual(["字段", "名称", "单位", "定义"]);
    expect(rows.slice(head + 1)).toEqual(
      def.fields.map((f) => [
        f.name,
        f.title,
        f.unit === "元" ? "元（显示为万元）" : (f.unit ?? ""),
        f.description,
      ]),
    );
  });

  it("names a release and its freeze moment, in English with lang=en", async () => {
    const def = findDataset("region-indicators") as DatasetDef;
    const path = "/api/v1/datasets/region-indicators.xlsx?release=2026-01&lang=en";
    const workbook = await book((await get(path)).bytes);
    const about = workbook.getWorksheet("About") as ExcelJS.Worksheet;
    const lines = aboutLines(about);
    expect(lines.get("Version")).toMatch(/^Monthly release 2026-01, frozen at 20 Feb 2026, 10:00/);
    expect(lines.get("Citation")).toBe(citationEn(def, "2026-01", `${ORIGIN}${path}`));
    expect(lines.get("Filters")).toBe("None (the whole dataset)");
    const rows = rowsOf(about, 4).map((r) => r.map((c) => c.value ?? ""));
    const coverage = rows.find((r) => r[0] === "coverage");
    expect(coverage?.slice(1, 3)).toEqual(["Coverage", "ratio (shown as %)"]);
    const villages = rows.find((r) => r[0] === "villages");
    expect(villages?.[2]).toBe(UNITS_EN["个"]);
  });
});

describe("HTTP, as the CSV's", () => {
  it("names the file like the CSV, typed as a workbook, with its row count", async () => {
    const query = "?region=450422104&release=2025-12&from=2025-01&to=2025-12";
    const csv = await get(`/api/v1/datasets/village-income.csv${query}`);
    const xlsx = await get(`/api/v1/datasets/village-income.xlsx${query}`);
    expect(xlsx.headers.get("content-type")).toBe(XLSX);
    expect(xlsx.headers.get("content-disposition")).toBe(
      csv.headers.get("content-disposition")?.replace(/\.csv"$/, '.xlsx"'),
    );
    expect(xlsx.headers.get("x-row-count")).toBe(csv.headers.get("x-row-count"));
    expect(xlsx.headers.get("content-length")).toBe(String(xlsx.bytes.length));
    const en = await get(`/api/v1/datasets/village-income.xlsx${query}&lang=en`);
    expect(en.headers.get("content-disposition")).toContain('_release-2025-12_en.xlsx"');
    // An XLSX file is a zip: "PK".
    expect([...xlsx.bytes.slice(0, 2)]).toEqual([0x50, 0x4b]);
  });

  it("caches a release as immutable and live data briefly, and answers 304 to its ETag", async () => {
    const frozen = "/api/v1/datasets/village-income.xlsx?release=2026-01";
    const first = await get(frozen);
    expect(first.headers.get("cache-control")).toBe(
      (await get(frozen.replace(".xlsx", ".csv"))).headers.get("cache-control"),
    );
    expect(first.headers.get("cache-control")).toBe("public, max-age=31536000, immutable");
    const etag = first.headers.get("etag") ?? "";
    expect(etag).toMatch(/^"[0-9a-f]{32}"$/);
    const again = await get(frozen, { "If-None-Match": etag });
    expect(again.status).toBe(304);
    expect(again.bytes.length).toBe(0);
    // Another representation: the CSV of the same cut, or the English workbook.
    expect((await get(frozen.replace(".xlsx", ".csv"))).headers.get("etag")).not.toBe(etag);
    expect((await get(`${frozen}&lang=en`)).headers.get("etag")).not.toBe(etag);
    const live = await get("/api/v1/datasets/village-income.xlsx");
    expect(live.headers.get("cache-control")).toBe("public, max-age=300");
    expect(live.headers.get("access-control-expose-headers")).toContain("X-Row-Count");
  });

  it("lists the XLSX address and row limit of every dataset", async () => {
    const list = (await (await get("/api/v1/datasets")).bytes.buffer) as ArrayBuffer;
    const body = JSON.parse(new TextDecoder().decode(list)) as {
      datasets: { name: string; xlsx: string; xlsx_max_rows: number }[];
    };
    for (const d of body.datasets) {
      expect(d.xlsx).toBe(`/api/v1/datasets/${d.name}.xlsx`);
      const columns = (findDataset(d.name) as DatasetDef).fields.length;
      // 300,000 cells over the columns, in whole thousands of rows.
      expect(d.xlsx_max_rows).toBe(Math.floor(300_000 / columns / 1000) * 1000);
    }
    expect(body.datasets.find((d) => d.name === "village-income")?.xlsx_max_rows).toBe(27_000);
  });

  const bad: [string, number][] = [
    ["/api/v1/datasets/nothing.xlsx", 404],
    ["/api/v1/datasets/village-income.xlsx?lang=fr", 400],
    ["/api/v1/datasets/village-income.xlsx?region=45x", 400],
    ["/api/v1/datasets/regions.xlsx?from=2025-01", 400],
    ["/api/v1/datasets/village-income.xlsx?release=2030-01", 404],
    ["/api/v1/datasets/village-income.xlsx?region=450499", 404],
    ["/api/v1/regions/450422/charts/pie.xlsx", 400],
    ["/api/v1/regions/450499/charts/income.xlsx", 404],
  ];
  for (const [path, status] of bad) {
    it(`${path} → ${status} problem+json`, async () => {
      const response = await get(path);
      expect(response.status).toBe(status);
      expect(response.headers.get("content-type")).toContain("application/problem+json");
    });
  }
});

describe("the size limit", () => {
  /** The API with another cell budget, as a deployment may configure XLSX_MAX_CELLS. */
  async function withBudget(path: string, cells: number): Promise<Response> {
    const ctx = createExecutionContext();
    const response = await createApi().request(
      path,
      { headers: { "CF-Connecting-IP": "203.0.113.9" } },
      { ...env, XLSX_MAX_CELLS: String(cells) },
      ctx,
    );
    await response.clone().arrayBuffer();
    await waitOnExecutionContext(ctx);
    return response;
  }

  it("refuses a larger cut with problem+json pointing to the CSV and the bulk file", async () => {
    // village-income has 11 columns and, in the fixture, 9 live rows.
    const refused = await withBudget("/api/v1/datasets/village-income.xlsx?release=2026-01", 88);
    expect(refused.status).toBe(400);
    expect(refused.headers.get("content-type")).toContain("application/problem+json");
    const body = (await refused.json()) as Record<string, string>;
    expect(body).toMatchObject({
      type: "/api/docs#problem-export-too-large",
      title: "Export too large",
      status: 400,
      max_rows: 8,
      csv_file: "/api/v1/datasets/village-income.csv?release=2026-01&bom=1",
      bulk_file: "/data/bulk/2026-01/village-income.csv.gz",
    });
    expect(body.detail).toContain("/api/v1/datasets/village-income.csv?release=2026-01&bom=1");
    expect(body.detail).toContain("/data/bulk/2026-01/village-income.csv.gz");
    expect(body.detail_zh).toContain("CSV");
    // Exactly at the limit it is served, and a narrower cut under a smaller one.
    expect((await withBudget("/api/v1/datasets/village-income.xlsx", 99)).status).toBe(200);
    const narrow = await withBudget("/api/v1/datasets/village-income.xlsx?region=450422105", 22);
    expect(narrow.status).toBe(200);
    expect(narrow.headers.get("x-row-count")).toBe("2");
  });

  it("writes a sheet far larger than fflate's asynchronous threshold inside workerd", async () => {
    // 3,000 villages of a made-up county 450499: about 0.4 MB of sheet XML, where the
    // universal build's asynchronous zip would start a Web Worker (workerd has none).
    const county = "450499";
    const statements = [
      env.DB.prepare(
        "INSERT INTO regions (code, name, level, parent_code, kind) VALUES (?1, '试验县', 'county', '4504', 'area')",
      ).bind(county),
      ...[100, 101, 102].map((t) =>
        env.DB.prepare(
          "INSERT INTO regions (code, name, level, parent_code, kind) VALUES (?1, ?2, 'township', ?3, 'area')",
        ).bind(`${county}${t}`, `试验${t}镇`, county),
      ),
      ...[100, 101, 102].map((t) =>
        env.DB.prepare(
          `INSERT INTO regions (code, name, level, parent_code, kind)
           WITH RECURSIVE n(i) AS (SELECT 0 UNION ALL SELECT i + 1 FROM n WHERE i < 999)
           SELECT ?1 || printf('%03d', i), '试验村' || i, 'village', ?1, 'village_committee' FROM n`,
        ).bind(`${county}${t}`),
      ),
    ];
    await env.DB.batch(statements);
    const started = Date.now();
    const response = await get(`/api/v1/datasets/regions.xlsx?region=${county}`);
    const seconds = (Date.now() - started) / 1000;
    expect(response.status).toBe(200);
    expect(response.headers.get("x-row-count")).toBe("3004");
    const sheetXml = strFromU8(
      unzipSync(response.bytes, { filter: (f) => f.name === "xl/worksheets/sheet1.xml" })[
        "xl/worksheets/sheet1.xml"
      ] as Uint8Array,
    );
    expect(sheetXml.length).toBeGreaterThan(160 * 1024);
    const sheet = (await book(response.bytes)).worksheets[0] as ExcelJS.Worksheet;
    expect(sheet.rowCount).toBe(3005);
    expect(sheet.getCell("A3005").value).toBe(`${county}102999`);
    console.warn(`regions.xlsx, 3,004 rows: ${seconds.toFixed(2)} s in workerd`);
  });
});

describe("chart tables as XLSX", () => {
  const CHARTS = ["income", "bands", "sources", "coverage"];

  for (const lang of ["zh", "en"] as const) {
    it(`hold the chart CSV's table (${lang})`, async () => {
      for (const chart of CHARTS) {
        const query = `?lang=${lang}`;
        const csv = await get(`/api/v1/regions/450422/charts/${chart}.csv${query}`);
        const json = JSON.parse(
          new TextDecoder().decode(
            (await get(`/api/v1/regions/450422/charts/${chart}.json${query}`)).bytes,
          ),
        ) as { columns: { label: string; unit: string }[] };
        const xlsx = await get(`/api/v1/regions/450422/charts/${chart}.xlsx${query}`);
        expect(xlsx.status, chart).toBe(200);
        expect(xlsx.headers.get("content-type")).toBe(XLSX);
        expect(xlsx.headers.get("cache-control")).toBe(csv.headers.get("cache-control"));
        expect(xlsx.headers.get("content-disposition")).toBe(
          csv.headers
            .get("content-disposition")
            ?.replace(/\.csv"$/, lang === "en" ? '-en.xlsx"' : '.xlsx"'),
        );
        const [header, ...rows] = parseCsv(new TextDecoder().decode(csv.bytes));
        const workbook = await book(xlsx.bytes);
        const sheet = workbook.worksheets[0] as ExcelJS.Worksheet;
        expect(sheet.views[0]).toMatchObject({ state: "frozen", ySplit: 1 });
        const cells = rowsOf(sheet, json.columns.length);
        // The CSV's header says "(yuan)" where the workbook's cells show their unit.
        expect(cells[0]?.map((c) => c.value)).toEqual(
          header?.map((h) => h.replace(/ \(yuan\)$/, "")),
        );
        expect(cells.length - 1).toBe(rows.length);
        rows.forEach((row, r) => {
          row.forEach((text, c) => {
            const cell = cells[r + 1]?.[c] as ExcelJS.Cell;
            const unit = json.columns[c]?.unit;
            const where = `${chart} ${r} ${c} ${text}`;
            if (text === "") expect(cell.type, where).toBe(ExcelJS.ValueType.Null);
            else if (unit === "text") expect(cell.value, where).toBe(text);
            else {
              expect(cell.type, where).toBe(ExcelJS.ValueType.Number);
              expect(cell.value, where).toBe(Number(text));
              const format = { money: lang === "en" ? MONEY_EN : MONEY_ZH, ratio: PERCENT }[
                unit as "money" | "ratio"
              ];
              expect(cell.numFmt ?? "General", where).toBe(format ?? "General");
            }
          });
        });
      }
    });
  }

  it("say on the About sheet what the chart is, its data version, licence and citation", async () => {
    const path = "/api/v1/regions/450422/charts/income.xlsx?period=2025-12&lang=zh";
    const workbook = await book((await get(path)).bytes);
    const lines = aboutLines(workbook.getWorksheet("说明") as ExcelJS.Worksheet);
    expect(lines.get("地区")).toBe("藤县（450422）");
    expect(lines.get("统计期")).toBe("2025年12月");
    expect(lines.get("定义")).toContain("当年累计");
    expect(lines.get("版本")).toContain(REVISED_AT);
    expect(lines.get("许可")).toContain("CC BY 4.0");
    expect(lines.get("下载地址")).toBe(`${ORIGIN}${path}`);
    expect(lines.get("引用")).toBe(
      `村务公开台账：藤县（450422）逐月累计收入（按年份），2025年12月，最新数据。${ORIGIN}${path}，CC BY 4.0。`,
    );
  });
});
