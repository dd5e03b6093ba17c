/** English pages and chart downloads: the same figures as the API, in another form. */
import ExcelJS from "exceljs";
import { describe, expect, inject, it } from "vitest";

const base = inject("baseUrl");
type Summary = {
  period: string;
  indicators: Record<string, { value: number | null }>;
  bands: { count: number }[];
  sources: Record<string, number>;
};

async function summary(code: string): Promise<Summary> {
  return (await fetch(`${base}/api/v1/regions/${code}/summary`)).json() as Promise<Summary>;
}

describe("English pages under /en", () => {
  it("serve the same figures as the Chinese page and the API", async () => {
    const [zh, en, api] = await Promise.all([
      fetch(`${base}/r/450422`).then((r) => r.text()),
      fetch(`${base}/en/r/450422`).then((r) => r.text()),
      summary("450422"),
    ]);
    expect(en).toContain('<html lang="en"');
    expect(en).toContain("Collective income");
    expect(zh).toContain('<html lang="zh-CN"');
    const values = (html: string) =>
      [...html.matchAll(/data-indicator="([a-z0-9_]+)" data-value="([^"]*)"/g)].map((m) => [
        m[1],
        m[2],
      ]);
    expect(values(en)).toEqual(values(zh));
    for (const [key, raw] of values(en)) {
      expect(Number(raw), key).toBe(api.indicators[key as string]?.value);
    }
    // Each page links to the other language's version of itself.
    expect(zh).toContain('href="/en/r/450422"');
    expect(en).toContain('href="/r/450422"');
  });

  it("answer an unknown region with an English 404", async () => {
    const response = await fetch(`${base}/en/r/999999`);
    expect(response.status).toBe(404);
    expect(await response.text()).toContain("No region has the code 999999");
  });
});

describe("chart downloads", () => {
  it("give the band counts the API gives, as CSV with a BOM and as JSON", async () => {
    const api = await summary("450422");
    const csv = await fetch(`${base}/api/v1/regions/450422/charts/bands.csv?bom=1`);
    expect(csv.headers.get("content-type")).toContain("text/csv");
    expect(csv.headers.get("content-disposition")).toContain(`450422-bands-${api.period}.csv`);
    const bytes = new Uint8Array(await csv.arrayBuffer());
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const lines = new TextDecoder().decode(bytes.slice(3)).trim().split("\r\n");
    expect(lines).toHaveLength(8);
    expect(lines.slice(1).map((l) => Number(l.split(",").at(-1)))).toEqual(
      api.bands.map((b) => b.count),
    );
    const json = (await (
      await fetch(`${base}/api/v1/regions/450422/charts/bands.json`)
    ).json()) as {
      rows: [string, number][];
    };
    expect(json.rows.map((r) => r[1])).toEqual(api.bands.map((b) => b.count));
  });

  it("give income by source in whole yuan, matching the summary for the period shown", async () => {
    const api = await summary("450422");
    const json = (await (
      await fetch(`${base}/api/v1/regions/450422/charts/sources.json?period=${api.period}`)
    ).json()) as { columns: { key: string }[]; rows: (string | number)[][] };
    const last = json.rows.at(-1) ?? [];
    const at = (key: string) => last[json.columns.findIndex((c) => c.key === key)];
    for (const source of ["operating", "contracting", "investment", "subsidy", "other"]) {
      expect(at(source), source).toBe(api.sources[source]);
    }
    expect(at("total")).toBe(api.indicators.income_total?.value);
  });

  it("link each chart's XLSX beside its CSV, and the links answer workbooks", async () => {
    for (const [page, sheet] of [
      ["/r/450422", "数据"],
      ["/en/r/450422", "Data"],
    ] as const) {
      const html = await (await fetch(`${base}${page}`)).text();
      const href = (chart: string, format: string) => {
        const panel = html.slice(html.indexOf(`id="chart-${chart}-download"`));
        const link = new RegExp(`href="([^"]+)"[^>]*data-download="${format}"`).exec(panel);
        return (link?.[1] ?? "").replaceAll("&amp;", "&");
      };
      const charts = [...html.matchAll(/id="chart-([a-z]+)-download"/g)].map((m) => m[1] ?? "");
      expect(charts).toEqual(["income", "bands", "sources", "coverage"]);
      for (const chart of charts) {
        const xlsx = href(chart, "xlsx");
        // The CSV's address and query (period and language), as a workbook; no BOM to ask for.
        expect(xlsx, `${page} ${chart}`).toBe(
          href(chart, "csv").replace(".csv?", ".xlsx?").replace("&bom=1", ""),
        );
        const response = await fetch(`${base}${xlsx}`);
        expect(response.status, xlsx).toBe(200);
        expect(response.headers.get("content-type")).toBe(
          "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        );
        const workbook = new ExcelJS.Workbook();
        await workbook.xlsx.load(await response.arrayBuffer());
        const csv = await (await fetch(`${base}${href(chart, "csv")}`)).text();
        const rows = csv.trim().split("\r\n").length;
        expect(workbook.worksheets[0]?.name).toBe(sheet);
        expect(workbook.worksheets[0]?.rowCount, xlsx).toBe(rows);
      }
    }
  });

  it("refuse an unknown chart with problem+json", async () => {
    const response = await fetch(`${base}/api/v1/regions/450422/charts/pie.csv`);
    expect(response.status).toBe(400);
    expect(response.headers.get("content-type")).toContain("application/problem+json");
  });
});
