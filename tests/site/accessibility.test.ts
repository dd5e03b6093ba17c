/**
 * WCAG 2.2 AA in real Chromium: axe-core finds no violations on every kind of page, in
 * both languages, with and without JavaScript and in large-text mode; the county page can
 * be used by keyboard alone, and every focused control shows a visible focus ring.
 */
import type { Browser, BrowserContextOptions, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { axeFindings } from "../support/axe.ts";
import { launchChromium } from "../support/browser.ts";
import { PAGE_KINDS } from "../support/page-kinds.ts";

const base = inject("baseUrl");

const PAGES = PAGE_KINDS;

let browser: Browser;
beforeAll(async () => {
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
});

/** Axe's findings on a page, as readable lines. `noScript` serves the page with its scripts
 * removed: what a reader with JavaScript off gets (axe itself still needs JavaScript). */
async function axeViolations(
  path: string,
  options: BrowserContextOptions = {},
  { large = false, noScript = false } = {},
) {
  const context = await browser.newContext(options);
  if (large) await context.addCookies([{ name: "large_text", value: "1", url: base }]);
  const page = await context.newPage();
  if (noScript) {
    await page.route(base + path, async (route) => {
      const response = await route.fetch();
      const html = (await response.text()).replace(
        /<script(?![^>]*application\/json)[^>]*>[\s\S]*?<\/script>/g,
        "",
      );
      await route.fulfill({ response, body: html });
    });
  }
  try {
    const response = await page.goto(base + path, { waitUntil: "load" });
    expect(response?.status(), path).toBe(200);
    if (noScript) expect(await page.getAttribute("html", "class")).toContain("no-js");
    return await axeFindings(page);
  } finally {
    await context.close();
  }
}

describe("axe-core finds no WCAG 2.2 AA violations", () => {
  for (const path of PAGES) {
    for (const lang of ["zh", "en"] as const) {
      const url = lang === "en" ? (path === "/" ? "/en" : `/en${path}`) : path;
      it(`${url} (phone width, JavaScript on)`, async () => {
        expect(await axeViolations(url, { viewport: { width: 390, height: 844 } })).toEqual([]);
      });
    }
  }

  it("/r/450422 at desktop width with JavaScript off", async () => {
    const options = { viewport: { width: 1280, height: 900 } };
    expect(await axeViolations("/r/450422", options, { noScript: true })).toEqual([]);
  });

  it("/r/450422 and /en/r/450422104211 in large-text mode", async () => {
    const options = { viewport: { width: 390, height: 844 } };
    expect(await axeViolations("/r/450422", options, { large: true })).toEqual([]);
    expect(await axeViolations("/en/r/450422104211", options, { large: true })).toEqual([]);
  });
});

interface Focused {
  tag: string;
  role: string | null;
  text: string;
  outlineStyle: string;
  outlineWidth: number;
  boxShadow: string;
  inViewport: boolean;
}

function focused(page: Page): Promise<Focused | null> {
  return page.evaluate(() => {
    const el = document.activeElement as HTMLElement | null;
    if (!el || el === document.body) return null;
    const style = getComputedStyle(el);
    const box = el.getBoundingClientRect();
    return {
      tag: el.tagName.toLowerCase(),
      role: el.getAttribute("role"),
      text: (el.textContent ?? "").trim().slice(0, 30),
      outlineStyle: style.outlineStyle,
      outlineWidth: parseFloat(style.outlineWidth),
      boxShadow: style.boxShadow,
      inViewport: box.bottom > 0 && box.top < innerHeight && box.right > 0 && box.left < innerWidth,
    };
  });
}

describe("keyboard use of the county page", () => {
  it("reaches links, buttons and the chart tabs by Tab, each with a visible focus ring", async () => {
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    const page = await context.newPage();
    await page.goto(`${base}/r/450422`, { waitUntil: "load" });
    await page.waitForSelector("[data-chart].tabs-ready");
    const seen: Focused[] = [];
    for (let i = 0; i < 80 && !seen.some((f) => f.role === "tab"); i++) {
      await page.keyboard.press("Tab");
      const f = await focused(page);
      if (f) seen.push(f);
    }
    expect(seen[0]?.text).toBe("跳到正文"); // the skip link comes first
    const kinds = new Set(seen.map((f) => (f.role === "tab" ? "tab" : f.tag)));
    for (const kind of ["a", "button", "select", "tab"]) expect(kinds, kind).toContain(kind);
    for (const f of seen) {
      // A focus ring at least 2 px wide, on screen (scrolled into view).
      expect(f.outlineStyle, `${f.tag} ${f.text}`).not.toBe("none");
      expect(f.outlineWidth, `${f.tag} ${f.text}`).toBeGreaterThanOrEqual(2);
      expect(f.inViewport, `${f.tag} ${f.text}`).toBe(true);
    }

    // Arrow keys move between the tabs and show their panels.
    await page.keyboard.press("ArrowRight");
    const next = await focused(page);
    expect(next?.role).toBe("tab");
    expect(next?.outlineWidth).toBeGreaterThanOrEqual(2);
    const card = page.locator("[data-chart]").first();
    await expect.poll(() => card.locator('[data-panel="table"]').isVisible()).toBe(true);
    expect(await card.locator('[data-panel="chart"]').isVisible()).toBe(false);
    await context.close();
  });

  it("switches large-text mode from the keyboard", async () => {
    const context = await browser.newContext({ viewport: { width: 390, height: 844 } });
    const page = await context.newPage();
    await page.goto(`${base}/r/450422`, { waitUntil: "load" });
    await page.locator("[data-large-text] button").focus();
    await page.keyboard.press("Enter");
    await expect
      .poll(() => page.evaluate(() => document.documentElement.classList.contains("large-text")))
      .toBe(true);
    expect(await page.locator("[data-large-text] button").getAttribute("aria-pressed")).toBe(
      "true",
    );
    await context.close();
  });
});
