/**
 * Uploads of new projects, problems, work teams and targets on a real D1: every bad row
 * named and nothing written; numbers assigned in file order; each item created with the
 * first row of its history, so it reads in the open datasets (live, not in releases
 * frozen before it); the same file twice creates nothing more.
 */
import { env, exports } from "cloudflare:workers";
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
       VALUES (7, '450422104', '埌南镇冷库', 'industry', '2025-03-01', '2026-12-31', 900000, 0, 0,
         'planned', '2026-01-01T00:00:00Z')`,
    ),
  ]);
  sessions = await signInAll();
});

const upload = (kind: string, text: string, commit = false, who: Who = "clerk") =>
  uploadCsv(sessions[who], kind, text, commit);

const errorsOf = (body: { report: { errors: { line: number; column: string }[] } }) =>
  body.report.errors.map((e) => [e.line, e.column]);

const PROJECTS = "地区代码,项目名称,类别,后盾单位,批次,开工日期,计划完工日期,计划投资";

describe("new projects", () => {
  it("names every bad row and writes nothing", async () => {
    const before = await snapshot();
    const response = await upload(
      "new-projects",
      [
        PROJECTS,
        "450422104211,黑山羊养殖基地二期,畜牧,,,2026-12-01,2027-10-31,600000", // category
        "450422105201,丁村道路,基础设施,,,2026-12-01,2027-10-31,300000", // another township
        "450422104299,不存在的村,产业,,,2026-12-01,2027-10-31,1", // no such village
        "450422104211,光伏电站,产业,,,2026-12-01,2026-10-31,1", // ends before it starts
        "450422104,埌南镇冷库,产业,,,2026-12-01,2027-10-31,1", // already there (project 7)
        "450422104212,村道亮化,基础设施,,,2026-12-01,2027-10-31,-5", // negative budget
      ].join("\n"),
      true,
    );
    expect(response.status).toBe(422);
    expect(errorsOf(response.body)).toEqual([
      [2, "类别"],
      [3, "地区代码"],
      [4, "地区代码"],
      [5, "计划完工日期"],
      [6, "项目名称"],
      [7, "计划投资"],
    ]);
    expect(response.body.report.errors[4].text).toBe(
      "第6行，B列“项目名称”：已有相同的项目（编号 7），不能重复新建",
    );
    expect(await snapshot()).toBe(before);
  });

  it("creates projects numbered in file order, with a first report, once", async () => {
    const file = [
      PROJECTS,
      "450422104211,黑山羊养殖基地二期,产业,市农业农村局,第三批,2026-12-01,2027-10-31,600000",
      '450422104,埌南镇污水处理,生态,,,2026-03-01,2027-06-30,"1,200,000"',
    ].join("\n");
    const dry = await upload("new-projects", file);
    expect(dry.status).toBe(200);
    const created = dry.body.report.created as {
      fields: Record<string, unknown>;
      fields_text: [string, string][];
    }[];
    expect(created.map(({ fields: _f, fields_text: _t, ...c }) => c)).toEqual([
      { id: 8, line: 2, region: "450422104211", title: "黑山羊养殖基地二期" },
      { id: 9, line: 3, region: "450422104", title: "埌南镇污水处理" },
    ]);
    // The rows as they will be stored: "1,200,000" is 1200000 yuan.
    expect(created[1]?.fields).toMatchObject({ category: "ecology", budget: 1_200_000 });
    // And as a clerk reads them: Chinese names and labels.
    expect(created[1]?.fields_text).toContainEqual(["类别", "生态"]);
    expect(created[1]?.fields_text).toContainEqual(["计划投资（元）", "1200000"]);
    const done = await upload("new-projects", file, true);
    expect(done.status).toBe(200);
    const projects = await env.DB.prepare(
      "SELECT id, region_code, status, progress, invested, budget, updated_at FROM projects WHERE id >= 8 ORDER BY id",
    ).all<{ updated_at: string }>();
    expect(projects.results.map(({ updated_at: _u, ...p }) => p)).toEqual([
      {
        id: 8,
        region_code: "450422104211",
        status: "planned",
        progress: 0,
        invested: 0,
        budget: 600_000,
      },
      {
        id: 9,
        region_code: "450422104",
        status: "planned",
        progress: 0,
        invested: 0,
        budget: 1_200_000,
      },
    ]);
    // The first report is dated when work starts, or on the day of upload if that is later.
    const reports = await env.DB.prepare(
      "SELECT project_id, reported_on, status, upload_id FROM project_updates WHERE project_id >= 8 ORDER BY project_id",
    ).all<{ reported_on: string; upload_id: number }>();
    expect(reports.results.map((r) => r.reported_on)[1]).toBe("2026-03-01");
    expect(reports.results[0]!.upload_id).toBe(done.body.upload_id);
    const audit = await env.DB.prepare(
      "SELECT action, entity, entity_ids FROM audit_log ORDER BY id DESC LIMIT 1",
    ).first();
    expect(audit).toEqual({
      action: "upload.create",
      entity: "projects",
      entity_ids: JSON.stringify([`upload:${done.body.upload_id}`, 8, 9]),
    });

    const before = await snapshot();
    const again = await upload("new-projects", file, true);
    expect(again.status).toBe(200);
    expect(again.body).toMatchObject({
      changed: false,
      report: { repeat_of: done.body.upload_id },
    });
    expect(await snapshot()).toBe(before);
  });

  it("shows a new project in the live projects dataset but not in an earlier release", async () => {
    const get = async (path: string) =>
      (await exports.default.fetch(new Request(`http://ledger.test${path}`))).json() as Promise<{
        rows: { id: number }[];
      }>;
    const live = await get("/api/v1/datasets/projects.json?region=450422104211");
    expect(live.rows.map((r) => r.id)).toContain(8);
  });
});

describe("new problems", () => {
  const HEAD = "地区代码,问题,类别,收集渠道,收集日期,办理时限,所属项目编号,备注";

  it("checks dates and the project it belongs to", async () => {
    const response = await upload(
      "new-problems",
      [
        HEAD,
        "450422104211,羊舍用地,用地,书记直通车,2099-01-01,,,", // in the future
        "450422104211,灌溉用水,用水,走访,2026-10-01,2026-09-01,,", // due before raised
        "450422104211,冷库用电,用电,走访,2026-10-01,,99,", // no such project
        "450422104211,冷库用电,用电,来信,2026-10-01,,,", // channel
      ].join("\n"),
    );
    expect(errorsOf(response.body)).toEqual([
      [2, "收集日期"],
      [3, "办理时限"],
      [4, "所属项目编号"],
      [5, "收集渠道"],
    ]);
  });

  it("creates an open problem with its first event", async () => {
    const file = `${HEAD}\n450422104211,冷库报装用电慢,用电,书记直通车,2026-10-12,2026-12-31,7,现场反映\n`;
    const done = await upload("new-problems", file, true);
    expect(done.status).toBe(200);
    const id = done.body.report.created[0].id as number;
    const problem = await env.DB.prepare(
      "SELECT region_code, project_id, status, raised_on, due_on FROM problems WHERE id = ?1",
    )
      .bind(id)
      .first();
    expect(problem).toEqual({
      region_code: "450422104211",
      project_id: 7,
      status: "open",
      raised_on: "2026-10-12",
      due_on: "2026-12-31",
    });
    const events = await env.DB.prepare(
      "SELECT status, event_date, note FROM problem_events WHERE problem_id = ?1",
    )
      .bind(id)
      .all();
    expect(events.results).toEqual([
      { status: "open", event_date: "2026-10-12", note: "现场反映" },
    ]);
  });
});

describe("new work teams and their targets", () => {
  const TEAMS = "村代码,派出单位,队员人数,任期开始,任期结束";
  const TARGETS = "工作队编号,目标,类别,措施,指标,单位,基期值,目标值,完成时限";

  it("sends teams only to village committees in the clerk's area", async () => {
    const response = await upload(
      "new-work-teams",
      [
        TEAMS,
        "450422104001,县水利局,3,2026-12-01,2028-11-30", // a community
        "450422105201,县水利局,3,2026-12-01,2028-11-30", // another township
        "450422104212,县水利局,3,2026-12-01,2026-11-30", // ends before it starts
        "450422104212,县水利局,0,2026-12-01,2028-11-30", // no members
      ].join("\n"),
    );
    expect(errorsOf(response.body)).toEqual([
      [2, "村代码"],
      [3, "村代码"],
      [4, "任期结束"],
      [5, "队员人数"],
    ]);
  });

  it("creates a team, then a target it signed; both read in the datasets", async () => {
    const teams = await upload(
      "new-work-teams",
      `${TEAMS}\n450422104212,县水利局,3,2026-12-01,2028-11-30\n`,
      true,
    );
    expect(teams.status).toBe(200);
    const teamId = teams.body.report.created[0].id as number;
    const change = await env.DB.prepare(
      "SELECT members, term_end, note FROM work_team_changes WHERE work_team_id = ?1",
    )
      .bind(teamId)
      .first();
    expect(change).toEqual({ members: 3, term_end: "2028-11-30", note: "派驻" });

    const bad = await upload(
      "new-targets",
      [
        TARGETS,
        `${teamId},修建灌溉水渠,基础设施,,水渠长度,公里,0,5,2026-06-30`, // due before the term
        `999,修建灌溉水渠,基础设施,,水渠长度,公里,0,5,2027-06-30`, // no such team
        `${teamId},修建灌溉水渠,基础设施,,水渠长度,公里,,5,2027-06-30`, // no baseline
      ].join("\n"),
    );
    expect(errorsOf(bad.body)).toEqual([
      [2, "完成时限"],
      [3, "工作队编号"],
      [4, "基期值"],
    ]);
    const foreign = await upload(
      "new-targets",
      `${TARGETS}\n${teamId},修建灌溉水渠,基础设施,,水渠长度,公里,0,5,2027-06-30\n`,
      false,
      "foreignClerk",
    );
    expect(errorsOf(foreign.body)).toEqual([[2, "工作队编号"]]);

    const targets = await upload(
      "new-targets",
      `${TARGETS}\n${teamId},修建灌溉水渠,基础设施,清淤；硬化渠道,水渠长度,公里,0,5.5,2027-06-30\n`,
      true,
    );
    expect(targets.status).toBe(200);
    const targetId = targets.body.report.created[0].id as number;
    const target = await env.DB.prepare(
      "SELECT village_code, phase, status, actual, measures, target FROM targets WHERE id = ?1",
    )
      .bind(targetId)
      .first();
    expect(target).toEqual({
      village_code: "450422104212",
      phase: "plan",
      status: "on_track",
      actual: null,
      measures: JSON.stringify(["清淤", "硬化渠道"]),
      target: 5.5,
    });
    const live = (await (
      await exports.default.fetch(
        new Request("http://ledger.test/api/v1/datasets/targets.json?region=450422104212"),
      )
    ).json()) as { rows: { id: number; work_team_id: number }[] };
    expect(live.rows).toContainEqual(
      expect.objectContaining({ id: targetId, work_team_id: teamId }),
    );
  });
});

describe("templates", () => {
  it("offers a template for each new kind", async () => {
    for (const [kind, head] of [
      ["new-projects", "地区代码,项目名称,类别"],
      ["new-problems", "地区代码,问题,类别,收集渠道"],
      ["new-work-teams", "村代码,派出单位,队员人数"],
      ["new-targets", "工作队编号,目标,类别"],
    ]) {
      const t = await call("GET", `/api/admin/uploads/${kind}/template.csv`, {
        as: sessions.clerk,
      });
      expect(t.status).toBe(200);
      expect(String(t.body).replace(/^\uFEFF/, "")).toMatch(new RegExp(`^${head}`));
    }
  });
});
