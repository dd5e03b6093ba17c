/**
 * Large-text mode (大字模式) persists through a cookie the server reads, works with and
 * without JavaScript, and refuses off-site redirects; a county page prints as an A4 sheet
 * with its own address as a QR code and the date of the data; /methodology explains every
 * indicator in both languages.
 */
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { formatDate } from "../../src/lib/format.ts";
import { INDICATOR_KEYS } from "../../src/lib/indicators.ts";
import { LABELS } from "../../src/lib/labels.ts";
import { qrPath } from "../../src/lib/qr.ts";
import { launchChromium } from "../support/browser.ts";

const base = inject("baseUrl");
let browser: Browser;
beforeAll(async () => {
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
});

function post(body: Record<string, string>) {
  return fetch(`${base}/prefs/large-text`, {
    method: "POST",
    body: new URLSearchParams(body),
    headers: { Origin: base },
    redirect: "manual",
  });
}

describe("the large-text switch over HTTP", () => {
  it("sets the cookie and sends the reader back to the page", async () => {
    const response = await post({ on: "1", back: "/r/450422?period=2025-12" });
    expect(response.status).toBe(303);
    expect(response.headers.get("location")).toBe("/r/450422?period=2025-12");
    expect(response.headers.get("set-cookie")).toMatch(/^large_text=1; Path=\/; Max-Age=31536000/);
    const off = await fetch(`${base}/prefs/large-text?on=0&back=/en/methodology`, {
      redirect: "manual",
    });
    expect(off.status).toBe(303);
    expect(off.headers.get("set-cookie")).toMatch(/^large_text=0;/);
  });

  it("refuses another site as the return address, and a bad switch value", async () => {
    for (const back of ["//evil.example/", "https://evil.example/", "/\\evil.example"]) {
      const response = await post({ on: "1", back });
      expect(response.status, back).toBe(400);
      expect(response.headers.get("location")).toBeNull();
      expect(await response.text()).toContain("返回地址必须是本站的页面路径");
    }
    const bad = await post({ on: "yes", back: "/r/45" });
    expect(bad.status).toBe(400);
    expect(await bad.text()).toContain("参数 on 只能是 1");
  });

  it("renders the page in large text on the server when the cookie says so", async () => {
    const [on, off] = await Promise.all([
      fetch(`${base}/r/450422`, { headers: { Cookie: "x=1; large_text=1" } }),
      fetch(`${base}/r/450422`),
    ]);
    const [onHtml, offHtml] = await Promise.all([on.text(), off.text()]);
    expect(onHtml).toMatch(/<html lang="zh-CN" class="no-js large-text"/);
    expect(onHtml).toMatch(/<button type="submit" aria-pressed="true">大字模式<\/button>/);
    expect(offHtml).toMatch(/<html lang="zh-CN" class="no-js"/);
    // Caches must keep the two versions apart.
    expect(on.headers.get("vary")).toMatch(/Cookie/i);
  });
});

describe("large-text mode in Chromium", () => {
  const fontSize = "getComputedStyle(document.documentElement).fontSize";

  it("works without JavaScript and persists from page to page", async () => {
    const context = await browser.newContext({
      javaScriptEnabled: false,
      viewport: { width: 390, height: 844 },
    });
    const page = await context.newPage();
    await page.goto(`${base}/r/450422?period=2025-12`);
    expect(await page.evaluate(fontSize)).toBe("16px");
    await page.click("[data-large-text] button");
    await page.waitForURL(`${base}/r/450422?period=2025-12`);
    expect(await page.evaluate(fontSize)).toBe("20px");
    expect(await page.getAttribute("[data-large-text] button", "aria-pressed")).toBe("true");
    await page.goto(`${base}/en/methodology`);
    expect(await page.evaluate(fontSize)).toBe("20px");
    await page.click("[data-large-text] button"); // and off again
    await page.waitForURL(`${base}/en/methodology`);
    expect(await page.evaluate(fontSize)).toBe("16px");
    // A copy of the county page cached in large text is not reused: Vary: Cookie.
    await page.goto(`${base}/r/450422?period=2025-12`);
    expect(await page.evaluate(fontSize)).toBe("16px");
    await context.close();
  });

  it("switches at once with JavaScript, keeps the choice, and hides nothing on a phone", async () => {
    const context = await browser.newContext({ viewport: { width: 390, height: 844 } });
    const page = await context.newPage();
    await page.goto(`${base}/r/450422`);
    await page.evaluate(() => ((window as unknown as { marker: number }).marker = 1));
    await page.click("[data-large-text] button");
    await expect.poll(() => page.evaluate(fontSize)).toBe("20px");
    // No reload happened: the marker set on this document is still there.
    expect(await page.evaluate(() => (window as unknown as { marker?: number }).marker)).toBe(1);
    const cookies = await context.cookies(base);
    expect(cookies.find((c) => c.name === "large_text")?.value).toBe("1");
    await page.reload();
    expect(await page.evaluate(fontSize)).toBe("20px");
    // Nothing cut off: the page does not scroll sideways and no figure is clipped.
    const overflow = await page.evaluate(() => ({
      page: document.documentElement.scrollWidth - innerWidth,
      clipped: [...document.querySelectorAll<HTMLElement>(".figure-card .value, h1, h2")]
        .filter((el) => el.scrollWidth > el.clientWidth + 1)
        .map((el) => el.textContent),
    }));
    expect(overflow).toEqual({ page: 0, clipped: [] });
    // Targets: every button and the header links are at least 24 px tall.
    const small = await page.evaluate(() =>
      [...document.querySelectorAll<HTMLElement>("button:not([hidden]), .site-nav a, select")]
        .filter((el) => el.offsetParent !== null && el.getBoundingClientRect().height < 24)
        .map((el) => el.textContent),
    );
    expect(small).toEqual([]);
    await context.close();
  });
});

describe("printing a county page", () => {
  it("shows the QR code of the page's address and the date of the data only on paper", async () => {
    const api = (await (await fetch(`${base}/api/v1/regions/450422/summary`)).json()) as {
      period: string;
      data_updated_at: string;
    };
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    const page = await context.newPage();
    await page.goto(`${base}/r/450422`, { waitUntil: "load" });
    const sheet = page.locator("[data-print-sheet]");
    expect(await sheet.isVisible()).toBe(false);
    expect(await page.locator(".site-header").isVisible()).toBe(true);

    await page.emulateMedia({ media: "print" });
    expect(await sheet.isVisible()).toBe(true);
    for (const hidden of [".site-header", ".period-form", ".site-footer"]) {
      expect(await page.locator(hidden).isVisible(), hidden).toBe(false);
    }
    // The QR code is exactly the code of this page's address.
    const expected = qrPath(`${base}/r/450422`);
    expect(await sheet.locator("svg path").getAttribute("d")).toBe(expected.d);
    expect(await sheet.locator("[data-updated]").getAttribute("data-updated")).toBe(
      api.data_updated_at,
    );
    expect(await sheet.textContent()).toContain(formatDate(api.data_updated_at, "zh"));
    // Headline figures, every drawn chart and the township table are on the sheet.
    expect(await page.locator(".headline").isVisible()).toBe(true);
    await page.waitForSelector("[data-chart][data-drawn]");
    const charts = page.locator("[data-chart] canvas");
    expect(await charts.count()).toBeGreaterThanOrEqual(3);
    for (const canvas of await charts.all()) expect(await canvas.isVisible()).toBe(true);
    expect(await page.locator('a[href="/r/450422104"]').isVisible()).toBe(true);

    const pdf = await page.pdf({ format: "A4", printBackground: true });
    const text = pdf.toString("latin1");
    const pages = text.match(/\/Type\s*\/Page[^s]/g) ?? [];
    expect(pages.length).toBeGreaterThanOrEqual(1);
    expect(pages.length).toBeLessThanOrEqual(4);
    expect(text).toMatch(/\/MediaBox\s*\[\s*0 0 595\.\d+ 842\.\d+\s*\]/); // A4 in points
    await context.close();
  });
});

describe("/methodology", () => {
  for (const lang of ["zh", "en"] as const) {
    it(`explains every indicator, the bands and revisions (${lang})`, async () => {
      const path = lang === "en" ? "/en/methodology" : "/methodology";
      const response = await fetch(base + path);
      expect(response.status).toBe(200);
      const html = await response.text();
      for (const key of INDICATOR_KEYS) {
        expect(html, key).toContain(`data-indicator="${key}"`);
        expect(html, key).toContain(LABELS[lang].indicators[key].replace(/&/g, "&amp;"));
      }
      for (const band of Object.values(LABELS[lang].bands)) expect(html).toContain(band);
      for (const id of ["identity", "bands", "coverage", "year-to-date", "growth", "revisions"]) {
        expect(html, id).toContain(`id="${id}"`);
        expect(html, id).toContain(`href="#${id}"`);
      }
      expect(html).toMatch(/<a href="[^"]*methodology" aria-current="page">/);
    });
  }
});
