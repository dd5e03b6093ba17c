/**
 * The dataset fixture (releases frozen 2026-01-20 and 2026-02-20) plus histories for the
 * projects and problems datasets read as of a release.
 *
 * Projects: 1 reported 25% by release 2025-12, 60% after it (before release 2026-01);
 * 2 completed 2025-06-28, long before both; 3 first reported after release 2025-12.
 * Problems: 11 raised before release 2025-12, claimed 2026-01-18 but recorded only on
 * 2026-01-22 (after the freeze); 12 raised after release 2025-12; 13 closed before it.
 * Targets: 1 at 4 on track by release 2025-12, at 7 and at risk after it (before release
 * 2026-01); 2 signed after release 2026-01. Work teams: 1 went from 2 to 3 members with
 * its term extended to 2026-12-31 after release 2025-12; 2 dispatched after release 2026-01.
 * Releases: 2026-02's date was moved from 2026-03-18 after release 2026-01, and 2026-03
 * was announced after it.
 */
import { loadDatasetFixture } from "./dataset-fixture.ts";

export async function loadHistoryFixture(db: D1Database): Promise<void> {
  await loadDatasetFixture(db);
  await db.batch([
    db.prepare(
      `INSERT INTO projects (id, region_code, title, category, supporting_unit, batch, start_date,
         planned_completion, completed_date, budget, invested, progress, status, updated_at)
       VALUES (3, '450422104211', '村道硬化', 'infrastructure', NULL, '第二批', '2026-02-01',
         '2026-09-30', NULL, 800000, 50000, 5, 'under_way', '2026-02-10T02:00:00Z')`,
    ),
    // The live row of project 1 holds its latest update, as an upload would leave it.
    db.prepare(
      `UPDATE projects SET progress = 60, invested = 700000, updated_at = '2026-02-06T02:00:00Z'
       WHERE id = 1`,
    ),
    db.prepare(
      `INSERT INTO project_updates (project_id, reported_on, progress, invested, status, recorded_at)
       VALUES (1, '2025-04-01', 0, 0, 'planned', '2025-04-02T02:00:00Z'),
         (1, '2025-12-28', 25, 300000, 'under_way', '2026-01-05T02:00:00Z'),
         (1, '2026-02-05', 60, 700000, 'under_way', '2026-02-06T02:00:00Z'),
         (2, '2025-01-10', 40, 200000, 'under_way', '2025-01-11T02:00:00Z'),
         (2, '2025-06-28', 100, 500000, 'completed', '2025-07-01T02:00:00Z'),
         (3, '2026-02-09', 5, 50000, 'under_way', '2026-02-10T02:00:00Z')`,
    ),
    db.prepare(
      `INSERT INTO problems (id, region_code, project_id, title, category, channel, raised_on,
         due_on, department, claimed_on, resolved_on, closed_on, status, updated_at)
       VALUES (11, '450422104211', 1, '灌溉用水不足', 'water', 'visit', '2025-12-15',
         '2026-03-31', '县水利局', '2026-01-18', NULL, NULL, 'claimed', '2026-01-22T02:00:00Z'),
       (12, '450422105', NULL, '冷库用电报装慢', 'power', 'direct_line', '2026-02-01',
         NULL, NULL, NULL, NULL, NULL, 'open', '2026-02-01T02:00:00Z'),
       (13, '450422104211', 2, '羊舍用地审批', 'land', 'matchmaking', '2025-03-01',
         '2025-06-30', '县自然资源局', '2025-03-05', '2025-04-10', '2025-04-20', 'closed',
         '2025-04-20T02:00:00Z')`,
    ),
    db.prepare(
      `INSERT INTO problem_events (problem_id, status, event_date, department, note, recorded_at)
       VALUES (11, 'open', '2025-12-15', NULL, '走访收集', '2025-12-15T02:00:00Z'),
         (11, 'claimed', '2026-01-18', '县水利局', '部门认领', '2026-01-22T02:00:00Z'),
         (12, 'open', '2026-02-01', NULL, '书记直通车', '2026-02-01T02:00:00Z'),
         (13, 'open', '2025-03-01', NULL, '项目对接会', '2025-03-01T02:00:00Z'),
         (13, 'claimed', '2025-03-05', '县自然资源局', '部门认领', '2025-03-05T02:00:00Z'),
         (13, 'resolved', '2025-04-10', '县自然资源局', '问题已解决', '2025-04-10T02:00:00Z'),
         (13, 'closed', '2025-04-20', NULL, '验收销号', '2025-04-20T02:00:00Z')`,
    ),
    // Live rows hold the latest change, as an upload would leave them.
    db.prepare(`UPDATE work_teams SET updated_at = '2026-02-01T02:00:00Z' WHERE id = 1`),
    db.prepare(
      `INSERT INTO work_teams (id, village_code, dispatching_unit, members, term_start, term_end, updated_at)
       VALUES (2, '450422104211', '市交通运输局', 2, '2026-03-01', '2028-02-29', '2026-03-01T00:00:00Z')`,
    ),
    db.prepare(
      `INSERT INTO work_team_changes (work_team_id, dispatching_unit, members, term_start, term_end, note, recorded_at)
       VALUES (1, '-县农业农村局', 2, '2024-01-01', '2026-06-30', NULL, '2024-01-01T00:00:00Z'),
         (1, '-县农业农村局', 3, '2024-01-01', '2026-12-31', '增派队员，任期延长', '2026-02-01T02:00:00Z'),
         (2, '市交通运输局', 2, '2026-03-01', '2028-02-29', NULL, '2026-03-01T00:00:00Z')`,
    ),
    db.prepare(
      `UPDATE targets SET actual = 7, status = 'at_risk', updated_at = '2026-02-05T02:00:00Z'
       WHERE id = 1`,
    ),
    db.prepare(
      `INSERT INTO targets (id, village_code, work_team_id, title, category, phase, measures,
         metric, unit, baseline, target, actual, due_on, status, updated_at)
       VALUES (2, '450422104211', 2, '村道亮化', 'infrastructure', 'plan', '[]',
         '路灯', '盏', 0, 120, 0, '2027-12-31', 'on_track', '2026-03-05T02:00:00Z')`,
    ),
    db.prepare(
      `INSERT INTO target_updates (target_id, phase, actual, status, signed_off_by, note, recorded_at)
       VALUES (1, 'plan', -12.5, 'on_track', NULL, '签订', '2024-02-01T02:00:00Z'),
         (1, 'implement', 4, 'on_track', NULL, NULL, '2026-01-05T02:00:00Z'),
         (1, 'implement', 7, 'at_risk', NULL, '进度滞后', '2026-02-05T02:00:00Z'),
         (2, 'plan', 0, 'on_track', NULL, '签订', '2026-03-05T02:00:00Z')`,
    ),
    db.prepare(
      `INSERT INTO release_date_changes (release_id, old_at, new_at, reason, changed_at)
       VALUES (3, '2026-03-18T02:00:00Z', '2026-03-20T02:00:00Z', '避开系统维护', '2026-02-25T00:00:00Z')`,
    ),
    db.prepare(
      `INSERT INTO releases (title, period, status, scheduled_at, created_at)
       VALUES ('2026年3月', '2026-03', 'provisional', '2026-04-20T02:00:00Z', '2026-02-25T00:00:00Z')`,
    ),
  ]);
}
