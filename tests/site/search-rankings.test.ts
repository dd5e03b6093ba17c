/**
 * Search, league tables (比武榜) and the home page, served by the built Worker with the
 * sample data, in real Chromium: with JavaScript off (plain forms) and on (suggestions).
 * Every figure shown is compared with what the API returns for it.
 */
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { formatMoney, formatPercent, formatRank } from "../../src/lib/format.ts";
import { launchChromium } from "../support/browser.ts";

const base = inject("baseUrl");
let browser: Browser;

beforeAll(async () => {
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
});

type Json = ReturnType<typeof JSON.parse>;
const api = async (path: string): Promise<Json> => (await fetch(`${base}${path}`)).json();

async function noJsPage(): Promise<Page> {
  const context = await browser.newContext({ javaScriptEnabled: false });
  return context.newPage();
}

/** Searches from the home page's form (JavaScript off) and gives the result codes. */
async function searchWithForm(page: Page, q: string): Promise<string[]> {
  await page.goto(`${base}/`);
  await page.fill("#q", q);
  await page.press("#q", "Enter");
  await page.waitForURL(/\/search\?q=/);
  return page
    .locator("[data-results] li")
    .evaluateAll((els) => els.map((el) => el.getAttribute("data-code") ?? ""));
}

describe("search without JavaScript", () => {
  it("finds 黎寨村委会 by name, pinyin and initials, and lists what the API lists", async () => {
    const page = await noJsPage();
    for (const q of ["黎寨", "lizhai", "lz", "黎寨村"]) {
      const codes = await searchWithForm(page, q);
      expect(codes, q).toContain("450422104211");
      const fromApi = await api(`/api/v1/search?q=${encodeURIComponent(q)}&limit=50`);
      expect(codes, q).toEqual(fromApi.results.map((r: { code: string }) => r.code));
    }
    // 黎寨 is the short name of 黎寨村委会: an exact match, listed first.
    expect((await searchWithForm(page, "黎寨"))[0]).toBe("450422104211");
    const link = page.locator('[data-results] li[data-code="450422104211"] a');
    await expect(link.getAttribute("href")).resolves.toBe("/r/450422104211");
    await expect(
      page.locator('[data-results] li[data-code="450422104211"]').textContent(),
    ).resolves.toContain("广西壮族自治区 › 梧州市 › 藤县 › 埌南镇");
    await page.context().close();
  });

  it("finds a county by its code, the county first and then its townships", async () => {
    const page = await noJsPage();
    const codes = await searchWithForm(page, "450422");
    expect(codes[0]).toBe("450422");
    // Then its townships, then villages: every result in the county, levels in order.
    expect(codes.every((c) => c.startsWith("450422"))).toBe(true);
    const lengths = codes.map((c) => c.length);
    expect(lengths).toEqual([...lengths].sort((a, b) => a - b));
    expect(lengths[1]).toBe(9);
    await page.context().close();
  });

  it("says so when nothing matches, and works in English", async () => {
    const page = await noJsPage();
    await page.goto(`${base}/search?q=qqqxxzz`);
    await expect(page.locator("h2.count").textContent()).resolves.toContain("没有找到");
    await page.goto(`${base}/en/search?q=tengxian`);
    await expect(page.locator("[data-results] li").first().getAttribute("data-code")).resolves.toBe(
      "450422",
    );
    await expect(
      page.locator('[data-results] li[data-code="450422"] a').getAttribute("href"),
    ).resolves.toBe("/en/r/450422");
    await page.context().close();
  });
});

describe("search with JavaScript: suggestions", () => {
  it("suggests as you type and opens the region chosen with the keyboard", async () => {
    const page = await browser.newPage();
    await page.goto(`${base}/`);
    const input = page.locator("#q");
    await input.pressSequentially("lizhai", { delay: 30 });
    await page.waitForSelector("#q-list [role=option]");
    await expect(input.getAttribute("role")).resolves.toBe("combobox");
    await expect(input.getAttribute("aria-expanded")).resolves.toBe("true");
    const suggested = await page
      .locator("#q-list [role=option]")
      .evaluateAll((els) => els.map((el) => el.getAttribute("data-code")));
    const fromApi = await api("/api/v1/search?q=lizhai&limit=8");
    expect(suggested).toEqual(fromApi.results.map((r: { code: string }) => r.code));
    // Arrow down to 黎寨村委会 and press Enter: its page opens.
    const target = suggested.indexOf("450422104211");
    expect(target).toBeGreaterThanOrEqual(0);
    for (let i = 0; i <= target; i++) await page.keyboard.press("ArrowDown");
    const active = await input.getAttribute("aria-activedescendant");
    await expect(page.locator(`#${active}`).getAttribute("aria-selected")).resolves.toBe("true");
    await expect(page.locator(`#${active}`).getAttribute("data-code")).resolves.toBe(
      "450422104211",
    );
    await Promise.all([page.waitForURL(`${base}/r/450422104211`), page.keyboard.press("Enter")]);
    await expect(page.locator("h1").textContent()).resolves.toContain("黎寨村委会");
    // Escape closes the list; Enter without a chosen suggestion submits the form.
    await page.goto(`${base}/`);
    await input.pressSequentially("lz", { delay: 30 });
    await page.waitForSelector("#q-list [role=option]");
    await page.keyboard.press("Escape");
    await expect(input.getAttribute("aria-expanded")).resolves.toBe("false");
    await Promise.all([page.waitForURL(/\/search\?q=lz$/), page.keyboard.press("Enter")]);
    await page.close();
  });
});

/** The rows of the league table on a page: code, rank, raw value, mark, value as shown. */
async function leagueRows(page: Page) {
  return page.locator("table[data-league] tbody tr").evaluateAll((rows) =>
    rows.map((row) => ({
      code: row.getAttribute("data-code"),
      rank: row.getAttribute("data-rank"),
      value: row.getAttribute("data-value"),
      mark: row.getAttribute("data-mark"),
      shown: row.querySelector("td:nth-child(3)")?.textContent?.trim(),
      current: row.getAttribute("aria-current"),
    })),
  );
}

describe("league tables (比武榜)", () => {
  it("/rankings shows the API's table: ranks, values, marks", async () => {
    const page = await noJsPage();
    await page.goto(`${base}/rankings`);
    // Choose with the form, as a reader without JavaScript would.
    await page.selectOption("#rk-level", "township");
    await page.selectOption("#rk-indicator", "share_ge_30w");
    await page.selectOption("#rk-within", "4504");
    await Promise.all([page.waitForURL(/level=township/), page.click(".league-form button")]);
    const body = await api("/api/v1/rankings?level=township&indicator=share_ge_30w&within=4504");
    const rows = await leagueRows(page);
    expect(rows.length).toBe(body.rows.length);
    expect(rows.length).toBeGreaterThan(5);
    body.rows.forEach((r: Json, i: number) => {
      const row = rows[i];
      expect(row?.code).toBe(r.region.code);
      expect(row?.rank).toBe(r.rank === null ? "" : String(r.rank));
      expect(row?.value === "" ? null : Number(row?.value)).toBe(r.value?.value ?? null);
      expect(row?.mark).toBe(r.mark ?? "");
      if (r.rank !== null) expect(row?.shown).toBe(formatPercent(r.value.value));
    });
    expect(rows.filter((r) => r.mark === "champion").length).toBeGreaterThanOrEqual(body.champions);
    const statement = await page.locator("[data-statement]").textContent();
    expect(statement).toContain(`${body.regions}个乡镇（街道）中有${body.ranked}个参加排名`);
    expect(statement).toContain("收入30万元以上村占比");
    await page.context().close();
  });

  it("pages through a long table so that the bottom (called in) can be reached", async () => {
    const query = "level=township&indicator=income_total";
    const body = await api(`/api/v1/rankings?${query}`);
    const pages = Math.ceil(body.rows.length / 100);
    expect(pages).toBeGreaterThanOrEqual(2);
    const page = await noJsPage();
    await page.goto(`${base}/rankings?${query}`);
    expect((await leagueRows(page)).map((r) => r.code)).toEqual(
      body.rows.slice(0, 100).map((r: Json) => r.region.code),
    );
    // Follow "next" without JavaScript to the last page.
    for (let k = 2; k <= pages; k++) {
      await Promise.all([
        page.waitForURL(new RegExp(`page=${k}`)),
        page.click("nav[data-pager=page] a[rel=next]"),
      ]);
    }
    const last = await leagueRows(page);
    expect(last.map((r) => r.code)).toEqual(
      body.rows.slice((pages - 1) * 100).map((r: Json) => r.region.code),
    );
    expect(last.some((r) => r.mark === "called_in")).toBe(true);
    await expect(page.locator("[data-pages]").getAttribute("data-page")).resolves.toBe(
      String(pages),
    );
    await page.context().close();
  });

  it("refuses a period without data with a message, not an error page", async () => {
    const response = await fetch(`${base}/rankings?level=county&period=2099-01`);
    expect(response.status).toBe(400);
    expect(await response.text()).toContain("没有 2099-01 的数据");
  });

  it("ranks 藤县 among the counties of 梧州市 on its page, on the indicator chosen", async () => {
    const page = await noJsPage();
    await page.goto(`${base}/r/450422`);
    await page.selectOption("#rank-indicator", "income_median");
    await Promise.all([page.waitForURL(/rank=income_median/), page.click(".rank-form button")]);
    const body = await api("/api/v1/rankings?level=county&indicator=income_median&within=4504");
    const rows = await leagueRows(page);
    expect(rows.map((r) => r.code)).toEqual(body.rows.map((r: Json) => r.region.code));
    const mine = body.rows.find((r: Json) => r.region.code === "450422");
    const row = rows.find((r) => r.code === "450422");
    expect(row?.current).toBe("true");
    expect(row?.shown).toBe(formatMoney(mine.value.value));
    const statement = await page.locator("#ranking [data-statement]").textContent();
    expect(statement).toContain(`排${formatRank(mine.rank)}`);
    expect(statement).toContain(`上期（2026年1—9月累计）${formatRank(mine.previous.rank)}`);
    await page.context().close();
  });
});

describe("home page", () => {
  it("shows each province's and city's latest figures as the API gives them", async () => {
    const page = await noJsPage();
    await page.goto(`${base}/`);
    const provinces = await page
      .locator("section.province")
      .evaluateAll((els) => els.map((el) => el.getAttribute("data-code") ?? ""));
    expect(provinces.length).toBeGreaterThanOrEqual(4);
    for (const code of provinces) {
      const summary = await api(`/api/v1/regions/${code}/summary`);
      const shown = await page
        .locator(`section[data-code="${code}"] .figures [data-indicator]`)
        .evaluateAll((els) =>
          els.map((el) => [
            el.getAttribute("data-indicator"),
            el.getAttribute("data-value"),
            el.querySelector("dd")?.textContent ?? "",
          ]),
        );
      for (const [key, raw, text] of shown) {
        const value = summary.indicators[key as string].value;
        expect(Number(raw), `${code} ${key}`).toBe(value);
        if (key === "income_total") expect(text).toBe(formatMoney(value));
        if (key === "share_ge_10w") expect(text).toContain(formatPercent(value));
      }
      const cities = await page
        .locator(`section[data-code="${code}"] table.cities tbody tr`)
        .evaluateAll((els) => els.map((el) => el.getAttribute("data-code") ?? ""));
      for (const city of cities) {
        const s = await api(`/api/v1/regions/${city}/summary?period=${summary.period}`);
        const cells = await page
          .locator(`tr[data-code="${city}"] td[data-indicator]`)
          .evaluateAll((els) =>
            els.map((el) => [el.getAttribute("data-indicator"), el.getAttribute("data-value")]),
          );
        for (const [key, raw] of cells) {
          expect(Number(raw), `${city} ${key}`).toBe(s.indicators[key as string].value);
        }
      }
    }
    // The search box, the way to the bulletins and to the league tables.
    await expect(page.locator('form[role="search"] input[name="q"]').count()).resolves.toBe(1);
    await expect(page.locator('a[href="/bulletins"]').count()).resolves.toBeGreaterThan(0);
    await expect(page.locator('.next a[href="/rankings"]').count()).resolves.toBe(1);
    await page.context().close();
  });
});
