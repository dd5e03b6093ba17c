/**
 * Sharing and embedding a chart: the embed pages (/embed/{code}/{chart}, /en/embed/…) show
 * the region page's chart table (checked cell by cell against the region page, and the
 * income figures against straight SQL over the sample's returns), the only pages another
 * site may frame (headers, the edge cache's copies and 304s; in Chromium, a page of
 * another origin frames the embed and its chart draws, while the region page is refused);
 * and the region page's download tab gives the pinned link, the embed code at the
 * canonical origin, the SVG and a PNG made in the browser.
 */
import { createServer, request, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import type { DatabaseSync } from "node:sqlite";
import { gunzipSync } from "node:zlib";
import type { Browser, BrowserContext, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { formatMoneyCell } from "../../src/lib/format.ts";
import { parseServerTiming } from "../../src/lib/request-metrics.ts";
import { launchChromium } from "../support/browser.ts";
import { openSampleDatabase } from "../support/sample-db.ts";

const base = inject("baseUrl");
const COUNTY = "450422";
const CHARTS = ["income", "bands", "sources", "coverage"] as const;
let db: DatabaseSync;
let browser: Browser;
/** A second web server, another origin: it serves pages that frame ours. */
let host: Server;
let hostBase: string;
let hostPage = "";
/** The sample's latest period (the embed's and the region page's default). */
let latest: string;

beforeAll(async () => {
  db = openSampleDatabase();
  browser = await launchChromium();
  host = createServer((_, res) => {
    res.setHeader("Content-Type", "text/html; charset=utf-8");
    res.end(hostPage);
  });
  await new Promise<void>((resolve) => host.listen(0, "127.0.0.1", resolve));
  // "localhost" and another port: another origin than the site's 127.0.0.1.
  hostBase = `http://localhost:${(host.address() as AddressInfo).port}`;
  latest = (
    db.prepare("SELECT value FROM dataset_meta WHERE key = 'latest_period'").get() as {
      value: string;
    }
  ).value;
});
afterAll(async () => {
  await browser?.close();
  await new Promise((resolve) => host?.close(resolve));
  db?.close();
});

/** A page's HTML as the server sends it, read in Chromium with JavaScript off. */
async function withoutJs<T>(path: string, read: (page: Page) => Promise<T>): Promise<T> {
  const context = await browser.newContext({ javaScriptEnabled: false });
  const page = await context.newPage();
  try {
    const response = await page.goto(`${base}${path}`);
    expect(response?.status(), path).toBe(200);
    return await read(page);
  } finally {
    await context.close();
  }
}

/** A table's cells as text, the header row first. */
function cells(page: Page, selector: string): Promise<string[][]> {
  return page
    .locator(selector)
    .evaluate((table) =>
      [...table.querySelectorAll("tr")].map((tr) =>
        [...tr.querySelectorAll("th, td")].map((c) => (c.textContent ?? "").trim()),
      ),
    );
}

describe("the embed page", () => {
  it("shows each chart's table exactly as the region page does, in both languages", async () => {
    for (const lang of ["zh", "en"] as const) {
      const prefix = lang === "en" ? "/en" : "";
      for (const query of ["", "?period=2025-12"]) {
        const region = await withoutJs(`${prefix}/r/${COUNTY}${query}`, async (page) =>
          Promise.all(CHARTS.map((c) => cells(page, `#chart-${c}-table table`))),
        );
        for (const [i, chart] of CHARTS.entries()) {
          const path = `${prefix}/embed/${COUNTY}/${chart}${query}`;
          const embedded = await withoutJs(path, async (page) => {
            // Without JavaScript the table is open and the chart is not drawn.
            expect(await page.locator("details[data-embed-table]").getAttribute("open")).toBe("");
            expect(await page.locator("html").getAttribute("lang")).toBe(
              lang === "en" ? "en" : "zh-CN",
            );
            return cells(page, "[data-embed-table] table");
          });
          expect(embedded.length, path).toBeGreaterThan(2);
          expect(embedded, path).toEqual(region[i]);
        }
      }
    }
  });

  it("gives the county's income as the sum of its villages' current returns (SQL)", async () => {
    const table = await withoutJs(`/embed/${COUNTY}/income`, (page) =>
      cells(page, "[data-embed-table] table"),
    );
    const [header, ...rows] = table as [string[], ...string[][]];
    const years = header.slice(1).map((h) => /^(\d{4})年/.exec(h)?.[1] as string);
    expect(years.at(-1)).toBe(latest.slice(0, 4));
    const sums = new Map(
      (
        db
          .prepare(
            `SELECT i.period, sum(i.total) AS total FROM income_returns i
             JOIN regions r ON r.code = i.village_code
             WHERE r.kind = 'village_committee' AND substr(i.village_code, 1, 6) = ?1
               AND i.superseded_at IS NULL
             GROUP BY i.period`,
          )
          .all(COUNTY) as { period: string; total: number }[]
      ).map((r) => [r.period, r.total]),
    );
    let checked = 0;
    rows.forEach((row, m) => {
      years.forEach((year, y) => {
        const period = `${year}-${String(m + 1).padStart(2, "0")}`;
        const sum = period <= latest ? sums.get(period) : undefined;
        expect(row[y + 1], period).toBe(formatMoneyCell(sum ?? null));
        if (sum !== undefined) checked++;
      });
    });
    expect(checked).toBeGreaterThan(40);
  });

  it("says where the figures come from, when, under what licence, and links to the region page", async () => {
    const page = await (await fetch(`${base}/en/embed/${COUNTY}/sources`)).text();
    expect(page).toContain("Source: <a");
    expect(page).toContain('href="https://creativecommons.org/licenses/by/4.0/"');
    expect(page).toMatch(/Period: \w{3} \d{4}; data updated \d{1,2} \w{3} \d{4}/);
    expect(page).toContain(`href="/en/r/${COUNTY}?period=${latest}#chart-sources" target="_blank"`);
    expect(page).toContain("Sample data");
    // No site header, navigation or footer.
    expect(page).not.toMatch(/class="site-(?:header|nav|footer)"/);
  });

  it("answers an unknown region, chart or period with a 404 or 400 page in the reader's language", async () => {
    for (const [path, status, text] of [
      ["/embed/999999/income", 404, "999999"],
      ["/en/embed/999999/income", 404, "999999"],
      ["/embed/450422/pie", 404, "没有名为“pie”的图"],
      ["/en/embed/450422/pie", 404, "There is no chart called “pie”"],
      ["/embed/12x/income", 400, "不是有效的统计用区划代码"],
      ["/embed/450422/income?period=2026-13", 400, "统计期“2026-13”的格式不对"],
      ["/en/embed/450422/income?period=2026-13", 400, "is not a month written YYYY-MM"],
      ["/embed/450422/income?period=2031-01", 404, "没有 2031-01 的数据"],
      ["/embed/450422104211/bands", 404, "村级页面没有收入分档图"],
    ] as const) {
      const response = await fetch(`${base}${path}`);
      expect(response.status, path).toBe(status);
      const html = await response.text();
      expect(html, path).toContain(text);
      expect(html, path).toContain(
        path.startsWith("/en") ? "This chart cannot be shown" : "无法显示这张图",
      );
      // An error inside another site's frame is shown, not refused.
      expect(response.headers.get("x-frame-options"), path).toBeNull();
    }
  });

  it("costs at most 2 D1 queries in 2 round trips", async () => {
    for (const path of [`/embed/${COUNTY}/income`, "/en/embed/450422104211/sources"]) {
      const response = await fetch(`${base}${path}?uncached=${Math.random()}`);
      await response.arrayBuffer();
      const t = parseServerTiming(response.headers.get("Server-Timing"));
      expect([response.status, t.cache], path).toEqual([200, "miss"]);
      expect(t.queries, path).toBeLessThanOrEqual(2);
      expect(t.roundTrips, path).toBeLessThanOrEqual(2);
    }
  });
});

/** The directives of a CSP header, by name. */
function directives(csp: string | null): Map<string, string> {
  return new Map(
    (csp ?? "")
      .split(";")
      .map((part) => part.trim().split(/\s+/))
      .map(([name, ...values]) => [name as string, values.join(" ")]),
  );
}

describe("who may frame what", () => {
  it("lets any site frame the embed pages and no other page, the rest of the policy the same", async () => {
    const region = await fetch(`${base}/r/${COUNTY}`);
    await region.arrayBuffer();
    const regionCsp = directives(region.headers.get("content-security-policy"));
    expect(regionCsp.get("frame-ancestors")).toBe("'none'");
    expect(region.headers.get("x-frame-options")).toBe("DENY");
    for (const path of [`/embed/${COUNTY}/income`, `/en/embed/${COUNTY}/bands?period=2025-12`]) {
      const response = await fetch(`${base}${path}`);
      await response.arrayBuffer();
      const csp = directives(response.headers.get("content-security-policy"));
      expect(csp.get("frame-ancestors"), path).toBe("*");
      expect(response.headers.get("x-frame-options"), path).toBeNull();
      // Every other directive as on the region page.
      const others = (m: Map<string, string>) =>
        [...m].filter(([name]) => name !== "frame-ancestors").sort();
      expect(others(csp), path).toEqual(others(regionCsp));
      for (const name of ["strict-transport-security", "x-content-type-options", "referrer-policy"])
        expect(response.headers.get(name), `${path} ${name}`).toBe(region.headers.get(name));
    }
  });

  it("keeps the embed's headers in the edge cache's copy and its 304, and the region page's in theirs", async () => {
    for (const [path, ancestors, xfo] of [
      [`/embed/${COUNTY}/coverage`, "*", null],
      [`/r/${COUNTY}?period=2026-01`, "'none'", "DENY"],
    ] as const) {
      const first = await fetch(`${base}${path}`);
      await first.arrayBuffer();
      const kept = await fetch(`${base}${path}`);
      await kept.arrayBuffer();
      expect(parseServerTiming(kept.headers.get("Server-Timing")).cache, path).toBe("hit");
      const revalidated = await fetch(`${base}${path}`, {
        headers: { "If-None-Match": first.headers.get("ETag") ?? "" },
      });
      expect(revalidated.status, path).toBe(304);
      for (const response of [first, kept, revalidated]) {
        const csp = directives(response.headers.get("content-security-policy"));
        expect(csp.get("frame-ancestors"), `${path} ${response.status}`).toBe(ancestors);
        expect(response.headers.get("x-frame-options"), `${path} ${response.status}`).toBe(xfo);
      }
    }
  });
});

/** A browser context that records CSP violations in every frame (window.cspSeen). */
async function watchedContext(options: Parameters<Browser["newContext"]>[0] = {}) {
  const context = await browser.newContext(options);
  await context.addInitScript(() => {
    const w = window as unknown as { cspSeen: string[] };
    w.cspSeen = [];
    document.addEventListener("securitypolicyviolation", (e) =>
      w.cspSeen.push(`${e.violatedDirective} ${e.blockedURI}`),
    );
  });
  return context;
}

describe("in Chromium", () => {
  let context: BrowserContext;
  afterAll(async () => {
    await context?.close();
  });

  it("a page of another origin frames the embed, whose chart draws, and is refused the region page", async () => {
    context = await watchedContext({ viewport: { width: 900, height: 1400 } });
    const page = await context.newPage();
    const refused: string[] = [];
    page.on("console", (m) => {
      if (/frame-ancestors/.test(m.text())) refused.push(m.text());
    });
    const embed = `${base}/embed/${COUNTY}/income?period=${latest}`;
    hostPage = `<!doctype html><html lang="en"><title>Another site</title>
      <h1>Another site</h1>
      <iframe src="${embed}" title="embed" width="100%" height="520"></iframe>
      <iframe src="${base}/r/${COUNTY}" title="region" width="100%" height="300"></iframe>`;
    await page.goto(`${hostBase}/`, { waitUntil: "load" });
    expect(new URL(page.url()).origin).not.toBe(new URL(base).origin);

    const frame = page.frames().find((f) => f.url() === embed);
    expect(frame, "the embed's frame").toBeDefined();
    await frame!.waitForSelector("[data-chart][data-drawn='true']");
    const inked = await frame!.locator("canvas").evaluate((canvas: HTMLCanvasElement) => {
      const data = canvas.getContext("2d")?.getImageData(0, 0, canvas.width, canvas.height).data;
      let n = 0;
      for (let p = 3; p < (data?.length ?? 0); p += 4) if ((data?.[p] ?? 0) > 0) n++;
      return n;
    });
    expect(inked).toBeGreaterThan(1000);
    // With JavaScript the table is folded away under the chart, still in the page.
    expect(await frame!.locator("details[data-embed-table]").getAttribute("open")).toBeNull();
    expect(
      await frame!.evaluate(() => (window as unknown as { cspSeen: string[] }).cspSeen),
    ).toEqual([]);

    // The region page never loaded in its frame: Chromium refused it by its policy.
    await expect.poll(() => refused.length).toBeGreaterThan(0);
    expect(refused.join("\n")).toContain("frame-ancestors 'none'");
    expect(page.frames()).toHaveLength(3);
    expect(page.frames().some((f) => f.url().startsWith(`${base}/r/`))).toBe(false);
  });
});

describe("the region page's download tab", () => {
  /** The download tab of the income chart on the county page, as Chromium shows it. */
  async function downloadTab(context: BrowserContext, path = `/r/${COUNTY}`) {
    const page = await context.newPage();
    await page.goto(`${base}${path}`);
    await page.locator("#chart-income-tab-download").click();
    return page;
  }

  it("gives the chart's link with the period pinned and the embed code, both at the canonical origin", async () => {
    const context = await watchedContext();
    const page = await downloadTab(context);
    const panel = page.locator("#chart-income-download");
    const link = `${base}/r/${COUNTY}?period=${latest}#chart-income`;
    expect(await panel.locator("a[data-share-link]").getAttribute("href")).toBe(link);
    expect((await panel.locator("a[data-share-link]").textContent())?.trim()).toBe(link);
    const code = await panel.locator("textarea[data-embed-code]").inputValue();
    expect(await panel.locator("textarea[data-embed-code]").getAttribute("readonly")).toBe("");
    const iframe =
      /^<iframe src="([^"]+)" title="([^"]+)" width="100%" height="(\d+)" loading="lazy"><\/iframe>$/.exec(
        code,
      );
    expect(iframe, code).not.toBeNull();
    expect(iframe?.[1]).toBe(`${base}/embed/${COUNTY}/income?period=${latest}`);
    expect(iframe?.[2]).toBe("藤县：逐月累计收入（按年份）");
    // The embed code's address answers, and the link leads to the chart at that period.
    expect((await fetch(iframe?.[1] as string)).status).toBe(200);
    await page.goto(link);
    expect(await page.locator("#period").inputValue()).toBe(latest);
    expect(await page.locator("#chart-income").count()).toBe(1);
    expect(await page.evaluate(() => (window as unknown as { cspSeen: string[] }).cspSeen)).toEqual(
      [],
    );
    await context.close();
  });

  it("builds the link and embed code from the canonical origin, whatever host was asked", async () => {
    const html = await getWithHost(`/r/${COUNTY}`, "ledger.attacker.example");
    expect(html).toContain(`data-share-link`);
    expect(html).not.toContain("ledger.attacker.example/");
    expect(html).toContain(
      `&lt;iframe src=&quot;${base}/embed/${COUNTY}/income?period=${latest}&quot;`,
    );
  });

  it("copies the link when asked", async () => {
    const context = await watchedContext();
    await context.grantPermissions(["clipboard-read", "clipboard-write"], { origin: base });
    const page = await downloadTab(context);
    const panel = page.locator("#chart-income-download");
    await panel.getByRole("button", { name: "复制链接" }).click();
    await expect.poll(() => panel.locator("[data-share-status]").textContent()).toBe("已复制");
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(
      `${base}/r/${COUNTY}?period=${latest}#chart-income`,
    );
    await context.close();
  });

  it("makes a PNG from the chart's SVG, twice its size, under the site's policy", async () => {
    const context = await watchedContext({ acceptDownloads: true });
    const page = await downloadTab(context);
    const panel = page.locator("#chart-income-download");
    const svgHref = (await panel.locator("a[data-download='svg']").getAttribute("href")) as string;
    expect(svgHref).toBe(`/api/v1/regions/${COUNTY}/charts/income.svg?period=${latest}&lang=zh`);
    const svg = await fetch(`${base}${svgHref}`);
    expect(svg.headers.get("content-type")).toBe("image/svg+xml; charset=utf-8");
    const width = Number(/<svg[^>]* width="(\d+)"/.exec(await svg.text())?.[1]);
    const [download] = await Promise.all([
      page.waitForEvent("download"),
      panel.getByRole("button", { name: "PNG 图片" }).click(),
    ]);
    expect(download.suggestedFilename()).toBe(`${COUNTY}-income-${latest}.png`);
    const stream = await download.createReadStream();
    const chunks: Buffer[] = [];
    for await (const chunk of stream) chunks.push(chunk as Buffer);
    const png = Buffer.concat(chunks);
    expect([...png.subarray(0, 8)]).toEqual([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
    // IHDR: the width, 2× the SVG's.
    expect(png.readUInt32BE(16)).toBe(2 * width);
    expect(await page.evaluate(() => (window as unknown as { cspSeen: string[] }).cspSeen)).toEqual(
      [],
    );
    await context.close();
  });

  it("without JavaScript has no PNG or copy button, and the SVG link still works", async () => {
    await withoutJs(`/r/${COUNTY}`, async (page) => {
      const panel = page.locator("#chart-income-download");
      expect(await panel.locator("button[data-png]").isVisible()).toBe(false);
      expect(await panel.locator("button[data-copy]").first().isVisible()).toBe(false);
      expect(await panel.locator("a[data-download='svg']").isVisible()).toBe(true);
      const href = await panel.locator("a[data-download='svg']").getAttribute("href");
      const response = await fetch(`${base}${href}`);
      expect(response.status).toBe(200);
      expect(await response.text()).toContain("藤县：逐月累计收入（按年份）");
    });
  });
});

/** GET with the Host header another name for the server would send (read as text). */
function getWithHost(path: string, hostName: string): Promise<string> {
  const url = new URL(path, base);
  return new Promise((resolve, reject) => {
    const req = request(
      { hostname: url.hostname, port: url.port, path: url.pathname, headers: { Host: hostName } },
      (res) => {
        const chunks: Buffer[] = [];
        res.on("data", (c: Buffer) => chunks.push(c));
        res.on("end", () => {
          const body = Buffer.concat(chunks);
          const plain = res.headers["content-encoding"] === "gzip" ? gunzipSync(body) : body;
          resolve(plain.toString("utf8"));
        });
      },
    );
    req.on("error", reject);
    req.end();
  });
}
