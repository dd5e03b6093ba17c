/**
 * The public release calendar, its iCalendar file, the bulletins, their feed, over real
 * HTTP against the built Worker and the sample data. Figures on a bulletin are checked
 * against plain SQL over the raw returns as of the release's freeze moment.
 */
import type { DatabaseSync } from "node:sqlite";
import { beforeAll, describe, expect, inject, it } from "vitest";
import { openSampleDatabase } from "../support/sample-db.ts";

const base = inject("baseUrl");
let db: DatabaseSync;
beforeAll(() => {
  db = openSampleDatabase();
});

async function get(path: string) {
  const response = await fetch(`${base}${path}`);
  return {
    status: response.status,
    type: response.headers.get("content-type") ?? "",
    text: await response.text(),
  };
}

describe("/calendar", () => {
  it("lists the next 12 months, with the moved date's reason and the cancellation notice", async () => {
    const { status, text } = await get("/calendar");
    expect(status).toBe(200);
    const rows = [...text.matchAll(/data-release="(\d{4}-\d{2})" data-status="(\w+)"/g)].map(
      (m) => [m[1], m[2]],
    );
    const upcoming = rows.filter(([, s]) => s !== "published");
    expect(upcoming.map(([p]) => p)).toEqual([
      "2026-11",
      "2026-12",
      "2027-01",
      "2027-02",
      "2027-03",
      "2027-04",
      "2027-05",
      "2027-06",
      "2027-07",
      "2027-08",
      "2027-09",
      "2027-10",
    ]);
    expect(Object.fromEntries(upcoming)).toMatchObject({
      "2026-11": "confirmed",
      "2027-02": "cancelled",
      "2027-03": "provisional",
    });
    expect(rows.filter(([, s]) => s === "published")).toHaveLength(70); // 2021-01 … 2026-10
    expect(text).toContain("原定 2027年2月20日 10:00，改为 2027年2月24日 10:00。原因：春节假期");
    expect(text).toContain("2027年2月数据与3月合并");
  });

  it("/calendar.ics is an iCalendar file with tentative, confirmed and cancelled events", async () => {
    const { status, type, text } = await get("/calendar.ics");
    expect(status).toBe(200);
    expect(type).toContain("text/calendar");
    expect(text.startsWith("BEGIN:VCALENDAR\r\n")).toBe(true);
    const events = text.split("BEGIN:VEVENT").slice(1);
    expect(events.length).toBe(12 + 24);
    const unfolded = text.replace(/\r\n /g, "");
    expect(unfolded).toContain("DTSTART:20261220T020000Z");
    expect(unfolded).toMatch(/STATUS:CANCELLED/);
    expect(unfolded).toMatch(/STATUS:TENTATIVE/);
    expect(unfolded).toContain("DTSTART:20270224T020000Z"); // the moved date
  });
});

/** Plain SQL: the 4504 figures of 2026-10 as of the release's freeze moment. */
function frozenFigures(code: string, period: string, at: string) {
  const rows = db
    .prepare(
      `SELECT i.total FROM income_returns i JOIN regions r ON r.code = i.village_code
       WHERE r.kind = 'village_committee' AND substr(i.village_code, 1, length(?1)) = ?1 AND i.period = ?2
         AND i.recorded_at <= ?3 AND (i.superseded_at IS NULL OR i.superseded_at > ?3)`,
    )
    .all(code, period, at) as { total: number }[];
  const totals = rows.map((r) => r.total);
  return {
    income_total: totals.reduce((a, b) => a + b, 0),
    share_ge_10w: totals.filter((t) => t >= 100_000).length / totals.length,
    weak_villages: totals.filter((t) => t < 50_000).length,
  };
}

describe("/bulletins", () => {
  it("lists the published bulletins and not the one scheduled for later", async () => {
    const { status, text } = await get("/bulletins");
    expect(status).toBe(200);
    const ids = [...text.matchAll(/data-bulletin="(\d+)"/g)].map((m) => Number(m[1]));
    expect(ids).toEqual(expect.arrayContaining([1, 2, 3]));
    expect(ids).not.toContain(4);
  });

  it("a bulletin scheduled for later is not reachable before its time", async () => {
    const scheduled = db.prepare("SELECT status, publish_at FROM bulletins WHERE id = 4").get() as {
      status: string;
      publish_at: string;
    };
    expect(scheduled.status).toBe("scheduled");
    expect(scheduled.publish_at > new Date().toISOString()).toBe(true);
    const { status, text } = await get("/bulletins/4");
    expect(status).toBe(404);
    expect(text).toContain("可能尚未到发布时间");
    expect((await get("/bulletins/abc")).status).toBe(400);
  });

  it("shows headline figures equal to the data as frozen at publication, and its correction", async () => {
    const { status, text } = await get("/bulletins/2");
    expect(status).toBe(200);
    const values = new Map(
      [...text.matchAll(/data-indicator="(\w+)" data-value="([^"]*)"/g)].map((m) => [
        m[1],
        Number(m[2]),
      ]),
    );
    const expected = frozenFigures("4504", "2026-10", "2026-11-20T02:00:00Z");
    expect(values.get("income_total")).toBe(expected.income_total);
    expect(values.get("weak_villages")).toBe(expected.weak_villages);
    expect(values.get("share_ge_10w")).toBeCloseTo(expected.share_ge_10w, 12);
    expect(text).toContain("更正（2026年11月21日 10:00）");
    expect(text).toContain("原因：文字笔误");
    expect(text).toContain("提醒函");
    expect(text).toContain('href="/methodology"'); // Markdown link rendered
  });

  it("/bulletins/feed.xml is an Atom feed of the published bulletins", async () => {
    const { status, type, text } = await get("/bulletins/feed.xml");
    expect(status).toBe(200);
    expect(type).toContain("application/atom+xml");
    expect(text).toContain('<feed xmlns="http://www.w3.org/2005/Atom"');
    expect(text).toContain(`<id>${base}/bulletins/2</id>`);
    expect(text).not.toContain(`<id>${base}/bulletins/4</id>`);
  });

  it("moves a corrected bulletin's <updated> to its correction and says so", async () => {
    const { text } = await get("/bulletins/feed.xml");
    const entry = (id: number) =>
      text.split("<entry>").find((e) => e.includes(`<id>${base}/bulletins/${id}</id>`)) ?? "";
    // Bulletin 2 has the sample's correction (2026-11-21 02:00 UTC); bulletin 3 has none.
    expect(entry(2)).toContain("<updated>2026-11-21T02:00:00Z</updated>");
    expect(entry(2)).toMatch(/<summary>[^<]*更正[^<]*<\/summary>/);
    expect(entry(2)).not.toMatch(/<published>2026-11-21/);
    const three = entry(3);
    expect(three.match(/<published>(.*)<\/published>/)?.[1]).toBe(
      three.match(/<updated>(.*)<\/updated>/)?.[1],
    );
    expect(three).not.toContain("更正");
    expect(text.match(/<feed[^]*?<updated>(.*?)<\/updated>/)?.[1]).toBe("2026-11-21T02:00:00Z");
  });
});

describe("/releases/{period}", () => {
  it("lists the release's published bulletins", async () => {
    const { status, text } = await get("/releases/2026-10");
    expect(status).toBe(200);
    expect(text).toContain('href="/bulletins/2"');
    expect(text).toContain('href="/bulletins/3"');
  });
});

describe("the back office refuses strangers", () => {
  it("sends anonymous visitors to sign in and the API answers 401", async () => {
    const page = await fetch(`${base}/admin/bulletins`, { redirect: "manual" });
    expect(page.status).toBe(302);
    expect(page.headers.get("location")).toContain("/admin/login");
    const api = await fetch(`${base}/api/admin/bulletins`);
    expect(api.status).toBe(401);
    expect(api.headers.get("content-type")).toContain("application/problem+json");
  });
});
