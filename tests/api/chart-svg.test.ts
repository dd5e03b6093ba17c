/**
 * The charts as SVG images (/api/v1/regions/{code}/charts/{chart}.svg) through the Worker
 * in workerd on a real local D1: an XML document a real parser reads, with the region's
 * name escaped (the fixture has a village called "<b>乙</b>村委会"), its title, period,
 * data date and source drawn in, and every bar and point where the chart's own table (the
 * .json download of the same request) puts it; both languages; errors as problem details.
 */
import { env, exports } from "cloudflare:workers";
import { beforeAll, describe, expect, it } from "vitest";
import { axisOf, group, mark, markTop, series } from "../support/svg-chart.ts";
import { findAll, parseXml, textOf, type XmlElement } from "../support/xml.ts";
import { loadFixture } from "./fixture.ts";

beforeAll(async () => {
  await loadFixture(env.DB);
});

let client = 0;
async function get(path: string) {
  // Another address each time: the API's rate limit is per address.
  const address = `198.51.100.${(client++ % 200) + 1}`;
  const response = await exports.default.fetch(
    new Request(`http://ledger.test${path}`, { headers: { "CF-Connecting-IP": address } }),
  );
  return { status: response.status, headers: response.headers, text: await response.text() };
}

interface ChartJson {
  columns: { key: string; label: string; unit: string }[];
  rows: (string | number | null)[][];
}

/** The SVG and the JSON table of one chart, for the same request. */
async function both(code: string, chart: string, query: string) {
  const svg = await get(`/api/v1/regions/${code}/charts/${chart}.svg${query}`);
  expect(svg.status, svg.text).toBe(200);
  const json = await get(`/api/v1/regions/${code}/charts/${chart}.json${query}`);
  expect(json.status).toBe(200);
  return { svg, root: parseXml(svg.text), table: JSON.parse(json.text) as ChartJson };
}

const near = (a: number, b: number, what: string) =>
  expect(Math.abs(a - b), `${what}: ${a} vs ${b}`).toBeLessThan(0.02);

describe("GET /api/v1/regions/{code}/charts/{chart}.svg", () => {
  it("is an SVG image that parses as XML, the village's name escaped", async () => {
    const { svg, root } = await both("450422104212", "income", "?period=2025-12");
    expect(svg.headers.get("content-type")).toBe("image/svg+xml; charset=utf-8");
    expect(svg.headers.get("content-disposition")).toBe(
      'inline; filename="450422104212-income-2025-12.svg"',
    );
    expect(svg.headers.get("cache-control")).toBe("public, max-age=300");
    expect(root.name).toBe("svg");
    // The name is text in the image, never markup.
    expect(svg.text).not.toContain("<b>");
    expect(svg.text).toContain("&lt;b&gt;乙&lt;/b&gt;村委会");
    expect(findAll(root, "b")).toEqual([]);
    const title = findAll(root, "title")[0] as XmlElement;
    expect(title.text).toBe("<b>乙</b>村委会：逐月累计收入（按年份）");
    const texts = findAll(root, "text").map(textOf);
    expect(texts).toContain("<b>乙</b>村委会：逐月累计收入（按年份）");
    // Period and data date (recorded 2026-01-10T02:00Z, 10:00 in China).
    expect(texts).toContain("统计期：2025年12月；数据更新于 2026年1月10日");
  });

  it("carries the source: the site, the chart's page at the canonical origin, the licence", async () => {
    const { root } = await both("450422104212", "income", "?period=2025-12");
    const footer = findAll(group(root, "footer") as XmlElement, "text")
      .map(textOf)
      .join("");
    expect(footer).toContain(
      "来源：村务公开台账 https://village-ledger.example/r/450422104212?period=2025-12#chart-income。",
    );
    expect(footer).toContain("各村（村委会）按月报送的农村集体经济收入报表");
    expect(footer).toContain("许可：CC BY 4.0。");
    expect(footer).toContain("样例数据");
  });

  it("puts every point of the income lines where the chart's table says", async () => {
    const { root, table } = await both("450422104212", "income", "?period=2025-12");
    const axis = axisOf(root, "money");
    const years = table.columns.slice(1);
    expect(years.length).toBeGreaterThan(0);
    let points = 0;
    years.forEach((_, s) => {
      table.rows.forEach((row, i) => {
        const value = row[s + 1] as number | null;
        const m = mark(root, s, i);
        if (value === null) {
          expect(m, `${s} ${i}`).toBeUndefined();
          return;
        }
        points++;
        near(markTop(m as XmlElement), axis.yOf(value), `${years[s]?.label} ${row[0]}`);
      });
    });
    // B's returns: 2024-12 (300,000) and 2025-12 (320,000).
    expect(points).toBe(2);
    expect(textOf(group(root, "legend") as XmlElement)).toContain("2025年");
  });

  it("stacks the county's income by source as its table gives it", async () => {
    const { root, table } = await both("450422", "sources", "?period=2025-12");
    const axis = axisOf(root, "money");
    const sources = table.columns.filter((c) =>
      ["operating", "contracting", "investment", "subsidy", "other"].includes(c.key),
    );
    expect(sources).toHaveLength(5);
    table.rows.forEach((row, i) => {
      let below = 0;
      sources.forEach((column, s) => {
        const value = row[table.columns.indexOf(column)] as number;
        const bar = mark(root, s, i) as XmlElement;
        expect(bar, `${column.key} ${row[0]}`).toBeDefined();
        near(Number(bar.attrs.y) + Number(bar.attrs.height), axis.yOf(below), column.key);
        below += value;
        near(Number(bar.attrs.y), axis.yOf(below), column.key);
      });
      // The top of the stack is the year's total.
      near(
        axis.yOf(below),
        axis.yOf(row[table.columns.findIndex((c) => c.key === "total")] as number),
        "total",
      );
    });
    // 2025: A 100k + B 320k + C 0 + D 1.2M.
    expect(table.rows.at(-1)?.[table.columns.findIndex((c) => c.key === "total")]).toBe(1_620_000);
  });

  it("draws the county's income bands as bars of village counts, in English too", async () => {
    for (const lang of ["zh", "en"] as const) {
      const { root, table } = await both("450422", "bands", `?period=2025-12&lang=${lang}`);
      const axis = axisOf(root, "count", lang);
      const bars = findAll(series(root, 0), "rect");
      expect(bars).toHaveLength(table.rows.length);
      table.rows.forEach((row, i) => {
        near(Number(bars[i]?.attrs.y), axis.yOf(row[1] as number), String(row[0]));
      });
      expect(table.rows.map((r) => r[1])).toEqual([1, 0, 0, 1, 1, 0, 1]);
      if (lang === "en") {
        const texts = findAll(root, "text").map(textOf).join("\n");
        expect(texts).toContain("藤县: Villages by income band · 2025 (full year)");
        expect(texts).toContain("Period: Dec 2025; data updated 10 Jan 2026");
        expect(texts).toContain(
          "Source: Village Ledger https://village-ledger.example/en/r/450422?period=2025-12#chart-bands.",
        );
        expect(texts).toContain("Licence: CC BY 4.0.");
      }
    }
  });

  it("answers bad requests with problem details, never a 500", async () => {
    for (const [path, status] of [
      ["/api/v1/regions/450422/charts/pie.svg", 400],
      ["/api/v1/regions/450422/charts/income.svg?period=2025-13", 400],
      ["/api/v1/regions/450422/charts/income.svg?lang=fr", 400],
      ["/api/v1/regions/450499/charts/income.svg", 404],
      ["/api/v1/regions/450422/charts/income.svg?period=2031-01", 404],
      // A village's page has no band chart.
      ["/api/v1/regions/450422104212/charts/bands.svg", 404],
    ] as const) {
      const response = await get(path);
      expect(response.status, path).toBe(status);
      expect(response.headers.get("content-type"), path).toContain("application/problem+json");
    }
  });
});
