/**
 * A small, hand-checkable data set loaded through the real migrations and the real
 * rollup code. Expected figures in the tests are worked out by hand from these rows.
 *
 * 广西 45 › 梧州 4504 › 藤县 450422 ›
 *   埌南镇 450422104: A 黎寨村委会 (…211), B (…212), C (…213, shell village), and a community (…001)
 *   乙镇   450422105: D (…201), E (…202, never reports)
 *   丙镇   450422106: no villages at all
 */
import { rebuildRollups } from "../../src/db/rollups.ts";
import { periodRange } from "../../src/lib/periods.ts";

export const REGIONS: [code: string, name: string, level: string, kind: string][] = [
  ["45", "广西壮族自治区", "province", "area"],
  ["4504", "梧州市", "city", "area"],
  ["450422", "藤县", "county", "area"],
  ["450422104", "埌南镇", "township", "area"],
  ["450422105", "乙镇", "township", "area"],
  ["450422106", "丙镇", "township", "area"],
  ["450422104211", "黎寨村委会", "village", "village_committee"],
  ["450422104212", "<b>乙</b>村委会", "village", "village_committee"],
  ["450422104213", "丙村委会", "village", "village_committee"],
  ["450422104001", "埌南社区居委会", "village", "community"],
  ["450422105201", "丁村委会", "village", "village_committee"],
  ["450422105202", "戊村委会", "village", "village_committee"],
];

// village, period, operating, contracting, investment, subsidy, other (total = their sum)
export const RETURNS: [string, string, number, number, number, number, number][] = [
  ["450422104211", "2024-12", 40_000, 20_000, 0, 20_000, 0], // 80,000
  ["450422104211", "2025-06", 20_000, 10_000, 0, 20_000, 0], // 50,000
  ["450422104211", "2025-12", 40_000, 30_000, 7_800, 20_000, 2_200], // 100,000
  ["450422104212", "2024-12", 200_000, 50_000, 0, 50_000, 0], // 300,000
  ["450422104212", "2025-12", 200_000, 60_000, 0, 60_000, 0], // 320,000
  ["450422104213", "2025-12", 0, 0, 0, 0, 0], // 0: shell village, no 2024 return
  ["450422104001", "2025-12", 999_999, 0, 0, 0, 0], // a community: never counted
  ["450422105201", "2024-12", 700_000, 200_000, 50_000, 50_000, 0], // 1,000,000
  ["450422105201", "2025-12", 800_000, 250_000, 50_000, 100_000, 0], // 1,200,000
];

/** Every month of the data set: rollups exist for each, reported or not. */
export const PERIODS = periodRange("2024-12", "2025-12");

export async function loadFixture(db: D1Database): Promise<void> {
  const recordedAt = "2026-01-10T02:00:00Z";
  await db.batch([
    ...REGIONS.map(([code, name, level, kind]) =>
      db
        .prepare(
          "INSERT INTO regions (code, name, level, parent_code, kind) VALUES (?1, ?2, ?3, ?4, ?5)",
        )
        .bind(code, name, level, parentOf(code), kind),
    ),
    ...RETURNS.map(([village, period, ...sources]) =>
      db
        .prepare(
          `INSERT INTO income_returns (village_code, period, total, operating, contracting,
             investment, subsidy, other, recorded_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)`,
        )
        .bind(
          village,
          period,
          sources.reduce((a, b) => a + b, 0),
          ...sources,
          recordedAt,
        ),
    ),
    db.prepare(
      `INSERT INTO dataset_meta (key, value) VALUES ('sample_data', 'true'),
         ('last_updated', '${recordedAt}'), ('first_period', '2024-12'), ('latest_period', '2025-12')`,
    ),
  ]);
  await rebuildRollups(db, "45", PERIODS, recordedAt);
}

function parentOf(code: string): string | null {
  const lengths = [2, 4, 6, 9, 12];
  const index = lengths.indexOf(code.length);
  return index <= 0 ? null : code.slice(0, lengths[index - 1]);
}
