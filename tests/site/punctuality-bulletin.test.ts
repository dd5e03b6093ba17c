/**
 * 报送及时率 in the bulletins' 提醒函, the open data and the methodology page, against the
 * sample's raw returns read here with plain SQL: each village's earliest recorded_at for
 * the period among the rows recorded by the release's freeze moment, as a China date,
 * against the 10th of the following month.
 */
import type { DatabaseSync } from "node:sqlite";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { openSampleDatabase } from "../support/sample-db.ts";

const base = inject("baseUrl");
let db: DatabaseSync;

beforeAll(() => {
  db = openSampleDatabase();
});
afterAll(() => db?.close());

/** The 10th of the month after `period`, as YYYY-MM-DD. */
function deadline(period: string): string {
  const [y, m] = period.split("-").map(Number) as [number, number];
  return new Date(Date.UTC(y, m, 10)).toISOString().slice(0, 10);
}

const chinaDay = (at: string) =>
  new Date(Date.parse(at) + 8 * 3_600_000).toISOString().slice(0, 10);

interface Village {
  code: string;
  first: string | null;
}

/** Every village committee under `code` with its first return for `period` recorded by `asOf`. */
function villages(code: string, period: string, asOf: string): Village[] {
  return db
    .prepare(
      `SELECT r.code, (SELECT min(i.recorded_at) FROM income_returns i
                        WHERE i.village_code = r.code AND i.period = ?2
                          AND i.recorded_at <= ?3) AS first
         FROM regions r WHERE r.kind = 'village_committee' AND r.code LIKE ?1 || '%'`,
    )
    .all(code, period, asOf) as unknown as Village[];
}

/** The late villages (latest first, then by code) and the townships worst first, recomputed. */
function expectedReminders(code: string, period: string, asOf: string) {
  const due = deadline(period);
  const all = villages(code, period, asOf);
  const isLate = (v: Village) => v.first !== null && chinaDay(v.first) > due;
  const late = all
    .filter(isLate)
    .sort((a, b) =>
      a.first === b.first
        ? a.code < b.code
          ? -1
          : 1
        : (a.first as string) < (b.first as string)
          ? 1
          : -1,
    )
    .map((v) => ({
      code: v.code,
      days: (Date.parse(chinaDay(v.first as string)) - Date.parse(due)) / 86_400_000,
    }));
  const towns = new Map<string, { code: string; late: number; missing: number }>();
  for (const v of all) {
    const t = towns.get(v.code.slice(0, 9)) ?? { code: v.code.slice(0, 9), late: 0, missing: 0 };
    if (isLate(v)) t.late += 1;
    if (v.first === null) t.missing += 1;
    towns.set(t.code, t);
  }
  const townships = [...towns.values()]
    .filter((t) => t.late + t.missing > 0)
    .sort(
      (a, b) =>
        b.late + b.missing - (a.late + a.missing) ||
        b.missing - a.missing ||
        (a.code < b.code ? -1 : 1),
    );
  return { late, townships };
}

/** What a bulletin's 提醒函 shows: the late list, the township rows and the two headings. */
function shown(html: string) {
  const late = [...html.matchAll(/<li data-village="(\d{12})" data-days-late="(\d+)"[^>]*>/g)].map(
    (m) => ({ code: m[1] as string, days: Number(m[2]) }),
  );
  const townships = [
    ...html.matchAll(/<tr data-code="(\d{9})" data-late="(\d+)" data-missing="(\d+)"[^>]*>/g),
  ].map((m) => ({ code: m[1] as string, late: Number(m[2]), missing: Number(m[3]) }));
  const text = html.replace(/<[^>]+>/g, "").replace(/\s+/g, " ");
  const lateCount = /本期迟报的村（([\d,]+)个）/.exec(text)?.[1];
  const townshipCount = /有迟报、未报村的乡镇（([\d,]+)个）/.exec(text)?.[1];
  return {
    late,
    townships,
    text,
    lateCount: Number(lateCount?.replace(/,/g, "")),
    townshipCount: Number(townshipCount?.replace(/,/g, "")),
  };
}

/** A published bulletin's region, period and freeze moment, as the sample holds them. */
function bulletin(id: number) {
  return db
    .prepare(
      `SELECT b.region_code AS code, b.period, r.published_at AS asOf, b.reminders_json
         FROM bulletins b JOIN releases r ON r.id = b.release_id WHERE b.id = ?1`,
    )
    .get(id) as { code: string; period: string; asOf: string; reminders_json: string | null };
}

describe("the 提醒函 names who was late or missing", () => {
  it("bulletin 1 (梧州市, 2026-09): the late villages and townships as of its release", async () => {
    const b = bulletin(1);
    // Computed when the page is read, as of the release (nothing kept at publication).
    expect(b.reminders_json).toBeNull();
    const expected = expectedReminders(b.code, b.period, b.asOf);
    expect(expected.late.length, "the sample has late filers in 2026-09").toBeGreaterThan(0);
    const response = await fetch(`${base}/bulletins/1`);
    expect(response.status).toBe(200);
    const page = shown(await response.text());
    expect(page.lateCount).toBe(expected.late.length);
    expect(page.late).toEqual(expected.late.slice(0, 50));
    expect(page.townshipCount).toBe(expected.townships.length);
    expect(page.townships).toEqual(expected.townships.slice(0, 50));
    expect(page.text).toContain(`报送截止日：2026年10月10日（北京时间）`);
    // Each late village is named with its days late.
    const [first] = expected.late;
    const name = db.prepare("SELECT name FROM regions WHERE code = ?1").get(first?.code ?? "") as {
      name: string;
    };
    expect(page.text).toContain(`${name.name}（迟${first?.days}天）`);
  });

  it("bulletin 2 (2026-10): nobody filed late yet; townships with missing villages", async () => {
    const b = bulletin(2);
    const expected = expectedReminders(b.code, b.period, b.asOf);
    expect(expected.late).toEqual([]);
    expect(expected.townships.length).toBeGreaterThan(0);
    const page = shown(await (await fetch(`${base}/bulletins/2`)).text());
    expect(page.lateCount).toBe(0);
    expect(page.text).toContain("没有迟报的村。");
    expect(page.townships).toEqual(expected.townships.slice(0, 50));
    expect(page.townships.every((t) => t.late === 0)).toBe(true);
    // The townships' missing villages are those the list of 本期未报送的村 counts.
    const notReporting = /本期未报送的村（([\d,]+)个）/.exec(page.text)?.[1];
    expect(expected.townships.reduce((n, t) => n + t.missing, 0)).toBe(
      Number(notReporting?.replace(/,/g, "")),
    );
  });
});

describe("the reporting-punctuality dataset", () => {
  it("is a resource of the data package with its table schema", async () => {
    const pkg = (await (await fetch(`${base}/data/datapackage.json`)).json()) as {
      resources: {
        name: string;
        path: string;
        schema: {
          fields: { name: string; type: string; constraints?: { required?: boolean } }[];
          primaryKey: string[];
          foreignKeys?: { fields: string[]; reference: { resource?: string } }[];
        };
      }[];
    };
    const resource = pkg.resources.find((r) => r.name === "reporting-punctuality");
    expect(resource).toBeDefined();
    const types = Object.fromEntries(resource?.schema.fields.map((f) => [f.name, f.type]) ?? []);
    expect(types).toEqual({
      region_code: "string",
      region_name: "string",
      level: "string",
      period: "yearmonth",
      deadline: "date",
      villages: "integer",
      on_time: "integer",
      late: "integer",
      missing: "integer",
      days_late: "integer",
      mean_days_late: "number",
      reported_on_time: "number",
    });
    expect(resource?.schema.primaryKey).toEqual(["region_code", "period"]);
    expect(resource?.schema.foreignKeys).toEqual([
      { fields: ["region_code"], reference: { resource: "regions", fields: ["code"] } },
    ]);
    expect(new URL(resource?.path ?? "").pathname).toBe(
      "/api/v1/datasets/reporting-punctuality.csv",
    );
    const html = await (await fetch(`${base}/data`)).text();
    expect(html).toContain('id="reporting-punctuality"');
  });

  it("gives 藤县's townships as recomputed from the returns, as of the 2025-06 release", async () => {
    const period = "2025-06";
    const asOf = (
      db.prepare("SELECT published_at FROM releases WHERE period = ?1").get(period) as {
        published_at: string;
      }
    ).published_at;
    const body = (await (
      await fetch(
        `${base}/api/v1/datasets/reporting-punctuality.json?region=450422&from=${period}&to=${period}&release=${period}`,
      )
    ).json()) as { rows: Record<string, number | string | null>[] };
    expect(body.rows.length).toBeGreaterThan(5);
    let late = 0;
    for (const row of body.rows) {
      const all = villages(row.region_code as string, period, asOf);
      const due = deadline(period);
      const filed = all.filter((v) => v.first !== null);
      const lateOnes = filed.filter((v) => chinaDay(v.first as string) > due);
      late += lateOnes.length;
      expect(row, row.region_code as string).toMatchObject({
        deadline: due,
        villages: all.length,
        on_time: filed.length - lateOnes.length,
        late: lateOnes.length,
        missing: all.length - filed.length,
        days_late: lateOnes.reduce(
          (n, v) => n + (Date.parse(chinaDay(v.first as string)) - Date.parse(due)) / 86_400_000,
          0,
        ),
      });
    }
    expect(late, "the sample has late filers in 藤县 in 2025-06").toBeGreaterThan(0);
  });
});

describe("/methodology explains punctuality", () => {
  for (const [path, words] of [
    ["/methodology", ["报送及时率", "首次报送", "迟报天数", "尚未报送"]],
    ["/en/methodology", ["Returns on time", "first recorded", "not yet due", "days late"]],
  ] as const) {
    it(path, async () => {
      const html = await (await fetch(`${base}${path}`)).text();
      expect(html).toContain('data-indicator="reported_on_time"');
      expect(html).toContain('id="punctuality"');
      expect(html).toContain('href="#punctuality"');
      const section = /<section id="punctuality"[\s\S]*?<\/section>/.exec(html)?.[0] ?? "";
      for (const word of words) expect(section, word).toContain(word);
    });
  }
});
