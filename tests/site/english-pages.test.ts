/**
 * English versions of the calendar and bulletins: each answers in English and shows the
 * same releases, statuses, dates and figures as its Chinese page, over real HTTP.
 */
import { describe, expect, inject, it } from "vitest";

const base = inject("baseUrl");

async function get(path: string) {
  const response = await fetch(`${base}${path}`);
  return { status: response.status, text: await response.text() };
}

const calendarRows = (html: string) =>
  [...html.matchAll(/data-release="(\d{4}-\d{2})" data-status="(\w+)"/g)].map((m) => [m[1], m[2]]);

describe("/en/calendar", () => {
  it("lists the same release periods and statuses as /calendar, in English", async () => {
    const [zh, en] = await Promise.all([get("/calendar"), get("/en/calendar")]);
    expect(en.status).toBe(200);
    expect(en.text).toContain('<html lang="en"');
    expect(calendarRows(en.text)).toEqual(calendarRows(zh.text));
    expect(calendarRows(en.text).length).toBeGreaterThan(12);
    // The moved date of 2027-02 (20 → 24 Feb, 10:00 China time) with its reason, as in Chinese.
    expect(zh.text).toContain("原定 2027年2月20日 10:00，改为 2027年2月24日 10:00。");
    expect(en.text).toContain(
      "Moved from 20 Feb 2027, 10:00 Beijing time to 24 Feb 2027, 10:00 Beijing time.",
    );
    expect(en.text).toContain("春节假期");
    // Each row's status cell names the status its data attribute carries, in English.
    const names: Record<string, string> = {
      provisional: "Provisional",
      confirmed: "Confirmed",
      published: "Published",
      cancelled: "Cancelled",
    };
    const cells = [
      ...en.text.matchAll(
        /data-status="(\w+)"[^>]*>(?:<td[^>]*>.*?<\/td>){2}<td[^>]*>(.*?)<\/td>/g,
      ),
    ];
    expect(cells.length).toBe(calendarRows(en.text).length);
    for (const [, status, shown] of cells) expect(shown, status).toBe(names[status as string]);
    expect(en.text).not.toContain("已确认");
    // Every release link leads to a page that exists.
    const links = [...en.text.matchAll(/href="((?:\/en)?\/releases\/[\d-]+)"/g)].map((m) => m[1]);
    expect(links.length).toBeGreaterThan(0);
    expect((await fetch(`${base}${links[0]}`)).status).toBe(200);
  });
});

describe("/en/bulletins", () => {
  it("lists the same published bulletins as /bulletins", async () => {
    const [zh, en] = await Promise.all([get("/bulletins"), get("/en/bulletins")]);
    const ids = (html: string) => [...html.matchAll(/data-bulletin="(\d+)"/g)].map((m) => m[1]);
    expect(en.status).toBe(200);
    expect(en.text).toContain('<html lang="en"');
    expect(ids(en.text)).toEqual(ids(zh.text));
    expect(ids(en.text)).not.toContain("4");
    expect(en.text).toContain('href="/en/bulletins/2"');
    expect(en.text).toContain('href="/en/calendar"');
  });

  it("a bulletin shows the same headline figures and publication time as its Chinese version", async () => {
    const [zh, en] = await Promise.all([get("/bulletins/2"), get("/en/bulletins/2")]);
    expect(en.status).toBe(200);
    expect(en.text).toContain('<html lang="en"');
    const figures = (html: string) =>
      [...html.matchAll(/data-indicator="(\w+)" data-value="([^"]*)"/g)].map((m) => [m[1], m[2]]);
    expect(figures(en.text).length).toBeGreaterThan(0);
    expect(figures(en.text)).toEqual(figures(zh.text));
    const zhTime = zh.text.match(/发布时间：(\d{4})年(\d{1,2})月(\d{1,2})日 (\d{2}:\d{2})/);
    expect(zhTime).not.toBeNull();
    const [, year, month, day, time] = zhTime as RegExpMatchArray;
    const monthName = new Date(Date.UTC(2000, Number(month) - 1)).toLocaleString("en-GB", {
      month: "short",
      timeZone: "UTC",
    });
    expect(en.text).toContain(`Published: ${day} ${monthName} ${year}, ${time} Beijing time`);
    expect(en.text).toContain('<div lang="zh-CN"');
  });

  it("an unknown or unpublished bulletin gives an English 404, a bad number a 400", async () => {
    const unpublished = await get("/en/bulletins/4");
    expect(unpublished.status).toBe(404);
    expect(unpublished.text).toContain("Bulletin not found");
    expect(unpublished.text).toContain("No published bulletin has the number 4");
    expect((await get("/en/bulletins/999999")).status).toBe(404);
    const bad = await get("/en/bulletins/abc");
    expect(bad.status).toBe(400);
    expect(bad.text).toContain("is not a valid bulletin number");
  });
});

describe("/en/data", () => {
  it("lists the same datasets and download links as /data, in English", async () => {
    const [zh, en] = await Promise.all([get("/data"), get("/en/data")]);
    const datasets = (html: string) =>
      [...html.matchAll(/<section class="dataset" id="([\w-]+)"/g)].map((m) => m[1]);
    const downloads = (html: string) =>
      [...html.matchAll(/href="([^"]+)"[^>]*data-download="([\w-]+)"/g)].map((m) => [m[2], m[1]]);
    expect(en.status).toBe(200);
    expect(en.text).toContain('<html lang="en"');
    expect(datasets(en.text).length).toBeGreaterThan(5);
    expect(datasets(en.text)).toEqual(datasets(zh.text));
    expect(downloads(en.text).length).toBeGreaterThan(datasets(en.text).length);
    expect(downloads(en.text)).toEqual(downloads(zh.text));
    expect(en.text).toContain("Open data</h1>");
    expect(en.text).toContain("Field definitions (");
    expect(en.text).toContain(">Download CSV</button>");
    expect(en.text).not.toContain("下载 CSV");
    // The data dictionary is in English: names, definitions, units and schedules.
    const members = en.text.match(/<code[^>]*>members<\/code><\/th>(.*?)<\/tr>/s);
    expect(members).not.toBeNull();
    const cells = [...(members as RegExpMatchArray)[1].matchAll(/<td[^>]*>(.*?)<\/td>/gs)];
    expect(cells.map((c) => c[1]?.trim())).toEqual([
      "Members",
      "Integer",
      "people",
      "Number of team members (including the first secretary).",
    ]);
    expect(zh.text).toContain("工作队人数（含第一书记）。");
    expect(en.text).not.toContain("工作队人数");
    expect(en.text).toContain("Updated whenever areas report.");
    expect(en.text).toContain("from/to=YYYY-MM, by month raised (raised_on)");
    const dictionary = [...en.text.matchAll(/<table[^>]* data-fields=.*?<\/table>/gs)];
    expect(dictionary.length).toBe(datasets(en.text).length);
    for (const [table] of dictionary) {
      expect(table).not.toContain('lang="zh-CN"');
      expect(table).not.toMatch(/\p{Script=Han}/u);
    }
    // The latest release is linked in English, and that page exists.
    const release = en.text.match(/href="(\/en\/releases\/\d{4}-\d{2})"/);
    expect(release).not.toBeNull();
    expect((await fetch(`${base}${(release as RegExpMatchArray)[1]}`)).status).toBe(200);
  });
});

describe("/en/releases/{period}", () => {
  // Village, period, field and the old and new amounts (digits only) of every revised figure.
  const revisions = (html: string) =>
    [
      ...html.matchAll(
        /data-village="(\d+)" data-period="([\d-]+)" data-field="(\w+)"[^>]*>.*?<\/th>(?:<td[^>]*>[^<]*<\/td>){2}<td[^>]*>([^<]*)<\/td><td[^>]*>([^<]*)<\/td>/gs,
      ),
    ].map(([, village, period, field, from, to]) => [
      village,
      period,
      field,
      (from as string).replace(/[^\d-]/g, ""),
      (to as string).replace(/[^\d-]/g, ""),
    ]);

  it("/en/releases/2026-10 lists the same changed values as the Chinese page", async () => {
    const [zh, en] = await Promise.all([get("/releases/2026-10"), get("/en/releases/2026-10")]);
    expect(en.status).toBe(200);
    expect(en.text).toContain('<html lang="en"');
    expect(en.text).toContain("Changes since the previous release");
    expect(revisions(zh.text).length).toBeGreaterThan(0);
    expect(revisions(en.text)).toEqual(revisions(zh.text));
    const count = zh.text.match(/共更正 (\d+) 份月报、(\d+) 个数字/);
    expect(count).not.toBeNull();
    const [, returns, figures] = count as RegExpMatchArray;
    expect(Number(figures)).toBe(revisions(zh.text).length);
    // One return, one figure: English counts take the singular.
    const counted = (n: string, noun: string) => `${n} ${n === "1" ? noun : `${noun}s`}`;
    expect(en.text).toContain(
      `${counted(returns, "return")} revised, ${counted(figures, "figure")} in all.`,
    );
    expect(en.text).not.toMatch(/\b1 (returns|figures)\b/);
    expect(en.text).not.toContain("更正的数字");
  });

  it("an unknown release gives an English 404, a bad period a 400", async () => {
    const missing = await get("/en/releases/2099-01");
    expect(missing.status).toBe(404);
    expect(missing.text).toContain('<html lang="en"');
    expect(missing.text).toContain("Release not found");
    expect(missing.text).toContain("The data for Jan 2099 has not been published yet.");
    const bad = await get("/en/releases/2026-13");
    expect(bad.status).toBe(400);
    expect(bad.text).toContain("is not a valid period");
  });
});
