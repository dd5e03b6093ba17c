/**
 * In real Chromium against the built Worker: an editor signs in (password + TOTP), uploads
 * a revised monthly return (dry run, then commit), drafts a bulletin for the published
 * 2026-10 release, previews it, publishes it, and finds it on the public site, with the
 * figures frozen at the release while the live figures include the revision. Then an
 * administrator resets the clerk's password and authenticator (shown once, with a QR code),
 * and the clerk, signed in with them, can reach nothing but the password change until done.
 * Along the way, axe-core checks the back office's pages for WCAG 2.2 AA violations.
 * It runs on its own copy of the sample database, so its writes reach no other test.
 */
import { writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { SAMPLE_ACCOUNTS, SAMPLE_PASSWORD } from "../../scripts/sample-data/releases.ts";
import { fromBase32 } from "../../src/lib/bytes.ts";
import { totp, totpUri } from "../../src/lib/totp.ts";
import { untilNextTotpStep } from "../support/admin-http.ts";
import { launchChromium } from "../support/browser.ts";
import { startIsolatedServer, type IsolatedServer } from "../support/isolated-server.ts";
import { axeFindings } from "../support/axe.ts";
import { openSampleDatabase } from "../support/sample-db.ts";

// This test writes (an upload, a bulletin): it gets its own copy of the sample database.
let server: IsolatedServer;
let base = "";
let browser: Browser;
let page: Page;

beforeAll(async () => {
  server = await startIsolatedServer();
  base = server.baseUrl;
  browser = await launchChromium();
  page = await browser.newPage();
  page.setDefaultTimeout(15_000);
  page.on("dialog", (dialog) => void dialog.accept());
});
afterAll(async () => {
  await browser?.close();
  server?.stop();
});

const COUNTY = "450422";
const PERIOD = "2026-10";
const FROZEN_AT = "2026-11-20T02:00:00Z";

/** Plain SQL over the raw returns: the county's total as of a moment, or live. */
function countyTotal(at: string | null): number {
  const db = openSampleDatabase(server.persistTo);
  const asOf = at
    ? "i.recorded_at <= ?3 AND (i.superseded_at IS NULL OR i.superseded_at > ?3)"
    : "i.superseded_at IS NULL AND ?3 IS NULL";
  const row = db
    .prepare(
      `SELECT sum(i.total) AS total FROM income_returns i JOIN regions r ON r.code = i.village_code
       WHERE r.kind = 'village_committee' AND substr(i.village_code, 1, 6) = ?1 AND i.period = ?2 AND ${asOf}`,
    )
    .get(COUNTY, PERIOD, at) as { total: number };
  db.close();
  return row.total;
}

/** A village of the county that reported for the period, with its current return. */
function someReturn() {
  const db = openSampleDatabase(server.persistTo);
  const row = db
    .prepare(
      `SELECT village_code, total, operating, contracting, investment, subsidy, other FROM income_returns
       WHERE village_code LIKE '4504221%' AND village_code <> '450422104211' AND period = ?1
         AND superseded_at IS NULL ORDER BY village_code LIMIT 1`,
    )
    .get(PERIOD) as Record<string, number | string>;
  const release = db.prepare("SELECT id FROM releases WHERE period = ?1").get(PERIOD) as {
    id: number;
  };
  db.close();
  return { row, releaseId: release.id };
}

describe("an editor: upload → draft → preview → publish", () => {
  it("signs in with password and authenticator code", async () => {
    const editor = SAMPLE_ACCOUNTS.find((a) => a.role === "editor")!;
    await page.goto(`${base}/admin/login`);
    expect(await axeFindings(page), "/admin/login").toEqual([]);
    for (let tries = 0; tries < 2; tries++) {
      await page.fill("input[name=email]", editor.email);
      await page.fill("input[name=password]", SAMPLE_PASSWORD);
      await page.fill("input[name=code]", await totp(fromBase32(editor.totp), Date.now() / 1000));
      await page.click(".login button[type=submit]");
      await page.waitForURL(`${base}/admin`, { timeout: 5_000 }).catch(() => undefined);
      if (page.url() === `${base}/admin`) break;
      // Another test used this half-minute's code (each works once): the next one.
      await untilNextTotpStep();
      await page.goto(`${base}/admin/login`);
    }
    expect(page.url()).toBe(`${base}/admin`);
    expect(await page.textContent(".admin-nav")).toContain("编辑（样例）");
  });

  it("the back office's pages have no WCAG 2.2 AA violations (axe-core)", async () => {
    for (const path of ["/admin", "/admin/upload", "/admin/bulletins", "/admin/account"]) {
      const response = await page.goto(`${base}${path}`, { waitUntil: "load" });
      expect(response?.status(), path).toBe(200);
      expect(await axeFindings(page), path).toEqual([]);
    }
  });

  let frozen: number;

  it("uploads a revised return: the dry run shows old → new, the commit writes it", async () => {
    frozen = countyTotal(FROZEN_AT);
    const { row } = someReturn();
    const newTotal = Number(row.total) + 10_000;
    const csv =
      "村代码,统计期,合计,经营收入,发包及上交收入,投资收益,补助收入,其他收入,说明\r\n" +
      `${row.village_code},${PERIOD},${newTotal},${Number(row.operating) + 10_000},${row.contracting},${row.investment},${row.subsidy},${row.other},补报合作社分红\r\n`;
    const file = join(tmpdir(), `ledger-upload-${Date.now()}.csv`);
    writeFileSync(file, csv);

    const liveBefore = countyTotal(null);
    await page.goto(`${base}/admin/upload`);
    await page.setInputFiles("input[type=file]", file);
    await page.click("button[type=submit][value=dry]");
    await page.waitForSelector("#upload-summary");
    expect(await page.textContent("#upload-summary")).toContain("修订 1 行");
    expect(await page.textContent("#report table")).toContain(String(newTotal));
    expect(countyTotal(null)).toBe(liveBefore); // the dry run wrote nothing

    await page.click("#commit");
    await page.waitForFunction(() =>
      document.querySelector("#upload-status")?.textContent?.includes("已写入"),
    );
    expect(countyTotal(null)).toBe(liveBefore + 10_000);
    // The release's frozen figure did not move.
    expect(countyTotal(FROZEN_AT)).toBe(frozen);
  });

  it("uploads a LibreOffice-made XLSX of 300 returns: the report names the sheet and lists every row", async () => {
    const file = "tests/fixtures/uploads/bench/county-300.xlsx";
    await page.goto(`${base}/admin/upload`);
    await page.setInputFiles("input[type=file]", file);
    await page.click("button[type=submit][value=dry]");
    await page.waitForSelector("#upload-summary");
    expect(await page.textContent("#upload-sheet")).toBe("已读取工作表“county-300”。");
    expect(await page.textContent("#upload-summary")).toContain("共 300 行");
    // Every row as it will be stored: the first one as LibreOffice wrote it.
    const first = await page.$$eval("#upload-stored tbody tr:first-child td", (tds) =>
      tds.map((td) => td.textContent),
    );
    expect(first.slice(0, 10)).toEqual([
      "2",
      "450422100201",
      "2025-01",
      "17600",
      "8000",
      "5000",
      "1200",
      "3000",
      "400",
      expect.any(String),
    ]);
    expect(await page.$$eval("#upload-stored tbody tr", (trs) => trs.length)).toBe(300);
    // 确认写入 writes only what was checked: another file (or kind) disables it until checked.
    expect(await page.isEnabled("#commit")).toBe(true);
    await page.setInputFiles("input[type=file]", "tests/fixtures/uploads/lo-sheets.xlsx");
    expect(await page.isDisabled("#commit")).toBe(true);
    expect(await page.$eval("#commit", (b) => getComputedStyle(b).cursor)).toBe("not-allowed");
  });

  it("a workbook with two visible sheets: the clerk sees which was read and can pick the other", async () => {
    await page.goto(`${base}/admin/upload`);
    expect(await page.isHidden("#sheet-choice")).toBe(true);
    await page.setInputFiles("input[type=file]", "tests/fixtures/uploads/lo-sheets.xlsx");
    await page.click("button[type=submit][value=dry]");
    await page.waitForSelector("#upload-sheet");
    expect(await page.textContent("#upload-sheet")).toContain("已读取工作表“10月”");
    expect(await page.isVisible("#sheet-choice")).toBe(true);
    // The hidden tab (9月) is not offered.
    expect(await page.$$eval("#sheet option", (os) => os.map((o) => o.textContent))).toEqual([
      "10月",
      "代码表",
    ]);
    await page.selectOption("#sheet", "代码表");
    await page.click("button[type=submit][value=dry]");
    await page.waitForFunction(() =>
      document.querySelector("#upload-sheet")?.textContent?.includes("“代码表”"),
    );
    // 代码表 is a list of codes, not returns: refused, naming the sheet in each message.
    expect(await page.textContent("#upload-status")).toContain("工作表“代码表”表头");
  });

  it("enters a new project: the dry run gives its number, the commit creates it", async () => {
    const title = `黎寨村冷链仓储中心${Date.now() % 10_000}`;
    const csv =
      "地区代码,项目名称,类别,后盾单位,批次,开工日期,计划完工日期,计划投资\r\n" +
      `450422104211,${title},产业,市供销社,,2026-12-01,2027-09-30,800000\r\n`;
    const file = join(tmpdir(), `ledger-new-projects-${Date.now()}.csv`);
    writeFileSync(file, csv);
    const project = () => {
      const db = openSampleDatabase(server.persistTo);
      const row = db
        .prepare("SELECT id, status, budget FROM projects WHERE title = ?1")
        .get(title) as { id: number; status: string; budget: number } | undefined;
      db.close();
      return row;
    };

    await page.goto(`${base}/admin/upload`);
    await page.selectOption("#kind", "new-projects");
    await page.setInputFiles("input[type=file]", file);
    await page.click("button[type=submit][value=dry]");
    await page.waitForSelector("#upload-summary");
    expect(await page.textContent("#upload-summary")).toContain("将新建 1 项");
    const shown = await page.textContent("#report table");
    expect(shown).toContain(title);
    expect(project()).toBeUndefined(); // the dry run wrote nothing

    await page.click("#commit");
    await page.waitForFunction(() =>
      document.querySelector("#upload-status")?.textContent?.includes("已写入"),
    );
    const created = project();
    expect(created).toMatchObject({ status: "planned", budget: 800_000 });
    // The number the dry run announced is the one it got.
    expect(shown).toContain(String(created!.id));
  });

  let bulletinUrl = "";

  it("drafts a bulletin and previews it exactly as it will appear, with no script getting in", async () => {
    const { releaseId } = someReturn();
    await page.goto(`${base}/admin/bulletins`);
    await page.selectOption("select[name=release_id]", String(releaseId));
    await page.fill("input[name=title]", "藤县2026年10月进度表");
    await page.fill("input[name=region_code]", COUNTY);
    await page.fill(
      "textarea[name=narrative_md]",
      "**加快**进度。<script>window.__xss = 1</script>",
    );
    await Promise.all([
      page.waitForURL(/\/admin\/bulletins\/\d+$/),
      page.click("#bulletin-form button[type=submit]"),
    ]);
    bulletinUrl = page.url();
    expect(await page.getAttribute("#bulletin-status", "data-status")).toBe("draft");
    const shown = await page.getAttribute('.frame [data-indicator="income_total"]', "data-value");
    expect(Number(shown)).toBe(frozen);
    expect(await page.textContent(".frame .narrative")).toContain(
      "<script>window.__xss = 1</script>",
    );
    expect(
      await page.evaluate(() => (window as unknown as { __xss?: number }).__xss),
    ).toBeUndefined();
    expect(await page.innerHTML(".frame .narrative strong")).toBe("加快");
  });

  it("publishes it; the public page shows the frozen figures, the API the revised ones", async () => {
    await page.click("form[data-api$='/publish'] button");
    await page.waitForFunction(
      () => document.querySelector("#bulletin-status")?.getAttribute("data-status") === "published",
    );
    const id = bulletinUrl.split("/").at(-1);
    const response = await page.goto(`${base}/bulletins/${id}`);
    expect(response?.status()).toBe(200);
    expect(await page.textContent("h1")).toBe("藤县2026年10月进度表");
    expect(Number(await page.getAttribute('[data-indicator="income_total"]', "data-value"))).toBe(
      frozen,
    );
    const api = (await (
      await fetch(`${base}/api/v1/regions/${COUNTY}/summary?period=${PERIOD}`)
    ).json()) as {
      indicators: { income_total: { value: number } };
    };
    expect(api.indicators.income_total.value).toBe(countyTotal(null));
    expect(api.indicators.income_total.value).not.toBe(frozen);
  });
});

describe("accounts: an administrator resets a clerk's password; the clerk must change it", () => {
  const admin = SAMPLE_ACCOUNTS.find((a) => a.role === "admin")!;
  const clerk = SAMPLE_ACCOUNTS.find((a) => a.role === "clerk")!;
  let oneTime = "";
  let secret = "";

  async function signInOn(p: Page, email: string, password: string, code: string, then: string) {
    await p.goto(`${base}/admin/login`);
    await p.fill("input[name=email]", email);
    await p.fill("input[name=password]", password);
    await p.fill("input[name=code]", code);
    await Promise.all([p.waitForURL(then), p.click(".login button[type=submit]")]);
  }

  it("the administrator sees the one-time password and the new authenticator's QR code once", async () => {
    const p = await browser.newPage();
    p.on("dialog", (dialog) => void dialog.accept());
    await signInOn(
      p,
      admin.email,
      SAMPLE_PASSWORD,
      await totp(fromBase32(admin.totp), Date.now() / 1000),
      `${base}/admin`,
    );
    await p.goto(`${base}/admin/users`);
    const row = p.locator("tr", { hasText: clerk.email });
    await row.locator("form[data-api$='/password-reset'] button").click();
    oneTime = (await row.locator("[data-credential=one_time_password]").textContent()) ?? "";
    expect(oneTime).toMatch(/^[A-Za-z2-9]{4}(-[A-Za-z2-9]{4}){3}$/);

    await row.locator("form[data-api$='/totp-reset'] button").click();
    const img = row.locator("img.totp-qr");
    await img.waitFor();
    secret = (await row.locator("[data-credential=totp_secret]").textContent()) ?? "";
    expect(await row.locator("[data-credential=totp_uri]").textContent()).toBe(
      totpUri(secret, clerk.email),
    );
    // The server's SVG, shown as an image that the browser could draw.
    expect(await img.getAttribute("src")).toMatch(/^data:image\/svg\+xml;charset=utf-8,%3Csvg/);
    expect(await img.evaluate((i: HTMLImageElement) => i.complete && i.naturalWidth > 0)).toBe(
      true,
    );
    // Reloaded, the page shows neither again.
    await p.reload();
    expect(await p.content()).not.toContain(oneTime);
    expect(await p.content()).not.toContain(secret);
    await p.close();
  });

  it("the clerk can reach only the password change until they have changed it", async () => {
    const p = await browser.newPage();
    const now = Date.now() / 1000;
    // /admin sends a user who must change the password on to the account page.
    await signInOn(
      p,
      clerk.email,
      oneTime,
      await totp(fromBase32(secret), now),
      `${base}/admin/account`,
    );
    expect(await p.locator("#must-change").isVisible()).toBe(true);
    expect(await p.locator(".admin-nav a").allTextContents()).toEqual(["我的账号"]);
    await p.goto(`${base}/admin/upload`);
    expect(p.url()).toBe(`${base}/admin/account`);

    // A mismatch is refused with a Chinese reason, in the page.
    await p.fill("input[name=current_password]", oneTime);
    await p.fill("input[name=new_password]", "藤县填报员的新密码2026");
    await p.fill("input[name=new_password_repeat]", "藤县填报员的新密码2027");
    await p.fill("input[name=code]", await totp(fromBase32(secret), now + 30));
    await p.click("#password-form button[type=submit]");
    await p.waitForSelector("#password-form [role=status].error");
    expect(await p.textContent("#password-form [role=status]")).toContain("两次输入的新密码不一致");

    await p.fill("input[name=new_password_repeat]", "藤县填报员的新密码2026");
    await Promise.all([
      p.waitForURL(`${base}/admin/account?changed=1`),
      p.click("#password-form button[type=submit]"),
    ]);
    expect(await p.textContent("#password-changed")).toContain("密码已修改");
    await p.goto(`${base}/admin/upload`);
    expect(p.url()).toBe(`${base}/admin/upload`);
    expect(await p.locator(".admin-nav a").allTextContents()).toContain("上传月报数据");
    await p.close();
  });
});
