/**
 * 报送及时率 on region pages and in the league table, against punctuality recomputed here
 * from the sample's raw returns: each village's earliest recorded_at for the period, as a
 * China date, against the 10th of the following month.
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

interface Recomputed {
  villages: number;
  onTime: number;
  late: number;
  daysLate: number;
}

/** The 10th of the month after `period`, as YYYY-MM-DD. */
function deadline(period: string): string {
  const [y, m] = period.split("-").map(Number) as [number, number];
  const next = new Date(Date.UTC(y, m, 10)); // month m (0-based) is the following month
  return next.toISOString().slice(0, 10);
}

function recompute(code: string, period: string): Recomputed {
  const rows = db
    .prepare(
      `SELECT r.code, (SELECT min(i.recorded_at) FROM income_returns i
                        WHERE i.village_code = r.code AND i.period = ?2) AS first
         FROM regions r WHERE r.kind = 'village_committee' AND r.code LIKE ?1 || '%'`,
    )
    .all(code, period) as { code: string; first: string | null }[];
  const due = deadline(period);
  const out = { villages: rows.length, onTime: 0, late: 0, daysLate: 0 };
  for (const { first } of rows) {
    if (first === null) continue;
    const day = new Date(Date.parse(first) + 8 * 3_600_000).toISOString().slice(0, 10);
    if (day <= due) out.onTime += 1;
    else {
      out.late += 1;
      out.daysLate += (Date.parse(day) - Date.parse(due)) / 86_400_000;
    }
  }
  return out;
}

/** The headline card of the indicator: its raw value and its text. */
function card(html: string): { raw: string; text: string } {
  const match =
    /<li class="figure-card" data-indicator="reported_on_time" data-value="([^"]*)">([\s\S]*?)<\/li>/.exec(
      html,
    );
  expect(match, "the 报送及时率 card").not.toBeNull();
  const text = (match?.[2] ?? "")
    .replace(/<[^>]+>/g, " ")
    .replace(/\s+/g, " ")
    .trim();
  return { raw: match?.[1] ?? "", text };
}

describe("region pages", () => {
  const period = "2025-06";
  for (const code of ["45", "450422", "450422104"]) {
    it(`/r/${code}?period=${period} shows on time, late and missing as recomputed`, async () => {
      const r = recompute(code, period);
      expect(r.late, "the sample has late filers in this period").toBeGreaterThan(0);
      const html = await (await fetch(`${base}/r/${code}?period=${period}`)).text();
      const { raw, text } = card(html);
      expect(Number(raw)).toBeCloseTo(r.onTime / r.villages, 12);
      const missing = r.villages - r.onTime - r.late;
      const mean = r.daysLate / r.late;
      const days = Number.isInteger(mean) ? String(mean) : mean.toFixed(1);
      expect(text).toContain(
        `按时 ${r.onTime.toLocaleString("en")} / ${r.villages.toLocaleString("en")} 个村`,
      );
      expect(text).toContain(`迟报 ${r.late} 个，平均迟 ${days}天`);
      expect(text).toContain(`未报 ${missing} 个`);
    });
  }

  it("a village filed late says by how many days; one on time says so", async () => {
    const rows = db
      .prepare(
        `SELECT village_code AS code, min(recorded_at) AS first FROM income_returns
          WHERE village_code LIKE '450422%' AND period = ?1 GROUP BY village_code`,
      )
      .all(period) as { code: string; first: string }[];
    const due = deadline(period);
    const china = (at: string) =>
      new Date(Date.parse(at) + 8 * 3_600_000).toISOString().slice(0, 10);
    const late = rows.find((r) => china(r.first) > due);
    const onTime = rows.find((r) => china(r.first) <= due);
    if (!late || !onTime) throw new Error("the sample should have both in 藤县");
    const days = (Date.parse(china(late.first)) - Date.parse(due)) / 86_400_000;
    const lateCard = card(await (await fetch(`${base}/r/${late.code}?period=${period}`)).text());
    expect(lateCard.text).toContain(`迟报 ${days}天`);
    expect(lateCard.raw).toBe("0");
    const onTimeCard = card(
      await (await fetch(`${base}/r/${onTime.code}?period=${period}`)).text(),
    );
    expect(onTimeCard.text).toContain("按时");
    expect(onTimeCard.raw).toBe("1");
  });

  it("the English page says it in English", async () => {
    const r = recompute("450422", period);
    const { text } = card(await (await fetch(`${base}/en/r/450422?period=${period}`)).text());
    expect(text).toContain(`${r.onTime} / ${r.villages} villages on time`);
    expect(text).toContain(`${r.late} late by`);
  });
});

describe("league table", () => {
  it("ranks 藤县's townships by the share of villages on time", async () => {
    const period = "2025-06";
    const response = await fetch(
      `${base}/api/v1/rankings?level=township&indicator=reported_on_time&period=${period}&within=450422`,
    );
    const body = (await response.json()) as {
      rows: { region: { code: string }; value: { value: number | null } }[];
    };
    expect(body.rows.length).toBeGreaterThan(5);
    for (const row of body.rows) {
      const r = recompute(row.region.code, period);
      if (r.villages === 0) {
        expect(row.value.value).toBeNull();
        continue;
      }
      expect(row.value.value, row.region.code).toBeCloseTo(r.onTime / r.villages, 12);
    }
    const values = body.rows.flatMap((r) => (r.value.value === null ? [] : [r.value.value]));
    expect(values).toEqual([...values].sort((a, b) => b - a));
  });
});
