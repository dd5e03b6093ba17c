/**
 * Uploads of problem, project, target and work-team updates on a real D1: status changes
 * with dates and departments, progress reports, target status, team members and term;
 * each bad row named, nothing written on error, the same file twice a no-op, and the
 * history kept.
 */
import { env } from "cloudflare:workers";
import { beforeAll, describe, expect, it } from "vitest";
import {
  call,
  loadAdminFixture,
  signInAll,
  snapshot,
  type Session,
  uploadCsv,
  type Who,
} from "./admin-support.ts";

let sessions: Record<Who, Session>;
beforeAll(async () => {
  await loadAdminFixture();
  await env.DB.batch([
    env.DB.prepare(
      `INSERT INTO projects (id, region_code, title, category, start_date, planned_completion, budget, invested,
         progress, status, updated_at)
       VALUES (101, '450422104211', '黑山羊养殖合作社', 'industry', '2025-03-01', '2026-12-31', 2000000, 800000, 40,
         'under_way', '2026-01-01T00:00:00Z')`,
    ),
    env.DB.prepare(
      `INSERT INTO problems (id, region_code, project_id, title, category, channel, raised_on, due_on, status, updated_at)
       VALUES (2001, '450422104211', 101, '羊舍用地审批', 'land', 'direct_line', '2026-01-05', '2026-02-01', 'open',
         '2026-01-05T00:00:00Z'),
              (2002, '450422105201', NULL, '灌溉用水', 'water', 'visit', '2026-01-05', NULL, 'open',
         '2026-01-05T00:00:00Z')`,
    ),
    env.DB.prepare(
      `INSERT INTO work_teams (id, village_code, dispatching_unit, members, term_start, term_end)
       VALUES (1, '450422104211', '市农业农村局', 3, '2024-01-01', '2026-12-31'),
              (2, '450422105201', '县水利局', 2, '2024-01-01', '2026-12-31')`,
    ),
    env.DB.prepare(
      `INSERT INTO targets (id, village_code, work_team_id, title, category, phase, metric, unit, baseline, target,
         actual, due_on, status, updated_at)
       VALUES (3001, '450422104211', 1, '黑山羊存栏500只以上', 'industry', 'implement', '存栏', '只', 120, 500, 300,
         '2026-12-31', 'on_track', '2026-01-01T00:00:00Z')`,
    ),
  ]);
  sessions = await signInAll();
});

const upload = (kind: string, text: string, commit = false, who: Who = "clerk") =>
  uploadCsv(sessions[who], kind, text, commit);

const PROBLEMS = "问题编号,状态,日期,认领部门,备注";

describe("problem status changes", () => {
  it("names every bad row and writes nothing", async () => {
    const before = await snapshot();
    const response = await upload(
      "problems",
      [
        PROBLEMS,
        "2001,已认领,2026-01-10,,", // claimed without a department
        "2002,已认领,2026-01-10,县水利局,", // 乙镇's problem: outside this clerk's township
        "9999,已认领,2026-01-10,县水利局,", // unknown
        "2001,已办结,2026-01-10,县水利局,", // not a status
        "2001,已认领,2025-12-31,县水利局,", // duplicate
      ].join("\n"),
      true,
    );
    expect(response.status).toBe(422);
    const text = response.body.report.errors.map((e: { text: string }) => e.text);
    expect(text).toEqual([
      "第2行，D列“认领部门”：认领问题须写明认领部门",
      "第3行，A列“问题编号”：编号 2002 属于 450422105201，不在您负责的地区（450422104）内",
      "第4行，A列“问题编号”：编号 9999 不存在",
      expect.stringMatching(/^第5行，B列“状态”：“已办结”不是有效的问题状态/),
      "第6行，A列“问题编号”：与第2行重复：同一编号在一个文件里只能出现一次",
    ]);
    expect(await snapshot()).toBe(before);
  });

  it("claims and resolves with dates and department; the history is kept; a repeat is a no-op", async () => {
    const claim = `${PROBLEMS}\n2001,已认领,2026-01-10,县自然资源局,已安排踏勘\n`;
    const dry = await upload("problems", claim);
    expect(dry.body.report.changed).toEqual([
      {
        id: 2001,
        line: 2,
        note: "已安排踏勘",
        before: { status: "open", department: null, claimed_on: null },
        after: { status: "claimed", department: "县自然资源局", claimed_on: "2026-01-10" },
        fields: [
          { name: "状态", old: "待认领", new: "已认领" },
          { name: "认领部门", old: "", new: "县自然资源局" },
          { name: "认领日期", old: "", new: "2026-01-10" },
        ],
      },
    ]);
    expect((await upload("problems", claim, true)).status).toBe(200);
    const before = await snapshot();
    const again = await upload("problems", claim, true);
    expect(again.body).toMatchObject({ changed: false, report: { unchanged: 1 } });
    expect(await snapshot()).toBe(before);

    const back = await upload("problems", `${PROBLEMS}\n2001,待认领,2026-01-11,,\n`, true);
    expect(back.body.report.errors[0].text).toContain("状态不能倒退");
    const early = await upload("problems", `${PROBLEMS}\n2001,已解决,2026-01-09,,\n`, true);
    expect(early.body.report.errors[0].text).toContain("早于上一环节的日期 2026-01-10");

    expect(
      (await upload("problems", `${PROBLEMS}\n2001,已销号,2026-02-03,,验收通过\n`, true)).status,
    ).toBe(200);
    const problem = await env.DB.prepare(
      "SELECT status, department, claimed_on, resolved_on, closed_on FROM problems WHERE id = 2001",
    ).first();
    // Closed straight from claimed: the resolution is dated with the closing.
    expect(problem).toEqual({
      status: "closed",
      department: "县自然资源局",
      claimed_on: "2026-01-10",
      resolved_on: "2026-02-03",
      closed_on: "2026-02-03",
    });
    const events = await env.DB.prepare(
      "SELECT status, event_date, note FROM problem_events WHERE problem_id = 2001 ORDER BY id",
    ).all();
    expect(events.results).toEqual([
      { status: "claimed", event_date: "2026-01-10", note: "已安排踏勘" },
      { status: "closed", event_date: "2026-02-03", note: "验收通过" },
    ]);
  });
});

describe("project progress", () => {
  const HEAD = "项目编号,报告日期,进度,累计投资,状态,说明";

  it("refuses falling investment without a reason and a completed project short of 100%", async () => {
    const response = await upload("projects", `${HEAD}\n101,2026-02-01,45,700000,在建,\n`);
    expect(response.body.report.errors[0].text).toBe(
      "第2行，D列“累计投资”：累计投资比上次（800000）少：如确有原因请在“说明”列写明",
    );
    const done = await upload("projects", `${HEAD}\n101,2026-02-01,99,900000,已完成,\n`);
    expect(done.body.report.errors[0].text).toContain("已完成的项目进度应为100");
  });

  it("records a progress report and updates the project", async () => {
    expect(
      (await upload("projects", `${HEAD}\n101,2026-02-01,55,950000,在建,\n`, true)).status,
    ).toBe(200);
    const project = await env.DB.prepare(
      "SELECT progress, invested, status FROM projects WHERE id = 101",
    ).first();
    expect(project).toEqual({ progress: 55, invested: 950_000, status: "under_way" });
    const report = await env.DB.prepare(
      "SELECT reported_on, progress, invested, upload_id FROM project_updates WHERE project_id = 101",
    ).first<{ upload_id: number }>();
    expect(report).toMatchObject({ reported_on: "2026-02-01", progress: 55, invested: 950_000 });
    expect(report?.upload_id).toBeGreaterThan(0);
    const early = await upload("projects", `${HEAD}\n101,2026-01-15,60,960000,在建,\n`);
    expect(early.body.report.errors[0].text).toContain("报告日期早于上次报告");
  });
});

describe("term targets", () => {
  it("updates phase, actual value and status; the audit log keeps before and after", async () => {
    const HEAD = "目标编号,阶段,实际值,状态,说明";
    const response = await upload("targets", `${HEAD}\n3001,巩固,520,超额完成,\n`, true, "editor");
    expect(response.status).toBe(200);
    const target = await env.DB.prepare(
      "SELECT phase, actual, status FROM targets WHERE id = 3001",
    ).first();
    expect(target).toEqual({ phase: "consolidate", actual: 520, status: "exceeded" });
    const audit = await env.DB.prepare(
      "SELECT before_json, after_json FROM audit_log WHERE entity = 'targets' ORDER BY id DESC LIMIT 1",
    ).first<{ before_json: string; after_json: string }>();
    expect(JSON.parse(audit!.before_json)).toEqual([
      { id: 3001, phase: "implement", actual: 300, status: "on_track" },
    ]);
    expect(JSON.parse(audit!.after_json)).toEqual([
      { id: 3001, phase: "consolidate", actual: 520, status: "exceeded" },
    ]);
    const history = await env.DB.prepare(
      "SELECT phase, actual, status, note, upload_id FROM target_updates WHERE target_id = 3001",
    ).all<{ upload_id: number }>();
    expect(history.results).toHaveLength(1);
    expect(history.results[0]).toMatchObject({
      phase: "consolidate",
      actual: 520,
      status: "exceeded",
      note: null,
    });
    expect(history.results[0]!.upload_id).toBeGreaterThan(0);
    const bad = await upload("targets", `${HEAD}\n3001,验收,abc,很好,\n`);
    expect(bad.body.report.errors.map((e: { column: string }) => e.column)).toEqual([
      "阶段",
      "实际值",
      "状态",
    ]);
  });

  it("keeps the reason of a target update in its history", async () => {
    const HEAD = "目标编号,阶段,实际值,状态,说明";
    const response = await upload("targets", `${HEAD}\n3001,巩固,530,超额完成,复核后上调\n`, true);
    expect(response.status).toBe(200);
    const last = await env.DB.prepare(
      "SELECT actual, note FROM target_updates WHERE target_id = 3001 ORDER BY id DESC LIMIT 1",
    ).first();
    expect(last).toEqual({ actual: 530, note: "复核后上调" });
  });
});

describe("work teams", () => {
  const HEAD = "工作队编号,队员人数,任期结束,说明";

  it("names every bad row and writes nothing", async () => {
    const before = await snapshot();
    const response = await upload(
      "work-teams",
      [
        HEAD,
        "1,0,2027-05-31,", // no members
        "1,4,2023-12-31,", // ends before it began
        "2,3,2027-05-31,", // another township's team
        "9,3,2027-05-31,", // no such team
        "x,3,2027-13-01,",
      ].join("\n"),
      true,
    );
    expect(response.status).toBe(422);
    expect(
      response.body.report.errors.map((e: { line: number; column: string }) => [e.line, e.column]),
    ).toEqual([
      [2, "队员人数"],
      [3, "任期结束"],
      [4, "工作队编号"],
      [5, "工作队编号"],
      [6, "工作队编号"],
      [6, "任期结束"],
    ]);
    expect(await snapshot()).toBe(before);
  });

  it("refuses a term that would end before it began", async () => {
    const response = await upload("work-teams", `${HEAD}\n1,3,2023-12-31,\n`);
    expect(response.body.report.errors[0].text).toBe(
      "第2行，C列“任期结束”：任期结束 2023-12-31 不晚于任期开始 2024-01-01",
    );
  });

  it("changes members and term, keeps the change in the history, and repeats as a no-op", async () => {
    const file = `${HEAD}\n1,4,2027-05-31,增派队员，任期延长\n`;
    const dry = await upload("work-teams", file);
    expect(dry.body.report.changed).toEqual([
      {
        id: 1,
        line: 2,
        note: "增派队员，任期延长",
        before: { members: 3, term_end: "2026-12-31" },
        after: { members: 4, term_end: "2027-05-31" },
        fields: [
          { name: "队员人数", old: "3", new: "4" },
          { name: "任期结束", old: "2026-12-31", new: "2027-05-31" },
        ],
      },
    ]);
    expect((await upload("work-teams", file, true)).status).toBe(200);
    const team = await env.DB.prepare(
      "SELECT members, term_end, updated_at FROM work_teams WHERE id = 1",
    ).first<{ updated_at: string }>();
    expect(team).toMatchObject({ members: 4, term_end: "2027-05-31" });
    // The live data's version moves, so cached downloads (ETag) are not served stale.
    const meta = await env.DB.prepare(
      "SELECT value FROM dataset_meta WHERE key = 'last_updated'",
    ).first<{ value: string }>();
    expect(meta?.value).toBe(team!.updated_at);
    const change = await env.DB.prepare(
      `SELECT dispatching_unit, members, term_start, term_end, note, recorded_at
       FROM work_team_changes WHERE work_team_id = 1`,
    ).all();
    expect(change.results).toEqual([
      {
        dispatching_unit: "市农业农村局",
        members: 4,
        term_start: "2024-01-01",
        term_end: "2027-05-31",
        note: "增派队员，任期延长",
        recorded_at: team!.updated_at,
      },
    ]);
    const before = await snapshot();
    const again = await upload("work-teams", file, true);
    expect(again.status).toBe(200);
    expect(again.body.report.unchanged).toBe(1);
    expect(await snapshot()).toBe(before);
  });
});

describe("templates", () => {
  it("offers a template for each kind", async () => {
    for (const [kind, head] of [
      ["income", "村代码,统计期"],
      ["problems", "问题编号,状态,日期"],
      ["projects", "项目编号,报告日期"],
      ["targets", "目标编号,阶段"],
      ["work-teams", "工作队编号,队员人数,任期结束"],
    ]) {
      const t = await call("GET", `/api/admin/uploads/${kind}/template.csv`, {
        as: sessions.clerk,
      });
      expect(t.status).toBe(200);
      expect(
        String(t.body)
          .replace(/^\uFEFF/, "")
          .startsWith(head!),
      ).toBe(true);
    }
    expect(
      (await call("GET", "/api/admin/uploads/nonsense/template.csv", { as: sessions.clerk }))
        .status,
    ).toBe(404);
  });
});
