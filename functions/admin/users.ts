/** /api/admin/users: administrators manage accounts and roles. */
import { Hono } from "hono";
import { z } from "zod";
import { auditStatement } from "../../src/db/audit.ts";
import { findRegion } from "../../src/db/regions.ts";
import { revokeUserSessionsStatement } from "../../src/db/sessions.ts";
import { findUserById, insertUserStatement, listUsers, ROLES } from "../../src/db/users.ts";
import { hashPassword, MIN_PASSWORD_LENGTH } from "../../src/lib/password.ts";
import { newTotpSecret } from "../../src/lib/totp.ts";
import { resetPassword, resetTotp, totpEnrolment } from "../../src/services/accounts.ts";
import { problem } from "../problem.ts";
import { actorOf, guard, type AdminEnv } from "./guard.ts";
import { attempt, idParam, readJson } from "./respond.ts";

export const users = new Hono<AdminEnv>();
users.use("*", guard("users"));

users.get("/", async (c) => c.json({ users: await listUsers(c.env.DB) }));

const NewUserBody = z
  .object({
    email: z.email({ error: "须为有效的邮箱地址" }).max(200),
    display_name: z.string().trim().min(1, { error: "姓名不能为空" }).max(100),
    role: z.enum(ROLES, { error: "角色须为 admin、editor 或 clerk" }),
    region_code: z
      .string()
      .regex(/^\d{2,12}$/)
      .nullable()
      .default(null),
    password: z
      .string()
      .min(MIN_PASSWORD_LENGTH, { error: `密码至少 ${MIN_PASSWORD_LENGTH} 位` })
      .max(200),
  })
  .refine((u) => u.role !== "clerk" || u.region_code !== null, {
    error: "数据填报员必须指定负责的地区",
    path: ["region_code"],
  });

users.post("/", async (c) => {
  const body = await readJson(c, NewUserBody);
  if (!body.ok) return body.response;
  const u = body.data;
  const region = u.region_code ? await findRegion(c.env.DB, u.region_code) : null;
  if (u.region_code && !region) {
    return problem(c, 400, `No region ${u.region_code}.`, `没有代码为 ${u.region_code} 的地区。`);
  }
  const now = new Date().toISOString();
  const secret = newTotpSecret();
  const actor = actorOf(c);
  try {
    await c.env.DB.batch([
      insertUserStatement(c.env.DB, {
        email: u.email.toLowerCase(),
        display_name: u.display_name,
        role: u.role,
        region_code: u.role === "clerk" ? u.region_code : null,
        password: await hashPassword(u.password),
        totp_secret: secret,
        created_at: now,
        // The administrator knows this password: the user replaces it at the first sign-in.
        must_change_password: true,
      }),
      auditStatement(c.env.DB, {
        at: now,
        userId: actor.id,
        action: "user.create",
        entity: "users",
        ids: [u.email.toLowerCase()],
        after: {
          email: u.email,
          role: u.role,
          region_code: u.region_code,
          must_change_password: true,
        },
        ip: actor.ip,
      }),
    ]);
  } catch (error) {
    if (String(error).includes("UNIQUE")) {
      return problem(c, 409, "That email already has an account.", "该邮箱已有账号。");
    }
    throw error;
  }
  // The TOTP secret is shown once (with its QR code), for the new user's authenticator app.
  return c.json(
    { email: u.email, must_change_password: true, ...totpEnrolment(secret, u.email.toLowerCase()) },
    201,
  );
});

const RoleBody = z.object({
  role: z.enum(ROLES),
  region_code: z
    .string()
    .regex(/^\d{2,12}$/)
    .nullable()
    .default(null),
});

users.post("/:id/role", async (c) => {
  const id = idParam(c);
  const body = await readJson(c, RoleBody);
  if (!body.ok) return body.response;
  const user = id ? await findUserById(c.env.DB, id) : null;
  if (!user || !id) return problem(c, 404, "No such user.", "没有这个用户。");
  if (body.data.role === "clerk" && !body.data.region_code) {
    return problem(c, 400, "A clerk needs a region.", "数据填报员必须指定负责的地区。");
  }
  const actor = actorOf(c);
  const now = new Date().toISOString();
  const regionCode = body.data.role === "clerk" ? body.data.region_code : null;
  await c.env.DB.batch([
    c.env.DB.prepare("UPDATE users SET role = ?2, region_code = ?3 WHERE id = ?1").bind(
      id,
      body.data.role,
      regionCode,
    ),
    // New rights take effect at the next sign-in.
    revokeUserSessionsStatement(c.env.DB, id, now),
    auditStatement(c.env.DB, {
      at: now,
      userId: actor.id,
      action: "user.role",
      entity: "users",
      ids: [id],
      before: { role: user.role, region_code: user.region_code },
      after: { role: body.data.role, region_code: regionCode },
      ip: actor.ip,
    }),
  ]);
  return c.json({ id, role: body.data.role, region_code: regionCode });
});

users.post("/:id/disable", async (c) => {
  const id = idParam(c);
  const user = id ? await findUserById(c.env.DB, id) : null;
  if (!user || !id) return problem(c, 404, "No such user.", "没有这个用户。");
  const actor = actorOf(c);
  if (id === actor.id)
    return problem(c, 409, "You cannot disable yourself.", "不能停用自己的账号。");
  const now = new Date().toISOString();
  await c.env.DB.batch([
    c.env.DB.prepare(
      "UPDATE users SET disabled_at = ?2 WHERE id = ?1 AND disabled_at IS NULL",
    ).bind(id, now),
    revokeUserSessionsStatement(c.env.DB, id, now),
    auditStatement(c.env.DB, {
      at: now,
      userId: actor.id,
      action: "user.disable",
      entity: "users",
      ids: [id],
      before: { disabled_at: user.disabled_at },
      after: { disabled_at: now },
      ip: actor.ip,
    }),
  ]);
  return c.json({ id, disabled_at: now });
});

/** A one-time password for another user, shown once; they must change it at sign-in. */
users.post("/:id/password-reset", (c) =>
  attempt(c, async () => {
    const id = idParam(c);
    if (!id) return problem(c, 404, "No such user.", "没有这个用户。");
    const { user, password } = await resetPassword(c.env.DB, actorOf(c), id, new Date());
    return c.json({
      id,
      email: user.email,
      one_time_password: password,
      must_change_password: true,
    });
  }),
);

/** A new authenticator secret for another user (a lost phone), shown once with its QR code. */
users.post("/:id/totp-reset", (c) =>
  attempt(c, async () => {
    const id = idParam(c);
    if (!id) return problem(c, 404, "No such user.", "没有这个用户。");
    const { user, secret } = await resetTotp(c.env.DB, actorOf(c), id, new Date());
    return c.json({ id, email: user.email, ...totpEnrolment(secret, user.email) });
  }),
);
