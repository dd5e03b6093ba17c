/**
 * The comparison page (/compare?codes=…): its figures against straight SQL over the raw
 * returns of the sample database (not through rollups or app code), its chart table and
 * download, the plain-form flow without JavaScript, the chart in Chromium under the
 * Content-Security-Policy, the refusals of a wrong list, and the English page.
 */
import type { DatabaseSync } from "node:sqlite";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import {
  formatCount,
  formatFraction,
  formatGrowth,
  formatMoney,
  formatMoneyCell,
  formatPercent,
  formatYearToDate,
} from "../../src/lib/format.ts";
import { parseServerTiming } from "../../src/lib/request-metrics.ts";
import { axeFindings } from "../support/axe.ts";
import { launchChromium } from "../support/browser.ts";
import { openSampleDatabase } from "../support/sample-db.ts";

const base = inject("baseUrl");
let db: DatabaseSync;
let browser: Browser;

beforeAll(async () => {
  db = openSampleDatabase();
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
  db?.close();
});

// Three levels: a county (藤县), a township of another county (岭脚镇, 苍梧县) and a village
// of Shanxi that last reported in 2026-08 (唐王岭村, 长治市上党区), so that the period
// shown by default is the latest all three have, not the data set's latest.
const COUNTY = "450422";
const TOWNSHIP = "450421105";
const VILLAGE = "140404102230";
const THREE = [COUNTY, TOWNSHIP, VILLAGE];
const HEADLINE = [
  "villages",
  "reporting",
  "income_total",
  "earned_income",
  "income_median",
  "share_ge_10w",
  "share_ge_30w",
  "weak_villages",
  "yoy_growth",
];

// ---- Independent figures: straight SQL over the current returns of village committees.

interface Return {
  village_code: string;
  total: number;
  subsidy: number;
}

const UNDER = "substr(i.village_code, 1, length(?1)) = ?1";

function returnsOf(code: string, period: string): Return[] {
  return db
    .prepare(
      `SELECT i.village_code, i.total, i.subsidy FROM income_returns i
       JOIN regions r ON r.code = i.village_code
       WHERE r.kind = 'village_committee' AND ${UNDER} AND i.period = ?2
         AND i.superseded_at IS NULL`,
    )
    .all(code, period) as unknown as Return[];
}

function villagesUnder(code: string): number {
  const row = db
    .prepare(
      `SELECT count(*) AS n FROM regions
       WHERE kind = 'village_committee' AND substr(code, 1, length(?1)) = ?1`,
    )
    .get(code) as { n: number };
  return row.n;
}

function periodsWithReturns(code: string): Set<string> {
  const rows = db
    .prepare(
      `SELECT DISTINCT i.period FROM income_returns i JOIN regions r ON r.code = i.village_code
       WHERE r.kind = 'village_committee' AND ${UNDER} AND i.superseded_at IS NULL`,
    )
    .all(code) as { period: string }[];
  return new Set(rows.map((r) => r.period));
}

const yearBefore = (period: string) => `${Number(period.slice(0, 4)) - 1}${period.slice(4)}`;

function medianOf(values: number[]): number {
  const s = [...values].sort((a, b) => a - b);
  const mid = s.length >> 1;
  return s.length % 2 ? (s[mid] as number) : ((s[mid - 1] as number) + (s[mid] as number)) / 2;
}

/** A region's indicators for a period, from the returns. */
function expectedFigures(code: string, period: string) {
  const now = returnsOf(code, period);
  const before = new Map(returnsOf(code, yearBefore(period)).map((r) => [r.village_code, r]));
  const totals = now.map((r) => r.total);
  const total = totals.reduce((a, b) => a + b, 0);
  const subsidy = now.reduce((a, r) => a + r.subsidy, 0);
  const matched = now.filter((r) => before.has(r.village_code));
  const current = matched.reduce((a, r) => a + r.total, 0);
  const previous = matched.reduce((a, r) => a + (before.get(r.village_code)?.total ?? 0), 0);
  return {
    villages: villagesUnder(code),
    reporting: now.length,
    total,
    subsidy,
    median: medianOf(totals),
    ge10: totals.filter((t) => t >= 100_000).length,
    ge30: totals.filter((t) => t >= 300_000).length,
    weak: totals.filter((t) => t < 50_000).length,
    current,
    previous,
  };
}

/** The latest period in which every region has a return (the page's default). */
function latestCommon(codes: string[]): string {
  const sets = codes.map(periodsWithReturns);
  const all = [...(sets[0] as Set<string>)].filter((p) => sets.every((s) => s.has(p)));
  return all.sort().at(-1) as string;
}

/** Year-to-date income at the month of `period` in each year: [period, totals per region]. */
function expectedIncomeRows(codes: string[], period: string): [string, (number | null)[]][] {
  const years = db
    .prepare("SELECT DISTINCT period FROM income_returns WHERE substr(period, 6) = ?1 ORDER BY 1")
    .all(period.slice(5)) as { period: string }[];
  return years
    .map((y) => y.period)
    .filter((p) => p <= period)
    .map((p) => [
      p,
      codes.map((code) => {
        const rows = returnsOf(code, p);
        return rows.length ? rows.reduce((a, r) => a + r.total, 0) : null;
      }),
    ]);
}

// ---- Reading the page.

async function get(path: string) {
  const response = await fetch(`${base}${path}`);
  return { status: response.status, headers: response.headers, html: await response.text() };
}

const decode = (s: string) => s.replaceAll("&amp;", "&");

/** The href of the first <a> carrying `attribute` (e.g. data-add="450422"). */
function linkWith(html: string, attribute: string): string | null {
  const tag = new RegExp(`<a [^>]*${attribute}[^>]*>`).exec(html)?.[0];
  const href = tag && /href="([^"]*)"/.exec(tag)?.[1];
  return href ? decode(href) : null;
}

/** The codes of the regions compared, in order (the list's items). */
function comparedCodes(html: string): string[] {
  const list = /<ol class="compared"[^>]*>([\s\S]*?)<\/ol>/.exec(html)?.[1] ?? "";
  return [...list.matchAll(/<li data-code="(\d+)"/g)].map((m) => m[1] as string);
}

interface Cell {
  code: string;
  kind: string;
  raw: string;
  numerator: string | null;
  denominator: string | null;
  value: string;
  details: string[];
}

async function headlineTable(page: Page) {
  return page.locator("table[data-compare-table] tbody tr").evaluateAll((trs) =>
    trs.map((tr) => ({
      indicator: tr.getAttribute("data-indicator") ?? "",
      cells: [...tr.querySelectorAll("td")].map((td) => ({
        code: td.getAttribute("data-code") ?? "",
        kind: td.getAttribute("data-kind") ?? "",
        raw: td.getAttribute("data-value") ?? "",
        numerator: td.getAttribute("data-numerator"),
        denominator: td.getAttribute("data-denominator"),
        value: td.querySelector(".value")?.textContent?.trim() ?? "",
        details: [...td.querySelectorAll(".detail")].map((d) => d.textContent?.trim() ?? ""),
      })),
    })),
  );
}

describe("/compare: the headline table", () => {
  it("shows each region's figures, numerators and denominators as the returns give them", async () => {
    const period = latestCommon(THREE);
    expect(period).toBe("2026-08"); // the village's last return, before the data's 2026-10
    const page = await browser.newPage();
    const response = await page.goto(`${base}/compare?codes=${THREE.join(",")}`);
    expect(response?.status()).toBe(200);
    await expect(
      page.locator("table[data-compare-table]").getAttribute("data-period"),
    ).resolves.toBe(period);
    const rows = await headlineTable(page);
    const cell = (indicator: string, code: string) =>
      rows.find((r) => r.indicator === indicator)?.cells.find((c) => c.code === code) as Cell;
    // The region page's headline cards, in its order (others it may add come along).
    expect(rows.map((r) => r.indicator).filter((k) => HEADLINE.includes(k))).toEqual(HEADLINE);
    for (const code of THREE) {
      const e = expectedFigures(code, period);
      const growth = e.previous ? e.current / e.previous - 1 : null;
      // Every region: total, earned income (with the subsidies' share) and matched growth.
      expect(cell("income_total", code).value, code).toBe(formatMoney(e.total));
      expect(Number(cell("income_total", code).raw), code).toBe(e.total);
      expect(cell("earned_income", code).value, code).toBe(formatMoney(e.total - e.subsidy));
      expect(cell("earned_income", code).details.join(" "), code).toContain(
        formatPercent(e.subsidy / e.total),
      );
      const g = cell("yoy_growth", code);
      expect(g.value, code).toBe(formatGrowth(growth));
      expect([Number(g.numerator), Number(g.denominator)], code).toEqual([e.current, e.previous]);
      expect(g.details.join(" "), code).toContain(
        `${formatMoney(e.current)} / 上年同期 ${formatMoney(e.previous)}`,
      );
      if (code === VILLAGE) {
        for (const indicator of ["villages", "reporting", "income_median", "share_ge_10w"]) {
          expect(cell(indicator, code).kind, indicator).toBe("village");
        }
        continue;
      }
      // Areas: the distribution over their village committees.
      expect(cell("villages", code).value, code).toBe(formatCount(e.villages));
      const reporting = cell("reporting", code);
      expect(reporting.value, code).toBe(formatCount(e.reporting));
      expect([Number(reporting.numerator), Number(reporting.denominator)]).toEqual([
        e.reporting,
        e.villages,
      ]);
      expect(reporting.details.join(" "), code).toContain(
        `${formatPercent(e.reporting / e.villages)} (${formatFraction(e.reporting, e.villages)})`,
      );
      expect(cell("income_median", code).value, code).toBe(formatMoney(e.median));
      expect(cell("income_median", code).details.join(" "), code).toContain(
        formatMoney(e.total / e.reporting),
      );
      for (const [indicator, n] of [
        ["share_ge_10w", e.ge10],
        ["share_ge_30w", e.ge30],
      ] as const) {
        const share = cell(indicator, code);
        expect(share.value, `${code} ${indicator}`).toBe(formatPercent(n / e.reporting));
        expect([Number(share.numerator), Number(share.denominator)]).toEqual([n, e.reporting]);
        expect(share.details.join(" ")).toContain(formatFraction(n, e.reporting));
      }
      const weak = cell("weak_villages", code);
      expect(weak.value, code).toBe(`${formatCount(e.weak)} 个`);
      expect([Number(weak.numerator), Number(weak.denominator)]).toEqual([e.weak, e.reporting]);
    }
    await page.close();
  });

  it("shows the figures of the summary API, region by region", async () => {
    const { html } = await get(`/compare?codes=${THREE.join(",")}&period=2025-12`);
    for (const code of THREE) {
      const summary = (await (
        await fetch(`${base}/api/v1/regions/${code}/summary?period=2025-12`)
      ).json()) as { indicators: Record<string, { value: number | null }> };
      const total = new RegExp(
        `data-indicator="income_total"[\\s\\S]*?<td data-code="${code}"[^>]*data-value="([^"]*)"`,
      ).exec(html)?.[1];
      expect(Number(total), code).toBe(summary.indicators.income_total?.value);
    }
  });
});

describe("/compare: income over the years", () => {
  const period = "2026-08";
  const expected = () => expectedIncomeRows(THREE, period);

  it("draws one line per region from the table that is in the HTML", async () => {
    const { html } = await get(`/compare?codes=${THREE.join(",")}`);
    const spec = JSON.parse(
      /<script type="application\/json" data-chart-spec[^>]*>([\s\S]*?)<\/script>/.exec(
        html,
      )?.[1] ?? "{}",
    ) as { labels: string[]; datasets: { label: string; data: (number | null)[] }[] };
    const rows = expected();
    expect(rows.length).toBe(6); // 2021-08 … 2026-08
    expect(spec.labels).toEqual(rows.map(([p]) => formatYearToDate(p)));
    expect(spec.datasets.map((d) => d.label.split(" ").at(-1))).toEqual(THREE);
    THREE.forEach((_, i) => {
      expect(spec.datasets[i]?.data).toEqual(rows.map(([, values]) => values[i]));
    });
    // The table behind it, formatted, always in the page.
    const table = /id="chart-income-table"[\s\S]*?<tbody[^>]*>([\s\S]*?)<\/tbody>/.exec(html)?.[1];
    const shown = [...(table ?? "").matchAll(/<tr[^>]*>([\s\S]*?)<\/tr>/g)].map((tr) =>
      [...(tr[1] as string).matchAll(/<t[hd][^>]*>([^<]*)<\/t[hd]>/g)].map((m) => m[1]),
    );
    expect(shown).toEqual(
      rows.map(([p, values]) => [formatYearToDate(p), ...values.map((v) => formatMoneyCell(v))]),
    );
  });

  it("offers the table as XLSX, read back with exceljs: the same figures, money as 万元", async () => {
    const { html } = await get(`/compare?codes=${THREE.join(",")}`);
    const href = linkWith(html, 'data-download="xlsx"');
    expect(href).toBe(
      `/api/v1/compare/income.xlsx?codes=${THREE.join(",")}&period=${period}&lang=zh`,
    );
    const response = await fetch(`${base}${href}`);
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toContain("spreadsheetml");
    const { default: ExcelJS } = await import("exceljs");
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(await response.arrayBuffer());
    const sheet = book.worksheets[0];
    const body: unknown[][] = [];
    const width = THREE.length + 1;
    sheet?.eachRow((row, n) => {
      // Every column, an empty cell as null (exceljs leaves trailing empty ones out).
      if (n > 1)
        body.push(Array.from({ length: width }, (_, i) => row.getCell(i + 1).value ?? null));
    });
    expect(body).toEqual(
      expected().map(([p, values]) => [formatYearToDate(p), ...values.map((v) => v ?? null)]),
    );
    expect(sheet?.getRow(2).getCell(2).numFmt).toContain("万元");
    // The About sheet names the regions compared.
    const about = book.worksheets[1];
    const text = JSON.stringify(about?.getSheetValues());
    for (const code of THREE) expect(text).toContain(code);
  });

  it("offers the table as CSV with the same figures in whole yuan", async () => {
    const { html } = await get(`/compare?codes=${THREE.join(",")}`);
    const href = linkWith(html, 'data-download="csv"');
    expect(href).toBe(
      `/api/v1/compare/income.csv?codes=${THREE.join(",")}&period=${period}&lang=zh&bom=1`,
    );
    const response = await fetch(`${base}${href}`);
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toMatch(/^text\/csv/);
    expect(response.headers.get("content-disposition")).toContain(`compare-income-${period}.csv`);
    const bytes = new Uint8Array(await response.arrayBuffer());
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const lines = new TextDecoder()
      .decode(bytes)
      .replace(/^\uFEFF/, "")
      .trimEnd()
      .split("\r\n");
    expect(lines[0]).toBe(
      [
        "统计期",
        "藤县 450422 (yuan)",
        "岭脚镇 450421105 (yuan)",
        "唐王岭村委会 140404102230 (yuan)",
      ].join(","),
    );
    expect(lines.slice(1)).toEqual(
      expected().map(([p, values]) =>
        [formatYearToDate(p), ...values.map((v) => v ?? "")].join(","),
      ),
    );
    const json = (await (await fetch(`${base}${href?.replace(".csv", ".json")}`)).json()) as {
      periods: string[];
      rows: unknown[][];
    };
    expect(json.periods).toEqual(expected().map(([p]) => p));
    expect(json.rows.map((r) => r.slice(1))).toEqual(expected().map(([, v]) => v));
  });

  it("refuses a wrong list as the page does: 400, 404, never a 500", async () => {
    const api = "/api/v1/compare/income.csv?codes=";
    expect((await fetch(`${base}${api}45,4504,450422,450421,140423,1404,3705`)).status).toBe(400);
    expect((await fetch(`${base}${api}450422,abc`)).status).toBe(400);
    expect((await fetch(`${base}/api/v1/compare/income.csv`)).status).toBe(400);
    const unknown = await fetch(`${base}${api}450422,999999`);
    expect(unknown.status).toBe(404);
    expect(((await unknown.json()) as { detail_zh: string }).detail_zh).toContain("999999");
    expect((await fetch(`${base}${api}450422&period=2019-01`)).status).toBe(404);
    expect((await fetch(`${base}${api}450422&period=2019-13`)).status).toBe(400);
  });

  it("is drawn in Chromium with no Content-Security-Policy violation", async () => {
    const page = await browser.newPage();
    const reported: string[] = [];
    page.on("console", (m) => {
      if (/Content Security Policy/i.test(m.text())) reported.push(m.text());
    });
    await page.addInitScript(() => {
      document.addEventListener("securitypolicyviolation", (e) => {
        const w = window as unknown as { cspSeen: string[] };
        (w.cspSeen ??= []).push(`${e.violatedDirective} ${e.blockedURI}`);
      });
    });
    await page.goto(`${base}/compare?codes=${THREE.join(",")}`);
    await page.locator("#chart-income").scrollIntoViewIfNeeded();
    await page.waitForSelector("#chart-income[data-drawn='true']");
    const painted = await page
      .locator("#chart-income canvas")
      .evaluate((canvas: HTMLCanvasElement) => {
        const { data } = canvas.getContext("2d")!.getImageData(0, 0, canvas.width, canvas.height);
        let inked = 0;
        for (let p = 3; p < data.length; p += 4) if ((data[p] ?? 0) > 0) inked++;
        return inked;
      });
    expect(painted).toBeGreaterThan(1000);
    const seen = await page.evaluate(
      () => (window as unknown as { cspSeen?: string[] }).cspSeen ?? [],
    );
    expect([...seen, ...reported]).toEqual([]);
    await page.close();
  });
});

describe("/compare without JavaScript", () => {
  /** The address a plain GET form submits: its action, hidden inputs, and `q`. */
  function searchAddress(html: string, q: string): string {
    const form = /<form class="compare-search"[\s\S]*?<\/form>/.exec(html)?.[0] ?? "";
    const action = /action="([^"]*)"/.exec(form)?.[1] ?? "";
    const params = new URLSearchParams();
    for (const [, name, value] of form.matchAll(
      /<input type="hidden" name="(\w+)" value="([^"]*)"/g,
    )) {
      params.append(name as string, decode(value as string));
    }
    params.append("q", q);
    return `${action}?${params}`;
  }

  it("searches, adds and removes regions as plain links and forms", async () => {
    const empty = await get("/compare");
    expect(empty.status).toBe(200);
    expect(empty.html).toContain("data-empty");
    expect(comparedCodes(empty.html)).toEqual([]);

    // Search 藤县 with an empty list; add it.
    const first = await get(searchAddress(empty.html, "藤县"));
    expect(first.status).toBe(200);
    const addCounty = linkWith(first.html, `data-add="${COUNTY}"`);
    expect(addCounty).toBe(`/compare?codes=${COUNTY}`);
    const one = await get(addCounty as string);
    expect(comparedCodes(one.html)).toEqual([COUNTY]);

    // Search 平安村 with the list kept by the form: each result shows where it is.
    const found = await get(searchAddress(one.html, "平安村"));
    expect(found.status).toBe(200);
    const item = new RegExp(`<li data-code="140423103263"[\\s\\S]*?</li>`).exec(found.html)?.[0];
    const parents = db
      .prepare(
        "SELECT name FROM regions WHERE code IN ('14', '1404', '140423', '140423103') ORDER BY code",
      )
      .all() as { name: string }[];
    expect(item).toContain(parents.map((p) => p.name).join(" › "));
    expect(linkWith(found.html, `data-add="${COUNTY}"`)).toBeNull(); // in the list already
    const addVillage = linkWith(found.html, 'data-add="140423103263"');
    expect(addVillage).toBe(`/compare?codes=${COUNTY},140423103263`);
    const two = await get(addVillage as string);
    expect(two.status).toBe(200);
    expect(comparedCodes(two.html)).toEqual([COUNTY, "140423103263"]);

    // Remove the county.
    const remove = linkWith(two.html, `data-remove="${COUNTY}"`);
    expect(remove).toBe("/compare?codes=140423103263");
    const after = await get(remove as string);
    expect(comparedCodes(after.html)).toEqual(["140423103263"]);

    // The period select keeps the list.
    expect(after.html).toMatch(
      /<form class="period-form"[^>]*>\s*<input type="hidden" name="codes" value="140423103263"/,
    );
  });

  it("adds from a region page, to the list the reader came with", async () => {
    const county = await get(`/r/${COUNTY}`);
    expect(linkWith(county.html, "data-compare-add")).toBe(`/compare?codes=${COUNTY}`);
    // The comparison's own links carry the list to the region page.
    const compared = await get(`/compare?codes=${COUNTY}`);
    expect(linkWith(compared.html, 'class="name"')).toBe(`/r/${COUNTY}?compare=${COUNTY}`);
    const township = await get(`/r/${TOWNSHIP}?compare=${COUNTY}`);
    expect(linkWith(township.html, "data-compare-add")).toBe(
      `/compare?codes=${COUNTY},${TOWNSHIP}`,
    );
    const english = await get(`/en/r/${TOWNSHIP}`);
    expect(linkWith(english.html, "data-compare-add")).toBe(`/en/compare?codes=${TOWNSHIP}`);
  });

  it("works as forms and links in Chromium with JavaScript off", async () => {
    const context = await browser.newContext({ javaScriptEnabled: false });
    const page = await context.newPage();
    await page.goto(`${base}/compare?codes=${COUNTY}`);
    await page.fill("#compare-q", "岭脚");
    await page.locator("form.compare-search button[type=submit]").click();
    await page.locator(`a[data-add="${TOWNSHIP}"]`).click();
    await page.waitForURL((url) => url.search === `?codes=${COUNTY},${TOWNSHIP}`);
    await expect(page.locator("#chart-income-table tbody tr").count()).resolves.toBeGreaterThan(4);
    await page.locator(`a[data-remove="${COUNTY}"]`).click();
    await page.waitForURL((url) => url.search === `?codes=${TOWNSHIP}`);
    await expect(page.locator("ol[data-compared] li").count()).resolves.toBe(1);
    await context.close();
  });
});

describe("/compare: lists it cannot show", () => {
  it("more than six: 400, says so and offers the first six", async () => {
    const seven = ["45", "4504", "450422", "450421", "140423", "1404", "3705"];
    const { status, html } = await get(`/compare?codes=${seven.join(",")}`);
    expect(status).toBe(400);
    expect(html).toContain("最多只能同时比较6个地区，这里有7个");
    expect(html).toContain(`href="/compare?codes=${seven.slice(0, 6).join(",")}"`);
    expect(html).toContain(`href="/compare?codes=${seven.slice(1).join(",")}"`);
    const en = await get(`/en/compare?codes=${seven.join(",")}`);
    expect(en.status).toBe(400);
    expect(en.html).toContain("At most 6 places can be compared at once; this list has 7.");
  });

  it("a code given twice counts once", async () => {
    const { status, html } = await get(`/compare?codes=${COUNTY},140423,${COUNTY}`);
    expect(status).toBe(200);
    expect(comparedCodes(html)).toEqual([COUNTY, "140423"]);
    expect(html).toContain(`重复的区划代码 ${COUNTY} 只比较一次。`);
  });

  it("what is not a code: 400, naming it", async () => {
    const { status, html } = await get(`/compare?codes=${COUNTY},abc,12345`);
    expect(status).toBe(400);
    expect(html).toContain("“abc、12345”不是有效的统计用区划代码");
    expect(html).toContain(`href="/compare?codes=${COUNTY}"`);
  });

  it("a code no region has: 404, naming it", async () => {
    const { status, html } = await get(`/compare?codes=${COUNTY},999999`);
    expect(status).toBe(404);
    expect(html).toContain("没有区划代码为 999999 的地区。");
    expect(html).toContain(`href="/compare?codes=${COUNTY}"`);
    const en = await get(`/en/compare?codes=${COUNTY},999999`);
    expect(en.status).toBe(404);
    expect(en.html).toContain("No region has the code 999999.");
  });

  it("a period written wrongly, or without data: 400 and 404", async () => {
    expect((await get(`/compare?codes=${COUNTY}&period=2026-13`)).status).toBe(400);
    const none = await get(`/compare?codes=${COUNTY}&period=2019-01`);
    expect(none.status).toBe(404);
    expect(none.html).toContain("有数据的期间：2021年1月至2026年10月");
  });
});

describe("/compare: accessible in every state", () => {
  it.each([
    ["empty", "/compare"],
    ["a search with results", `/en/compare?codes=${COUNTY}&q=平安村`],
    ["a list it cannot show", "/compare?codes=45,4504,450422,450421,140423,1404,3705,abc"],
    ["an unknown code", `/compare?codes=${COUNTY},999999`],
  ])("axe finds no WCAG 2.2 AA violation: %s", async (_, path) => {
    const page = await browser.newPage({ viewport: { width: 390, height: 844 } });
    await page.goto(`${base}${path}`, { waitUntil: "load" });
    expect(await axeFindings(page)).toEqual([]);
    await page.close();
  });
});

describe("/en/compare", () => {
  it("shows the same figures in English, with the site's navigation to it", async () => {
    const path = `compare?codes=${THREE.join(",")}`;
    const [zh, en] = await Promise.all([get(`/${path}`), get(`/en/${path}`)]);
    expect(en.status).toBe(200);
    expect(en.html).toContain('<html lang="en"');
    expect(en.html).toMatch(/<h1[^>]*>Compare places<\/h1>/);
    expect(en.html).toContain("Headline figures · Jan–Aug 2026");
    expect(en.html).toContain('href="/en/compare"');
    expect(en.html).toMatch(
      /href="\/compare\?codes=450422,450421105,140404102230"[^>]*hreflang="zh-CN"/,
    );
    const values = (html: string) =>
      [...html.matchAll(/<td data-code="(\d+)" data-kind="(\w+)" data-value(?:="([^"]*)")?/g)].map(
        (m) => m.slice(1).join(" "),
      );
    const rows = [...zh.html.matchAll(/<tr data-indicator=/g)].length;
    expect(rows).toBeGreaterThanOrEqual(HEADLINE.length);
    expect(values(en.html).length).toBe(rows * THREE.length);
    expect(values(en.html)).toEqual(values(zh.html));
    expect(en.html).not.toContain("主要指标");
    expect(en.html).toContain("not for a single village");
  });
});

describe("/compare: what a page costs", () => {
  it("reads six regions in one query, and a search beside them in at most two round trips", async () => {
    const six = `450422,${TOWNSHIP},${VILLAGE},45,1404,140423103263`;
    const seen: { queries: number; roundTrips: number }[] = [];
    for (const path of [`/compare?codes=${six}`, `/compare?codes=${six}&q=lizhai`, "/compare"]) {
      for (let round = 0; round < 2; round++) {
        const response = await fetch(
          `${base}${path}${path.includes("?") ? "&" : "?"}uncached=${Math.random()}`,
        );
        await response.arrayBuffer();
        expect(response.status).toBe(200);
        const t = parseServerTiming(response.headers.get("Server-Timing"));
        expect(t.cache).toBe("miss");
        seen.push(t);
      }
    }
    // At most once per 5 s per isolate, a request also reads the data version (one more).
    expect(seen.every((t) => t.roundTrips <= 3 && t.queries <= 6)).toBe(true);
    expect(seen.filter((t) => t.roundTrips <= 2).length).toBeGreaterThanOrEqual(seen.length - 1);
    expect(seen[0]?.queries).toBeLessThanOrEqual(2);
  });
});
