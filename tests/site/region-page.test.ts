/**
 * The county page 藤县 (/r/450422) in real Chromium: its headline figures equal what the
 * API returns, the chart is drawn, and with JavaScript off the tables are still there.
 */
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { formatCount, formatGrowth, formatMoney, formatPercent } from "../../src/lib/format.ts";
import { launchChromium } from "../support/browser.ts";

const base = inject("baseUrl");
let browser: Browser;
type Figure = { value: number | null; numerator?: number; denominator?: number };
let summary: { period: string; indicators: Record<string, Figure>; bands: { count: number }[] };

beforeAll(async () => {
  browser = await launchChromium();
  summary = await (await fetch(`${base}/api/v1/regions/450422/summary`)).json();
});
afterAll(async () => {
  await browser?.close();
});

describe("/r/450422 藤县 in Chromium", () => {
  it("shows the API's headline figures, formatted", async () => {
    const page = await browser.newPage();
    await page.goto(`${base}/r/450422`);
    await expect(page.locator("h1").textContent()).resolves.toContain("藤县");
    const cards = await page.locator(".figure-card[data-indicator]").evaluateAll((els) =>
      els.map((el) => ({
        indicator: el.getAttribute("data-indicator"),
        raw: el.getAttribute("data-value"),
        text: el.querySelector(".value")?.textContent?.trim(),
      })),
    );
    const byKey = new Map(cards.map((c) => [c.indicator, c]));
    const i = summary.indicators;
    const expected: [string, string][] = [
      ["villages", formatCount(i.villages?.value)],
      ["reporting", formatCount(i.reporting?.value)],
      ["income_total", formatMoney(i.income_total?.value)],
      ["earned_income", formatMoney(i.earned_income?.value)],
      ["income_median", formatMoney(i.income_median?.value)],
      ["share_ge_10w", formatPercent(i.share_ge_10w?.value)],
      ["share_ge_30w", formatPercent(i.share_ge_30w?.value)],
      ["weak_villages", `${formatCount(i.weak_villages?.value)} 个`],
      ["yoy_growth", formatGrowth(i.yoy_growth?.value)],
    ];
    for (const [key, text] of expected) {
      const card = byKey.get(key);
      expect(card, key).toBeDefined();
      expect(card?.text, key).toBe(text);
      expect(Number(card?.raw), key).toBe(i[key]?.value);
    }
    // The county has 266 village committees in the statistical division codes.
    expect(i.villages?.value).toBe(266);
    await page.close();
  });

  it("draws the charts, and its tabs switch between chart, table, download and about", async () => {
    const page = await browser.newPage();
    await page.goto(`${base}/r/450422`);
    // Charts are drawn as they come into view.
    await page.locator("#chart-income").scrollIntoViewIfNeeded();
    await page.waitForSelector("#chart-income[data-drawn='true']");
    await page.locator("#chart-bands").scrollIntoViewIfNeeded();
    await page.waitForSelector("#chart-bands[data-drawn='true']");
    const painted = await page
      .locator("#chart-income canvas")
      .evaluate((canvas: HTMLCanvasElement) => {
        const ctx = canvas.getContext("2d");
        if (!ctx) return 0;
        const { data } = ctx.getImageData(0, 0, canvas.width, canvas.height);
        let inked = 0;
        for (let p = 3; p < data.length; p += 4) if ((data[p] ?? 0) > 0) inked++;
        return inked;
      });
    expect(painted).toBeGreaterThan(1000);
    const table = page.locator("#chart-bands-table");
    expect(await table.isVisible()).toBe(false);
    await page.locator("#chart-bands-tab-table").click();
    expect(await table.isVisible()).toBe(true);
    expect(await page.locator("#chart-bands-chart").isVisible()).toBe(false);
    // Keyboard: the arrow key moves to the next tab and shows its panel.
    await page.keyboard.press("ArrowRight");
    await expect(
      page.locator("#chart-bands-tab-download").getAttribute("aria-selected"),
    ).resolves.toBe("true");
    expect(await page.locator("#chart-bands-download").isVisible()).toBe(true);
    await page.close();
  });

  it("keeps every table readable with JavaScript off", async () => {
    const context = await browser.newContext({ javaScriptEnabled: false });
    const page = await context.newPage();
    await page.goto(`${base}/r/450422`);
    await expect(page.locator("html").getAttribute("class")).resolves.toBe("no-js");
    // Income by month: 12 rows; bands: 7 rows with the API's counts; every panel shown.
    await expect(page.locator("#chart-income-table tbody tr").count()).resolves.toBe(12);
    const bandCounts = await page.locator("#chart-bands-table tbody td").allTextContents();
    expect(bandCounts).toEqual(summary.bands.map((b) => formatCount(b.count)));
    expect(await page.locator("#chart-income-table table").isVisible()).toBe(true);
    expect(await page.locator("#chart-income-about").isVisible()).toBe(true);
    expect(await page.locator("#chart-income-download a[data-download='csv']").isVisible()).toBe(
      true,
    );
    expect(await page.locator("#chart-income-chart").isVisible()).toBe(false);
    // Children: the county's townships, each linking down.
    const links = await page
      .locator("table[data-children] tbody a")
      .evaluateAll((as) => as.map((a) => a.getAttribute("href")));
    expect(links.length).toBeGreaterThan(5);
    expect(links.every((href) => /^\/r\/450422\d{3}$/.test(href ?? ""))).toBe(true);
    await context.close();
  });
});
