/**
 * Projects, problems and targets on the region pages (county, township, village, and the
 * article cities) and on their list pages (/r/{code}/projects and the others) in real
 * Chromium: every figure and list equals what the API returns, and the headline facts
 * equal an independent computation over the raw rows in SQL.
 */
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { formatCount, formatDays, formatMoney, formatPercent } from "../../src/lib/format.ts";
import { launchChromium } from "../support/browser.ts";
import { openSampleDatabase } from "../support/sample-db.ts";

const base = inject("baseUrl");
let browser: Browser;
type Json = ReturnType<typeof JSON.parse>;

beforeAll(async () => {
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
});

/** Items on a list page (src/views/activity-list-model.ts). */
const LIST_PER_PAGE = 20;

async function api(code: string, what: string, query = `per_page=${LIST_PER_PAGE}`): Promise<Json> {
  const response = await fetch(`${base}/api/v1/regions/${code}/${what}?${query}`);
  expect(response.status).toBe(200);
  return response.json();
}

/** The figures of one section: data-value and the text shown, by data-figure key. */
async function figures(page: Page, section: string) {
  const rows = await page.locator(`[data-section='${section}'] [data-figure]`).evaluateAll((els) =>
    els.map((el) => [
      el.getAttribute("data-figure") ?? "",
      {
        raw: el.getAttribute("data-value") ?? "",
        text: el.querySelector(".value")?.textContent?.trim() ?? "",
        detail: el.querySelector(".detail")?.textContent?.trim() ?? "",
      },
    ]),
  );
  return new Map(rows as [string, { raw: string; text: string; detail: string }][]);
}

async function ids(page: Page, attribute: string): Promise<number[]> {
  return (
    await page
      .locator(`[${attribute}]`)
      .evaluateAll((els, a) => els.map((el) => el.getAttribute(a)), attribute)
  ).map(Number);
}

describe.each([
  ["county 藤县", "450422"],
  ["township 埌南镇", "450422104"],
  ["village 黎寨村委会", "450422104211"],
])("the %s page", (_, code) => {
  it("shows the API's projects: figures, tables and the first page of the list", async () => {
    const report = await api(code, "projects");
    const page = await browser.newPage();
    await page.goto(`${base}/r/${code}`);
    const s = report.summary;
    const f = await figures(page, "projects");
    expect(f.get("projects")).toMatchObject({
      raw: String(s.projects),
      text: formatCount(s.projects),
    });
    expect(f.get("budget")).toMatchObject({ raw: String(s.budget), text: formatMoney(s.budget) });
    expect(f.get("invested")).toMatchObject({
      raw: String(s.invested),
      text: formatMoney(s.invested),
    });
    expect(f.get("invested")?.detail).toContain(formatPercent(s.invested_share.value));
    expect(f.get("overdue")).toMatchObject({
      raw: String(s.overdue),
      text: formatCount(s.overdue),
    });
    const byStatus = await page
      .locator("table[data-table='project-status'] tbody tr")
      .evaluateAll((trs) =>
        trs.map((tr) => [
          tr.getAttribute("data-key"),
          Number(tr.querySelector("td")?.dataset.value),
        ]),
      );
    expect(Object.fromEntries(byStatus)).toEqual(s.by_status);
    // The region page links to the list, which is a page of its own.
    expect(await ids(page, "data-project-id")).toEqual([]);
    await page.click("a[data-list-link='projects']");
    await page.waitForURL(`${base}/r/${code}/projects`);
    expect((await figures(page, "projects")).get("projects")?.raw).toBe(String(s.projects));
    expect(await ids(page, "data-project-id")).toEqual(report.items.map((i: Json) => i.id));
    const shown = await page.locator("[data-project-id]").evaluateAll((els) =>
      els.map((el) => ({
        overdue: el.getAttribute("data-overdue") === "true",
        progress: Number(el.getAttribute("data-progress")),
        text: el.querySelector(".bar")?.textContent ?? "",
      })),
    );
    report.items.forEach((item: Json, i: number) => {
      expect(shown[i]?.overdue, `project ${item.id}`).toBe(item.overdue);
      expect(shown[i]?.progress).toBe(item.progress);
      // The progress bar carries its percentage as text, not only as a width.
      expect(shown[i]?.text).toContain(formatPercent(item.progress / 100));
    });
    await page.close();
  });

  it("shows the API's problem figures, departments and list with histories", async () => {
    const report = await api(code, "problems");
    const page = await browser.newPage();
    await page.goto(`${base}/r/${code}`);
    const s = report.summary;
    if (s.collected === 0) {
      await expect(page.locator("[data-section='problems']").textContent()).resolves.toContain(
        "暂无收集的问题",
      );
      await page.close();
      return;
    }
    const f = await figures(page, "problems");
    expect(f.get("collected")?.raw).toBe(String(s.collected));
    expect(f.get("claimed")?.raw).toBe(String(s.reached.claimed));
    expect(f.get("resolved")?.raw).toBe(String(s.reached.resolved));
    expect(f.get("closed")?.raw).toBe(String(s.reached.closed));
    expect(f.get("resolution_rate")?.text).toBe(formatPercent(s.resolution_rate.value));
    expect(f.get("resolution_rate")?.detail).toContain(
      `${formatCount(s.resolution_rate.numerator)} / 收集 ${formatCount(s.resolution_rate.denominator)}`,
    );
    expect(f.get("median_days_to_claim")?.text).toBe(formatDays(s.median_days_to_claim.value));
    expect(f.get("median_days_to_resolve")?.text).toBe(formatDays(s.median_days_to_resolve.value));
    const departments = await page
      .locator("table[data-table='problem-departments'] tbody tr[data-key]")
      .evaluateAll((trs) =>
        trs.map((tr) => {
          const [open, overdue] = [...tr.querySelectorAll("td")].map((td) =>
            Number(td.dataset.value),
          );
          return { department: tr.getAttribute("data-key") || null, unresolved: open, overdue };
        }),
      );
    expect(departments).toEqual(report.by_department);
    await page.goto(`${base}/r/${code}/problems`);
    expect(await ids(page, "data-problem-id")).toEqual(report.items.map((i: Json) => i.id));
    const histories = await page
      .locator("[data-problem-id]")
      .evaluateAll((els) =>
        els.map((el) =>
          [...el.querySelectorAll("[data-event]")].map((e) => e.getAttribute("data-event")),
        ),
      );
    expect(histories).toEqual(report.items.map((i: Json) => i.events.map((e: Json) => e.status)));
    await page.close();
  });

  it("shows the API's targets: phases, teams and commitment against delivery", async () => {
    const report = await api(code, "targets");
    const page = await browser.newPage();
    await page.goto(`${base}/r/${code}`);
    const s = report.summary;
    const f = await figures(page, "targets");
    expect(f.get("targets")?.raw).toBe(String(s.targets));
    expect(f.get("signed_off")?.raw).toBe(String(s.signed_off));
    expect(f.get("teams")?.raw).toBe(String(s.teams.teams));
    expect(f.get("teams")?.detail).toContain(formatCount(s.teams.members));
    expect(f.get("units")?.raw).toBe(String(s.teams.units));
    const matrix = await page
      .locator("table[data-table='target-phases'] tbody tr")
      .evaluateAll((trs) =>
        trs.map((tr) => [
          tr.getAttribute("data-key"),
          Object.fromEntries(
            [...tr.querySelectorAll("td[data-status]")].map((td) => [
              td.getAttribute("data-status"),
              Number(td.getAttribute("data-value")),
            ]),
          ),
        ]),
      );
    expect(Object.fromEntries(matrix)).toEqual(s.by_phase_status);
    const units = await page
      .locator("table[data-table='target-units'] tbody tr")
      .evaluateAll((trs) =>
        trs.map((tr) => {
          const [teams, members] = [...tr.querySelectorAll("td")].map((td) =>
            Number(td.dataset.value),
          );
          return { unit: tr.getAttribute("data-key"), teams, members };
        }),
      );
    expect(units).toEqual(s.units);
    await page.goto(`${base}/r/${code}/targets`);
    expect(await ids(page, "data-target-id")).toEqual(report.items.map((i: Json) => i.id));
    const commitments = await page
      .locator("[data-target-id]")
      .evaluateAll((els) =>
        els.map((el) =>
          [...el.querySelectorAll("table[data-table='commitment'] td")].map((td) =>
            td.getAttribute("data-value"),
          ),
        ),
      );
    expect(commitments).toEqual(
      report.items.map((i: Json) => [String(i.baseline), String(i.target), String(i.actual ?? "")]),
    );
    await page.close();
  });
});

describe("facts from the articles, computed independently in SQL", () => {
  const db = openSampleDatabase();
  const one = (sql: string, ...params: string[]) =>
    db.prepare(sql).get(...params) as Record<string, number>;

  it("Wuzhou 梧州市: the first batch of 37 projects", async () => {
    const sql = one(
      "SELECT count(*) AS n, sum(invested) AS invested FROM projects WHERE region_code LIKE '4504%' AND batch = '第一批'",
    );
    expect(sql.n).toBe(37);
    const html = await (await fetch(`${base}/r/4504`)).text();
    const row = html.match(/<tr[^>]*data-key="第一批"[^>]*>([\s\S]*?)<\/tr>/)?.[1] ?? "";
    const values = [...row.matchAll(/data-value="(\d+)"/g)].map((m) => Number(m[1]));
    expect(values).toEqual([sql.n, sql.invested]);
  });

  it("Laibin 来宾市: 办结率 83.4%, 316 of 379", async () => {
    const sql = one(
      "SELECT count(*) AS collected, sum(status IN ('resolved', 'closed')) AS solved FROM problems WHERE region_code LIKE '4513%'",
    );
    expect([sql.solved, sql.collected]).toEqual([316, 379]);
    const page = await browser.newPage();
    await page.goto(`${base}/r/4513`);
    const rate = (await figures(page, "problems")).get("resolution_rate");
    expect(rate?.text).toBe("83.4%");
    expect(rate?.detail).toBe("已解决和已销号 316 / 收集 379");
    await page.close();
  });

  it("Teng 藤县: 583 targets and 367 team members; medians equal a recount", async () => {
    const sql = one(
      "SELECT (SELECT count(*) FROM targets WHERE village_code LIKE '450422%') AS targets, (SELECT sum(members) FROM work_teams WHERE village_code LIKE '450422%') AS members",
    );
    expect([sql.targets, sql.members]).toEqual([583, 367]);
    const days = db
      .prepare(
        "SELECT julianday(resolved_on) - julianday(raised_on) AS d FROM problems WHERE region_code LIKE '450422%' AND resolved_on IS NOT NULL ORDER BY d",
      )
      .all()
      .map((r) => Number((r as { d: number }).d));
    const mid = days.length / 2;
    const median =
      days.length % 2 ? days[Math.floor(mid)] : ((days[mid - 1] ?? 0) + (days[mid] ?? 0)) / 2;
    const page = await browser.newPage();
    await page.goto(`${base}/r/450422`);
    const t = await figures(page, "targets");
    expect(t.get("targets")?.text).toBe("583");
    expect(t.get("teams")?.detail).toContain("367");
    const p = await figures(page, "problems");
    expect(Number(p.get("median_days_to_resolve")?.raw)).toBe(median);
    await page.close();
  });
});

describe("long lists, without JavaScript", () => {
  it("pages through problems with links that keep the other parameters", async () => {
    const context = await browser.newContext({ javaScriptEnabled: false });
    const page = await context.newPage();
    await page.goto(`${base}/r/450422/problems?lang_hint=1`);
    const next = page.locator("[data-pager='page'] a[rel='next']");
    expect(await next.getAttribute("href")).toBe("/r/450422/problems?lang_hint=1&page=2#problems");
    await next.click();
    await page.waitForURL(/page=2/);
    const second = await api("450422", "problems", `per_page=${LIST_PER_PAGE}&page=2`);
    expect(await ids(page, "data-problem-id")).toEqual(second.items.map((i: Json) => i.id));
    await expect(
      page.locator("[data-pager='page'] [data-page]").getAttribute("data-page"),
    ).resolves.toBe("2");
    // A history opens with the keyboard: focus its summary and press Enter.
    const summary = page.locator("[data-problem-id] details summary").first();
    await summary.focus();
    await page.keyboard.press("Enter");
    expect(await page.locator("[data-problem-id] details").first().getAttribute("open")).toBe("");
    await context.close();
  });

  it("heads a list page once: its title is the h1, the list and items come under it", async () => {
    const context = await browser.newContext({ javaScriptEnabled: false });
    const page = await context.newPage();
    for (const [path, title] of [
      ["/r/450422/problems", "藤县 · 问题清单"],
      ["/en/r/450422104/targets", "埌南镇 · Term targets"],
    ]) {
      await page.goto(`${base}${path}`);
      const headings = await page
        .locator("main h1, main h2, main h3, main h4")
        .evaluateAll((els) => els.map((el) => [el.tagName, el.textContent?.trim() ?? ""]));
      expect(headings[0]).toEqual(["H1", title]);
      expect(headings.filter(([tag]) => tag === "H1")).toHaveLength(1);
      // No heading repeats the list's name under the title.
      const listName = title.split(" · ")[1];
      expect(headings.slice(1).filter(([, text]) => text === listName)).toEqual([]);
      // No level is skipped below the title.
      const levels = headings.map(([tag]) => Number(tag.slice(1)));
      for (let i = 1; i < levels.length; i++) {
        expect(levels[i]! - levels[i - 1]!).toBeLessThanOrEqual(1);
      }
    }
    await context.close();
  });

  it("answers a bad page number with a message and the first page, not an error", async () => {
    const response = await fetch(`${base}/r/450422/targets?page=abc`);
    expect(response.status).toBe(200);
    const html = await response.text();
    expect(html).toContain("页码“abc”无效");
    const first = await api("450422", "targets");
    const shown = [...html.matchAll(/data-target-id="(\d+)"/g)].map((m) => Number(m[1]));
    expect(shown).toEqual(first.items.map((i: Json) => i.id));
  });

  it("clamps a page past the end to the last page", async () => {
    const last = await api("450422104", "problems");
    const html = await (await fetch(`${base}/r/450422104/problems?page=999`)).text();
    const pages = last.paging.pages;
    const expected = await api("450422104", "problems", `per_page=${LIST_PER_PAGE}&page=${pages}`);
    const shown = [...html.matchAll(/data-problem-id="(\d+)"/g)].map((m) => Number(m[1]));
    expect(shown).toEqual(expected.items.map((i: Json) => i.id));
  });

  it("sends links from before the list pages to them, permanently", async () => {
    const old = await fetch(`${base}/r/450422?problems_page=2`, { redirect: "manual" });
    expect(old.status).toBe(301);
    expect(new URL(old.headers.get("Location") ?? "", base).pathname).toBe("/r/450422/problems");
    expect(new URL(old.headers.get("Location") ?? "", base).search).toBe("?page=2");
    const en = await fetch(`${base}/en/r/450422?targets_page=1`, { redirect: "manual" });
    expect(en.headers.get("Location")).toMatch(/\/en\/r\/450422\/targets$/);
  });

  it("answers a list that does not exist, and a region that does not, with 404", async () => {
    const list = await fetch(`${base}/r/450422/budgets`);
    expect(list.status).toBe(404);
    expect(await list.text()).toContain("没有“budgets”");
    expect((await fetch(`${base}/en/r/999999/projects`)).status).toBe(404);
    expect((await fetch(`${base}/r/45x/projects`)).status).toBe(400);
  });

  it("keeps the region page light: the lists are not on it", async () => {
    const html = await (await fetch(`${base}/r/450422`)).text();
    expect(html).not.toMatch(/data-(project|problem|target)-id=/);
    for (const list of ["projects", "problems", "targets"]) {
      expect(html).toContain(`href="/r/450422/${list}"`);
    }
  });

  it("shows the same figures on the English page, in English", async () => {
    const html = await (await fetch(`${base}/en/r/4513`)).text();
    expect(html).toContain("Problem lists");
    expect(html).toContain("316 resolved or closed of 379 collected");
    expect(html).toContain("Resolution rate");
  });
});
