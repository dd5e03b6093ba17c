/**
 * 报送及时率 in the open data and in the bulletins' 提醒函: returns of 2026-01 filed on
 * time, late, after a release and not at all (rolled up as the app does, at each filing's
 * moment), then the reporting-punctuality dataset, live and as of the release, checked
 * against punctuality recomputed here straight from the returns' recorded times; and the
 * 提醒函's late villages and townships, by hand.
 */
import { env, exports } from "cloudflare:workers";
import { beforeAll, describe, expect, it } from "vitest";
import { parseCsv } from "../../src/lib/csv.ts";
import { findDataset } from "../../src/lib/datasets.ts";
import { XLSX_TYPE } from "../../src/lib/xlsx.ts";
import { computeReminders } from "../../src/services/bulletin-report.ts";
import { file, FILINGS, PERIOD } from "./punctuality-fixture.ts";
import { loadFixture, PERIODS, REGIONS } from "./fixture.ts";

/** The 2026-01 release, frozen after B's late filing and before D's. */
const RELEASE_AT = "2026-02-15T02:00:00Z";

beforeAll(async () => {
  await loadFixture(env.DB);
  await env.DB.batch([
    env.DB.prepare(`UPDATE dataset_meta SET value = ?1 WHERE key = 'latest_period'`).bind(PERIOD),
    env.DB.prepare(
      `INSERT INTO releases (title, period, status, scheduled_at, confirmed_at, published_at, created_at)
       VALUES ('2026年1月', ?1, 'published', ?2, '2026-01-20T00:00:00Z', ?2, '2026-01-01T00:00:00Z')`,
    ).bind(PERIOD, RELEASE_AT),
    // A rollup stored before punctuality was counted: on_time, late and days_late NULL.
    env.DB.prepare(
      `INSERT INTO region_period_stats (region_code, period, villages, reporting, income_total,
         operating, contracting, investment, subsidy, other, income_median, band_zero,
         band_lt_5w, band_5w_10w, band_10w_30w, band_30w_50w, band_50w_100w, band_ge_100w,
         yoy_matched, yoy_current, yoy_previous, valid_from)
       VALUES ('45', '2024-11', 5, 0, 0, 0, 0, 0, 0, 0, NULL, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
         '2025-01-01T00:00:00Z')`,
    ),
  ]);
  for (const [village, at, total] of FILINGS) await file(village, at, total);
});

/** The 10th of the month after `period`, as YYYY-MM-DD. */
function deadlineOf(period: string): string {
  const [y, m] = period.split("-").map(Number) as [number, number];
  return new Date(Date.UTC(y, m, 10)).toISOString().slice(0, 10);
}

const chinaDay = (at: string) =>
  new Date(Date.parse(at) + 8 * 3_600_000).toISOString().slice(0, 10);

/**
 * The dataset's row for `code` and `period` from the village committees under `code` and
 * the earliest recorded_at of each one's returns, among those recorded by `asOf`.
 */
async function recomputed(code: string, period: string, asOf: string | null) {
  const { results } = await env.DB.prepare(
    `SELECT r.code, (SELECT min(i.recorded_at) FROM income_returns i
                      WHERE i.village_code = r.code AND i.period = ?2
                        AND (?3 IS NULL OR i.recorded_at <= ?3)) AS first
       FROM regions r WHERE r.kind = 'village_committee' AND r.code LIKE ?1 || '%'`,
  )
    .bind(code, period, asOf)
    .all<{ code: string; first: string | null }>();
  const deadline = deadlineOf(period);
  let onTime = 0;
  let late = 0;
  let daysLate = 0;
  for (const { first } of results) {
    if (first === null) continue;
    if (chinaDay(first) <= deadline) onTime += 1;
    else {
      late += 1;
      daysLate += (Date.parse(chinaDay(first)) - Date.parse(deadline)) / 86_400_000;
    }
  }
  const villages = results.length;
  const region = REGIONS.find(([c]) => c === code);
  return {
    region_code: code,
    region_name: region?.[1],
    level: region?.[2],
    period,
    deadline,
    villages,
    on_time: onTime,
    late,
    missing: villages - onTime - late,
    days_late: daysLate,
    mean_days_late: late > 0 ? daysLate / late : null,
    reported_on_time: villages > 0 ? onTime / villages : null,
  };
}

type Row = Record<string, string | number | null>;

async function get(path: string) {
  const response = await exports.default.fetch(new Request(`http://ledger.test${path}`));
  expect(response.status, path).toBe(200);
  return response;
}

/** Every area and every period with rollups: the dataset's keys, in key order. */
const AREAS = REGIONS.filter(([, , , kind]) => kind === "area").map(([code]) => code);
const KEYS = AREAS.sort().flatMap((code) => [...PERIODS, PERIOD].map((p) => [code, p] as const));

describe("the reporting-punctuality dataset", () => {
  for (const [label, query, asOf] of [
    ["live", "", null],
    ["as of the release", `&release=${PERIOD}`, RELEASE_AT],
  ] as const) {
    it(`${label}: every row is punctuality recomputed from the recorded times`, async () => {
      const body = (await (
        await get(`/api/v1/datasets/reporting-punctuality.json?limit=1000${query}`)
      ).json()) as { rows: Row[]; next: string | null; release: string };
      expect(body.next).toBeNull();
      expect(body.rows.map((r) => [r.region_code, r.period])).toEqual(KEYS);
      const expected = await Promise.all(KEYS.map(([code, p]) => recomputed(code, p, asOf)));
      expect(body.rows).toEqual(expected);
    });
  }

  it("differs between the release and now only where D filed after the release", async () => {
    const county = async (query: string) =>
      (
        (await (
          await get(
            `/api/v1/datasets/reporting-punctuality.json?region=450422&from=${PERIOD}${query}`,
          )
        ).json()) as { rows: Row[] }
      ).rows.find((r) => r.region_code === "450422");
    // By hand: A on time, B 1 day late, D 10 days late but only after the release, C and E never.
    expect(await county(`&release=${PERIOD}`)).toMatchObject({
      deadline: "2026-02-10",
      villages: 5,
      on_time: 1,
      late: 1,
      missing: 3,
      days_late: 1,
      mean_days_late: 1,
      reported_on_time: 0.2,
    });
    expect(await county("")).toMatchObject({
      on_time: 1,
      late: 2,
      missing: 2,
      days_late: 11,
      mean_days_late: 5.5,
      reported_on_time: 0.2,
    });
  });

  it("leaves out rollups stored before punctuality was counted", async () => {
    const indicators = await (
      await get("/api/v1/datasets/region-indicators.json?region=45&to=2024-11")
    ).json();
    expect((indicators as { rows: Row[] }).rows.map((r) => r.period)).toEqual(["2024-11"]);
    const punctuality = await (
      await get("/api/v1/datasets/reporting-punctuality.json?region=45&to=2024-11")
    ).json();
    expect((punctuality as { rows: Row[] }).rows).toEqual([]);
  });

  it("as CSV, the release's rows with the fields in the dictionary's order", async () => {
    const def = findDataset("reporting-punctuality");
    const text = await (
      await get(`/api/v1/datasets/reporting-punctuality.csv?region=450422105&release=${PERIOD}`)
    ).text();
    const [header, ...rows] = parseCsv(text.replace(/^\uFEFF/, ""));
    expect(header).toEqual(def?.fields.map((f) => f.name));
    const expected = await Promise.all(
      [...PERIODS, PERIOD].map((p) => recomputed("450422105", p, RELEASE_AT)),
    );
    expect(rows).toEqual(
      expected.map((r) => Object.values(r).map((v) => (v === null ? "" : String(v)))),
    );
  });

  it("is a workbook too", async () => {
    const response = await get("/api/v1/datasets/reporting-punctuality.xlsx?region=450422");
    expect(response.headers.get("content-type")).toBe(XLSX_TYPE);
    expect(response.headers.get("content-disposition")).toContain("reporting-punctuality_450422");
    expect((await response.arrayBuffer()).byteLength).toBeGreaterThan(1000);
  });
});

describe("the 提醒函's late villages and townships", () => {
  it("as of the release: B late by a day; 乙镇 worse than 埌南镇", async () => {
    const r = await computeReminders(env.DB, "450422", PERIOD, RELEASE_AT, "2026-02-15");
    expect(r.notReporting.map((v) => v.code)).toEqual([
      "450422104213",
      "450422105201",
      "450422105202",
    ]);
    expect(r.punctuality).toEqual({
      deadline: "2026-02-10",
      due: true,
      late: [{ code: "450422104212", name: "<b>乙</b>村委会", days_late: 1 }],
      lateCount: 1,
      // Both have two villages late or missing; 乙镇 has more missing.
      townships: [
        { code: "450422105", name: "乙镇", late: 0, missing: 2 },
        { code: "450422104", name: "埌南镇", late: 1, missing: 1 },
      ],
      townshipCount: 2,
    });
  });

  it("live: D too, the latest filer first; corrections move nothing", async () => {
    const r = await computeReminders(env.DB, "450422", PERIOD, null, "2026-03-10");
    expect(r.punctuality?.late).toEqual([
      { code: "450422105201", name: "丁村委会", days_late: 10 },
      { code: "450422104212", name: "<b>乙</b>村委会", days_late: 1 },
    ]);
    expect(r.punctuality?.townships).toEqual([
      { code: "450422104", name: "埌南镇", late: 1, missing: 1 },
      { code: "450422105", name: "乙镇", late: 1, missing: 1 },
    ]);
  });

  it("before the deadline nobody is late and the unfiled are not yet due", async () => {
    const r = await computeReminders(
      env.DB,
      "450422104",
      PERIOD,
      "2026-02-05T00:00:00Z",
      "2026-02-05",
    );
    expect(r.punctuality).toMatchObject({ due: false, late: [], lateCount: 0 });
    expect(r.punctuality?.townships).toEqual([
      { code: "450422104", name: "埌南镇", late: 0, missing: 3 },
    ]);
    expect(r.notReportingCount).toBe(3);
  });
});
