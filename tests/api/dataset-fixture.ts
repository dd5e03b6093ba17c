/**
 * The hand-checkable fixture (fixture.ts) plus what the dataset tests need: two published
 * releases and one provisional, a revision made after the first release, and text that a
 * spreadsheet would run as a formula.
 *
 * Timeline: returns filed 2026-01-10 · release 2025-12 frozen 2026-01-20 · village A's
 * 2025-12 return revised 100,000 → 150,000 on 2026-02-01 · release 2026-01 frozen
 * 2026-02-20 · release 2026-02 still provisional.
 */
import { rebuildRollups } from "../../src/db/rollups.ts";
import { loadFixture } from "./fixture.ts";

export const RELEASE_1_AT = "2026-01-20T02:00:00Z";
export const REVISED_AT = "2026-02-01T00:00:00Z";
export const RELEASE_2_AT = "2026-02-20T02:00:00Z";
export const VILLAGE_A = "450422104211";

export async function loadDatasetFixture(db: D1Database): Promise<void> {
  await loadFixture(db);
  const release = db.prepare(
    `INSERT INTO releases (title, period, status, scheduled_at, confirmed_at, published_at, created_at)
     VALUES (?1, ?2, ?3, ?4, ?5, ?6, '2025-12-01T00:00:00Z')`,
  );
  await db.batch([
    release.bind(
      "2025年12月",
      "2025-12",
      "published",
      RELEASE_1_AT,
      "2025-12-20T00:00:00Z",
      RELEASE_1_AT,
    ),
    release.bind(
      "2026年1月",
      "2026-01",
      "published",
      RELEASE_2_AT,
      "2026-01-20T00:00:00Z",
      RELEASE_2_AT,
    ),
    release.bind("2026年2月", "2026-02", "provisional", "2026-03-20T02:00:00Z", null, null),
    db
      .prepare(
        `UPDATE income_returns SET superseded_at = ?1
         WHERE village_code = ?2 AND period = '2025-12' AND superseded_at IS NULL`,
      )
      .bind(REVISED_AT, VILLAGE_A),
    db
      .prepare(
        `INSERT INTO income_returns (village_code, period, total, operating, contracting,
           investment, subsidy, other, recorded_at, reason)
         VALUES (?1, '2025-12', 150000, 90000, 30000, 7800, 20000, 2200, ?2, '补报漏报的经营收入')`,
      )
      .bind(VILLAGE_A, REVISED_AT),
    db.prepare("UPDATE dataset_meta SET value = ?1 WHERE key = 'last_updated'").bind(REVISED_AT),
    // Text a spreadsheet would run: a formula, a phone-like "+86", a leading "-" and "@".
    db.prepare(
      `INSERT INTO projects (id, region_code, title, category, supporting_unit, batch, start_date,
         planned_completion, completed_date, budget, invested, progress, status, updated_at)
       VALUES (1, '450422104', '=HYPERLINK("http://x","点我")', 'industry', '@后盾单位', '第一批',
         '2025-03-01', '2026-06-30', NULL, 1200000, 300000, 25, 'under_way', '2026-01-05T02:00:00Z'),
       (2, '450422105', '黑山羊养殖, "二期"', 'industry', NULL, NULL, '2024-05-01',
         '2025-06-30', '2025-06-28', 500000, 500000, 100, 'completed', '2025-07-01T02:00:00Z')`,
    ),
    db.prepare(
      `INSERT INTO work_teams (id, village_code, dispatching_unit, members, term_start, term_end)
       VALUES (1, '450422104211', '-县农业农村局', 3, '2024-01-01', '2026-12-31')`,
    ),
    db.prepare(
      `INSERT INTO targets (id, village_code, work_team_id, title, category, phase, measures,
         metric, unit, baseline, target, actual, due_on, status, updated_at)
       VALUES (1, '450422104211', 1, '+86 热线覆盖', 'governance', 'implement', '["建群","培训"]',
         '净变化', '户', -12.5, 10, 4, '2026-12-31', 'on_track', '2026-01-05T02:00:00Z')`,
    ),
  ]);
  await rebuildRollups(db, "45", ["2025-12"], REVISED_AT);
}
