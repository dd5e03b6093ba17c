/**
 * The access matrix: every write endpoint of the back office × (anonymous, each role, a
 * clerk of another township). Only the roles the policy names succeed; every refused
 * request leaves the database exactly as it was.
 */
import { env } from "cloudflare:workers";
import { beforeAll, describe, expect, it } from "vitest";
import {
  ACCOUNTS,
  call,
  csvFile,
  currentCode,
  INCOME_HEADER,
  loadAdminFixture,
  PASSWORD,
  signInAll,
  snapshot,
  type Session,
  type Who,
} from "./admin-support.ts";

let sessions: Record<Who, Session>;
beforeAll(async () => {
  await loadAdminFixture();
  sessions = await signInAll();
});

const DAY = 86_400_000;
const future = (days: number) =>
  new Date(Date.now() + days * DAY).toISOString().replace(/\.\d{3}Z$/, "Z");
let counter = 0;

async function insert(sql: string, ...values: unknown[]): Promise<number> {
  const row = await env.DB.prepare(`${sql} RETURNING id`)
    .bind(...values)
    .first<{ id: number }>();
  return row!.id;
}

const release = (status: "provisional" | "confirmed") =>
  insert(
    `INSERT INTO releases (title, period, status, scheduled_at, confirmed_at, created_at)
     VALUES ('月度进度表', '2026-12', ?1, ?2, ?3, '2026-01-01T00:00:00Z')`,
    status,
    future(60),
    status === "confirmed" ? "2026-01-02T00:00:00Z" : null,
  );
const publishedRelease = () =>
  insert(
    `INSERT INTO releases (title, period, status, scheduled_at, confirmed_at, published_at, created_at)
     VALUES ('月度进度表', '2025-12', 'published', '2026-01-20T02:00:00Z', '2025-12-01T00:00:00Z',
             '2026-01-20T02:00:00Z', '2025-11-01T00:00:00Z')`,
  );
const bulletin = async (releaseId: number, status: "draft" | "scheduled" | "published") =>
  insert(
    `INSERT INTO bulletins (release_id, title, period, region_code, headline_indicators, status,
       publish_at, published_at, updated_at)
     VALUES (?1, '藤县月报', '2025-12', '450422', '["income_total","coverage"]', ?2, ?3, ?4, '2026-01-01T00:00:00Z')`,
    releaseId,
    status,
    status === "draft" ? null : "2026-01-20T02:00:00Z",
    status === "published" ? "2026-01-20T02:00:00Z" : null,
  );
const user = () =>
  insert(
    `INSERT INTO users (email, display_name, role, created_at) VALUES (?1, 'x', 'editor', '2026-01-01T00:00:00Z')`,
    `u${++counter}@ledger.test`,
  );

const bulletinBody = (releaseId: number) => ({
  release_id: releaseId,
  title: "藤县2025年12月进度表",
  region_code: "450422",
  headline_indicators: ["income_total", "coverage", "yoy_growth"],
  narrative_md: "本月**进展**顺利。",
});

/** Each write endpoint: who may call it, and a fresh target for each try. */
interface Endpoint {
  name: string;
  allowed: Who[];
  request: (
    who: Who | "anonymous",
  ) => Promise<{ method: string; path: string; json?: unknown; form?: FormData }>;
}

const ENDPOINTS: Endpoint[] = [
  {
    name: "create a user",
    allowed: ["admin"],
    request: async () => ({
      method: "POST",
      path: "/api/admin/users",
      json: {
        email: `n${++counter}@ledger.test`,
        display_name: "新用户",
        role: "editor",
        password: "twelve chars long",
      },
    }),
  },
  {
    name: "change a role",
    allowed: ["admin"],
    request: async () => ({
      method: "POST",
      path: `/api/admin/users/${await user()}/role`,
      json: { role: "clerk", region_code: "450422" },
    }),
  },
  {
    name: "disable a user",
    allowed: ["admin"],
    request: async () => ({ method: "POST", path: `/api/admin/users/${await user()}/disable` }),
  },
  {
    name: "reset a password",
    allowed: ["admin"],
    request: async () => ({
      method: "POST",
      path: `/api/admin/users/${await user()}/password-reset`,
    }),
  },
  {
    name: "reset an authenticator",
    allowed: ["admin"],
    request: async () => ({ method: "POST", path: `/api/admin/users/${await user()}/totp-reset` }),
  },
  {
    // Everyone signed in may change their own password (the session is replaced).
    name: "change one's own password",
    allowed: ["admin", "editor", "clerk", "foreignClerk"],
    request: async (who) => {
      if (who !== "anonymous") {
        // As if 30 seconds had passed since the sign-in used this step's code.
        await env.DB.prepare("UPDATE users SET totp_last_step = NULL WHERE email = ?1")
          .bind(ACCOUNTS[who].email)
          .run();
      }
      return {
        method: "POST",
        path: "/api/admin/account/password",
        json: {
          current_password: PASSWORD,
          new_password: `${who}'s own new passphrase`,
          new_password_repeat: `${who}'s own new passphrase`,
          code: who === "anonymous" ? "123456" : await currentCode(who),
        },
      };
    },
  },
  {
    name: "commit an income upload",
    allowed: ["clerk", "editor"],
    request: async (who) => {
      // Each allowed uploader files a new return for a village in 埌南镇; the others try one
      // in 埌南镇 too (outside the foreign clerk's 乙镇).
      const row =
        who === "clerk"
          ? "450422104211,2026-01,1000,1000,0,0,0,0,"
          : who === "editor"
            ? "450422104212,2026-01,2000,2000,0,0,0,0,"
            : "450422104213,2026-01,3000,3000,0,0,0,0,";
      return {
        method: "POST",
        path: "/api/admin/uploads/income?commit=1",
        form: csvFile(`${INCOME_HEADER}\n${row}\n`),
      };
    },
  },
  {
    name: "commit a problem status update",
    allowed: ["clerk", "editor"],
    request: async () => {
      const problem = await insert(
        `INSERT INTO problems (region_code, title, category, channel, raised_on, status, updated_at)
         VALUES ('450422104211', '用电增容', 'power', 'visit', '2026-01-02', 'open', '2026-01-02T00:00:00Z')`,
      );
      return {
        method: "POST",
        path: "/api/admin/uploads/problems?commit=1",
        form: csvFile(
          `问题编号,状态,日期,认领部门,备注\n${problem},已认领,2026-01-10,县供电公司,\n`,
        ),
      };
    },
  },
  {
    name: "commit new projects",
    allowed: ["clerk", "editor"],
    request: async (who) => ({
      method: "POST",
      path: "/api/admin/uploads/new-projects?commit=1",
      // A different project per caller, all in 埌南镇 (outside the foreign clerk's 乙镇).
      form: csvFile(
        `地区代码,项目名称,类别,后盾单位,批次,开工日期,计划完工日期,计划投资\n450422104211,${who}的冷库,产业,,,2026-12-01,2027-10-31,500000\n`,
      ),
    }),
  },
  {
    name: "commit a work team change",
    allowed: ["clerk", "editor"],
    request: async (who) => {
      const team = await insert(
        `INSERT INTO work_teams (village_code, dispatching_unit, members, term_start, term_end)
         VALUES ('450422104211', '县农业农村局', 3, '2024-06-01', '2027-05-31')`,
      );
      return {
        method: "POST",
        path: "/api/admin/uploads/work-teams?commit=1",
        form: csvFile(
          `工作队编号,队员人数,任期结束,说明\n${team},${who === "editor" ? 5 : 4},2027-05-31,\n`,
        ),
      };
    },
  },
  {
    name: "create a release",
    allowed: ["editor"],
    request: async () => ({
      method: "POST",
      path: "/api/admin/releases",
      json: { title: "月度进度表", period: "2027-01", scheduled_at: future(80) },
    }),
  },
  {
    name: "confirm a release",
    allowed: ["editor"],
    request: async () => ({
      method: "POST",
      path: `/api/admin/releases/${await release("provisional")}/confirm`,
    }),
  },
  {
    name: "move a release",
    allowed: ["editor"],
    request: async () => ({
      method: "POST",
      path: `/api/admin/releases/${await release("confirmed")}/reschedule`,
      json: { scheduled_at: future(70), reason: "与节假日冲突" },
    }),
  },
  {
    name: "cancel a release",
    allowed: ["editor"],
    request: async () => ({
      method: "POST",
      path: `/api/admin/releases/${await release("confirmed")}/cancel`,
      json: { notice: "本期并入下月发布。", reason: "数据报送延迟" },
    }),
  },
  {
    name: "add a notice to a release",
    allowed: ["editor"],
    request: async () => ({
      method: "POST",
      path: `/api/admin/releases/${await publishedRelease()}/notices`,
      json: { kind: "notice", body: "说明", reason: "补充说明" },
    }),
  },
  {
    name: "create a bulletin",
    allowed: ["editor"],
    request: async () => ({
      method: "POST",
      path: "/api/admin/bulletins",
      json: bulletinBody(await publishedRelease()),
    }),
  },
  {
    name: "edit a draft bulletin",
    allowed: ["editor"],
    request: async () => {
      const r = await publishedRelease();
      return {
        method: "PUT",
        path: `/api/admin/bulletins/${await bulletin(r, "draft")}`,
        json: bulletinBody(r),
      };
    },
  },
  {
    name: "schedule a bulletin",
    allowed: ["editor"],
    request: async () => ({
      method: "POST",
      path: `/api/admin/bulletins/${await bulletin(await release("confirmed"), "draft")}/schedule`,
      json: {},
    }),
  },
  {
    name: "withdraw a scheduled bulletin",
    allowed: ["editor"],
    request: async () => ({
      method: "POST",
      path: `/api/admin/bulletins/${await bulletin(await release("confirmed"), "scheduled")}/unschedule`,
    }),
  },
  {
    name: "publish a bulletin",
    allowed: ["editor"],
    request: async () => ({
      method: "POST",
      path: `/api/admin/bulletins/${await bulletin(await publishedRelease(), "draft")}/publish`,
    }),
  },
  {
    name: "append a correction",
    allowed: ["editor"],
    request: async () => ({
      method: "POST",
      path: `/api/admin/bulletins/${await bulletin(await publishedRelease(), "published")}/corrections`,
      json: { body: "表2中藤县合计应为162.00万元。", reason: "汇总时漏计一村" },
    }),
  },
];

const CALLERS: (Who | "anonymous")[] = ["anonymous", "admin", "editor", "clerk", "foreignClerk"];

const auditCount = async () =>
  (await env.DB.prepare("SELECT count(*) AS n FROM audit_log").first<{ n: number }>())!.n;

describe("write endpoints × callers", () => {
  for (const endpoint of ENDPOINTS) {
    for (const who of CALLERS) {
      const allowed = who !== "anonymous" && endpoint.allowed.includes(who);
      it(`${endpoint.name} as ${who}: ${allowed ? "succeeds and is audited" : "refused, nothing written"}`, async () => {
        const req = await endpoint.request(who);
        const before = await snapshot();
        const audits = await auditCount();
        const response = await call(req.method, req.path, {
          as: who === "anonymous" ? null : sessions[who],
          json: req.json,
          form: req.form,
        });
        // A password change replaces the caller's session: go on with the new one, as a
        // browser does with the cookie it is given.
        const renewed = response.headers.get("Set-Cookie") ?? "";
        if (who !== "anonymous" && renewed.startsWith("__Host-ledger_session=")) {
          const cookie = renewed.split(";")[0] as string;
          const me = await call("GET", "/api/admin/session/me", { as: { cookie, csrf: "" } });
          sessions[who] = { cookie, csrf: me.body.csrf };
        }
        if (allowed) {
          expect(response.status, JSON.stringify(response.body)).toBeGreaterThanOrEqual(200);
          expect(response.status).toBeLessThan(300);
          expect(await auditCount()).toBeGreaterThan(audits);
        } else {
          const expected =
            who === "anonymous"
              ? [401]
              : who === "foreignClerk" && endpoint.allowed.includes("clerk")
                ? [422]
                : [403];
          expect(expected, JSON.stringify(response.body)).toContain(response.status);
          expect(response.headers.get("content-type")).toContain("application/problem+json");
          expect(await snapshot()).toBe(before);
        }
      });
    }
  }
});

describe("the audit log", () => {
  it("records who did what, before and after, and only administrators can read it", async () => {
    const read = await call("GET", "/api/admin/audit?limit=500", { as: sessions.admin });
    expect(read.status).toBe(200);
    const moved = read.body.entries.find(
      (e: { action: string }) => e.action === "release.reschedule",
    );
    expect(moved).toMatchObject({ email: "editor@ledger.test", entity: "releases" });
    expect(JSON.parse(moved.after_json).reason).toBe("与节假日冲突");
    expect(JSON.parse(moved.before_json).scheduled_at).toMatch(/^\d{4}-/);
    for (const who of ["editor", "clerk"] as const) {
      expect((await call("GET", "/api/admin/audit", { as: sessions[who] })).status).toBe(403);
    }
    expect((await call("GET", "/api/admin/audit")).status).toBe(401);
  });

  it("cannot be edited or deleted", async () => {
    await expect(env.DB.prepare("DELETE FROM audit_log").run()).rejects.toThrow(/append-only/);
    await expect(env.DB.prepare("UPDATE audit_log SET action = 'x'").run()).rejects.toThrow(
      /append-only/,
    );
  });
});
