/**
 * Projects, problems, work teams and term targets on top of the regions of fixture.ts,
 * small enough to work every figure out by hand (the tests do, in comments). The data
 * date is 2025-12-31, the end of the fixture's latest period (2025-12).
 *
 * 梧州 4504 › 藤县 450422 (埌南镇 …104: 黎寨 …211, 乙村 …212, 丙村 …213; 乙镇 …105: 丁 …201,
 * 戊 …202; 丙镇 …106) and, outside 藤县, 苍梧县 450421 › 甲镇 450421101 › 甲村 450421101201.
 */
import { loadFixture } from "./fixture.ts";

const OUTSIDE: [string, string, string, string | null, string][] = [
  ["450421", "苍梧县", "county", "4504", "area"],
  ["450421101", "甲镇", "township", "450421", "area"],
  ["450421101201", "甲村委会", "village", "450421101", "village_committee"],
];

// id, region, title, category, unit, batch, start, planned, completed, budget, invested, progress, status
type ProjectRow = [
  number,
  string,
  string,
  string,
  string,
  string | null,
  string,
  string,
  string | null,
  number,
  number,
  number,
  string,
];
// prettier-ignore
export const PROJECTS: ProjectRow[] = [
  [1, "450422104211", "黎寨村黑山羊养殖基地", "industry", "县农业农村局", "第一批", "2023-04-01", "2024-03-31", "2024-03-26", 400_000, 388_000, 100, "completed"],
  // Planned completion before the data date, not completed: overdue.
  [2, "450422104212", "乙村道路硬化工程", "infrastructure", "县交通运输局", null, "2025-01-10", "2025-10-31", null, 1_000_000, 650_000, 70, "under_way"],
  [3, "450422104", "埌南镇卫生院改扩建", "livelihood", "县卫生健康局", null, "2025-06-01", "2026-06-30", null, 2_000_000, 800_000, 40, "under_way"],
  // Planned completion on the data date itself: not (yet) overdue.
  [4, "450422105201", "丁村人居环境整治", "ecology", "县财政局", "第一批", "2023-05-01", "2025-12-31", null, 500_000, 150_000, 30, "suspended"],
  [5, "450422", "藤县数字乡村服务平台", "other", "县委组织部", null, "2026-01-15", "2026-12-31", null, 3_000_000, 0, 0, "planned"],
  // Never started, and its planned completion has passed: overdue too.
  [6, "450422105202", "戊村<script>alert(1)</script>加工车间", "industry", "县商务局", null, "2024-03-01", "2025-06-30", null, 300_000, 0, 0, "planned"],
  [7, "450421", "苍梧县冷链仓储设施", "industry", "县供销社", null, "2025-02-01", "2026-02-01", null, 600_000, 300_000, 50, "under_way"],
];

// id, region, project, title, category, channel, raised, due, department, claimed, resolved, closed, status
type ProblemRow = [
  number,
  string,
  number | null,
  string,
  string,
  string,
  string,
  string,
  string | null,
  string | null,
  string | null,
  string | null,
  string,
];
// prettier-ignore
export const PROBLEMS: ProblemRow[] = [
  [1, "450422104211", 1, "羊舍用地备案慢", "land", "direct_line", "2025-01-01", "2025-03-01", "县自然资源局", "2025-01-05", "2025-02-10", "2025-02-20", "closed"],
  [2, "450422104212", 2, "施工许可未批复", "approval", "visit", "2025-03-01", "2025-05-30", "县行政审批局", "2025-03-11", "2025-03-31", null, "resolved"],
  [3, "450422104", null, "配套资金未到位", "funding", "matchmaking", "2025-06-01", "2025-08-01", "县财政局", "2025-06-03", null, null, "claimed"],
  [4, "450422105201", 4, "三相动力电未接通", "power", "direct_line", "2025-11-01", "2026-01-31", null, null, null, null, "open"],
  [5, "450422105202", null, "灌溉水源不足", "water", "other", "2025-02-01", "2025-04-01", null, null, null, null, "open"],
  [6, "450422104213", null, "产品销路不畅", "market", "visit", "2025-05-01", "2025-07-01", "县商务局", "2025-05-08", "2025-07-07", "2025-07-20", "closed"],
  [7, "450421", 7, "冷库用电增容", "power", "direct_line", "2025-01-01", "2025-02-01", null, null, null, null, "open"],
];

// id, village, unit, members
// prettier-ignore
export const TEAMS: [number, string, string, number][] = [
  [1, "450422104211", "梧州市委组织部", 3],
  [2, "450422104212", "梧州市委组织部", 2],
  [3, "450422105201", "藤县财政局", 4],
  [4, "450421101201", "苍梧县农业农村局", 2],
];

// id, village, team, title, category, phase, measures, metric, unit, baseline, target, actual, due, signed off, status
type TargetRow = [
  number,
  string,
  number,
  string,
  string,
  string,
  string[],
  string,
  string,
  number,
  number,
  number | null,
  string,
  string | null,
  string,
];
// prettier-ignore
export const TARGETS: TargetRow[] = [
  [1, "450422104211", 1, "发展黑山羊养殖 500 只以上", "industry", "consolidate", ["成立合作社", "建设羊舍 2 栋"], "黑山羊存栏", "只", 120, 500, 712, "2025-06-30", "梧州市委组织部", "exceeded"],
  [2, "450422104211", 1, "村集体经济收入达到 12 万元", "industry", "implement", ["盘活闲置资产"], "村集体经济年收入", "万元", 8, 12, 10, "2025-12-31", null, "missed"],
  [3, "450422104212", 2, "完成户厕改造 40 户", "ecology", "implement", [], "户厕改造户数", "户", 10, 40, 16, "2026-06-30", null, "at_risk"],
  [4, "450422104212", 2, "修建村道 2 公里", "infrastructure", "plan", ["议定方案"], "村道里程", "公里", 0, 2, null, "2026-12-31", null, "on_track"],
  [5, "450422105201", 3, "新建村级光伏电站 1 座", "industry", "consolidate", ["争取项目资金"], "光伏电站", "座", 0, 1, 1, "2025-09-30", "藤县财政局", "achieved"],
  [6, "450421101201", 4, "完善村规民约", "governance", "implement", [], "村规民约修订", "项", 0, 1, 0, "2026-06-30", null, "on_track"],
];

const AT = "2026-01-10T02:00:00Z";

/** The events of a problem, from the dates its row holds. */
function eventsOf(p: ProblemRow): [number, string, string, string | null, string][] {
  const [id, , , , , , raised, , department, claimed, resolved, closed] = p;
  const out: [number, string, string, string | null, string][] = [
    [id, "open", raised, null, "收集"],
  ];
  if (claimed) out.push([id, "claimed", claimed, department, "部门认领"]);
  if (resolved) out.push([id, "resolved", resolved, department, "问题已解决"]);
  if (closed) out.push([id, "closed", closed, null, "验收销号"]);
  return out;
}

export async function loadActivityFixture(db: D1Database): Promise<void> {
  await loadFixture(db);
  const insert = (sql: string, rows: unknown[][]) => rows.map((r) => db.prepare(sql).bind(...r));
  await db.batch([
    ...insert(
      "INSERT INTO regions (code, name, level, parent_code, kind) VALUES (?1, ?2, ?3, ?4, ?5)",
      OUTSIDE,
    ),
    ...insert(
      `INSERT INTO projects (id, region_code, title, category, supporting_unit, batch, start_date,
         planned_completion, completed_date, budget, invested, progress, status, updated_at)
       VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14)`,
      PROJECTS.map((p) => [...p, AT]),
    ),
    ...insert(
      `INSERT INTO problems (id, region_code, project_id, title, category, channel, raised_on,
         due_on, department, claimed_on, resolved_on, closed_on, status, updated_at)
       VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14)`,
      PROBLEMS.map((p) => [...p, AT]),
    ),
    ...insert(
      `INSERT INTO problem_events (problem_id, status, event_date, department, note, recorded_at)
       VALUES (?1, ?2, ?3, ?4, ?5, ?6)`,
      PROBLEMS.flatMap(eventsOf).map((e) => [...e, AT]),
    ),
    ...insert(
      `INSERT INTO work_teams (id, village_code, dispatching_unit, members, term_start, term_end)
       VALUES (?1, ?2, ?3, ?4, '2024-06-01', '2027-05-31')`,
      TEAMS,
    ),
    ...insert(
      `INSERT INTO targets (id, village_code, work_team_id, title, category, phase, measures,
         metric, unit, baseline, target, actual, due_on, signed_off_by, status, updated_at)
       VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16)`,
      TARGETS.map(([id, v, team, title, cat, phase, measures, ...rest]) => [
        id,
        v,
        team,
        title,
        cat,
        phase,
        JSON.stringify(measures),
        ...rest,
        AT,
      ]),
    ),
  ]);
}
