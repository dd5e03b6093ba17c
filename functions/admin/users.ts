/** /api/admin/users: administrators manage accounts and roles. */
import { createRoute, OpenAPIHono, z } from "@hono/zod-openapi";
import { auditStatement } from "../../src/db/audit.ts";
import { isUniqueViolation } from "../../src/db/errors.ts";
import { findRegion } from "../../src/db/regions.ts";
import { revokeUserSessionsStatement } from "../../src/db/sessions.ts";
import {
  disableUserStatement,
  findUserById,
  insertUserStatement,
  listUsers,
  ROLES,
  setRoleStatement,
} from "../../src/db/users.ts";
import { hashPassword, MIN_PASSWORD_LENGTH } from "../../src/lib/password.ts";
import { newTotpSecret } from "../../src/lib/totp.ts";
import { resetPassword, resetTotp, totpEnrolment } from "../../src/services/accounts.ts";
import { ApiError } from "../api-error.ts";
import { validationHook } from "../validation.ts";
import { actorOf, guard, type AdminEnv } from "./guard.ts";
import { IdParam, idOf, jsonBody, requireJson } from "./request.ts";
import { ADMIN_ERRORS, GUARD_ERRORS, jsonResponse as json, UserSchema } from "./schemas.ts";

export const users = new OpenAPIHono<AdminEnv>({ defaultHook: validationHook });
users.use("*", guard("users"));

const noSuchUser = () => new ApiError(404, "No such user.", "没有这个用户。");

const RegionCode = z
  .string()
  .regex(/^\d{2,12}$/)
  .nullable()
  .default(null);

const NewUserBody = z
  .object({
    email: z.email({ error: "须为有效的邮箱地址" }).max(200),
    display_name: z.string().trim().min(1, { error: "姓名不能为空" }).max(100),
    role: z.enum(ROLES, { error: "角色须为 admin、editor 或 clerk" }),
    region_code: RegionCode,
    password: z
      .string()
      .min(MIN_PASSWORD_LENGTH, { error: `密码至少 ${MIN_PASSWORD_LENGTH} 位` })
      .max(200),
  })
  .refine((u) => u.role !== "clerk" || u.region_code !== null, {
    error: "数据填报员必须指定负责的地区",
    path: ["region_code"],
  });

const RoleBody = z.object({ role: z.enum(ROLES), region_code: RegionCode });

/** A new authenticator secret, shown once, with its otpauth:// URI and QR code. */
const TotpEnrolment = z.object({
  totp_secret: z.string(),
  totp_uri: z.string(),
  totp_qr_svg: z.string(),
});

const listRoute = createRoute({
  method: "get",
  path: "/",
  summary: "Every account",
  responses: {
    200: json("The accounts, in the order created.", z.object({ users: z.array(UserSchema) })),
    ...GUARD_ERRORS,
  },
});

users.openapi(listRoute, async (c) => c.json({ users: await listUsers(c.env.DB) }, 200));

const createUserRoute = createRoute({
  method: "post",
  path: "/",
  summary: "Create an account with a password the user must replace at the first sign-in",
  middleware: [requireJson] as const,
  request: { body: jsonBody(NewUserBody) },
  responses: {
    201: json(
      "Created. The TOTP secret is shown this once, for the new user's authenticator app.",
      TotpEnrolment.extend({ email: z.string(), must_change_password: z.boolean() }),
    ),
    ...GUARD_ERRORS,
    400: ADMIN_ERRORS[400],
    409: ADMIN_ERRORS[409],
    415: ADMIN_ERRORS[415],
  },
});

users.openapi(createUserRoute, async (c) => {
  const u = c.req.valid("json");
  const region = u.region_code ? await findRegion(c.env.DB, u.region_code) : null;
  if (u.region_code && !region) {
    throw new ApiError(400, `No region ${u.region_code}.`, `没有代码为 ${u.region_code} 的地区。`);
  }
  const now = new Date().toISOString();
  const secret = newTotpSecret();
  const actor = actorOf(c);
  const email = u.email.toLowerCase();
  const user = {
    email,
    display_name: u.display_name,
    role: u.role,
    region_code: u.role === "clerk" ? u.region_code : null,
    password: await hashPassword(u.password),
    totp_secret: secret,
    created_at: now,
    // The administrator knows this password: the user replaces it at the first sign-in.
    must_change_password: true,
  };
  const audit = {
    at: now,
    userId: actor.id,
    action: "user.create",
    entity: "users",
    ids: [email],
    after: { email: u.email, role: u.role, region_code: u.region_code, must_change_password: true },
    ip: actor.ip,
  };
  await c.env.DB.batch([
    insertUserStatement(c.env.DB, user),
    auditStatement(c.env.DB, audit),
  ]).catch((error: unknown) => {
    if (isUniqueViolation(error)) {
      throw new ApiError(409, "That email already has an account.", "该邮箱已有账号。");
    }
    throw error;
  });
  return c.json(
    { email: u.email, must_change_password: true, ...totpEnrolment(secret, email) },
    201,
  );
});

const roleRoute = createRoute({
  method: "post",
  path: "/{id}/role",
  summary: "Change an account's role (and a clerk's region); its sessions end",
  middleware: [requireJson] as const,
  request: { params: IdParam, body: jsonBody(RoleBody) },
  responses: {
    200: json(
      "Changed; the new rights take effect at the next sign-in.",
      z.object({ id: z.number(), role: z.enum(ROLES), region_code: z.string().nullable() }),
    ),
    ...GUARD_ERRORS,
    400: ADMIN_ERRORS[400],
    404: ADMIN_ERRORS[404],
    415: ADMIN_ERRORS[415],
  },
});

users.openapi(roleRoute, async (c) => {
  const body = c.req.valid("json");
  const id = idOf(c, noSuchUser);
  const user = await findUserById(c.env.DB, id);
  if (!user) throw noSuchUser();
  if (body.role === "clerk" && !body.region_code) {
    throw new ApiError(400, "A clerk needs a region.", "数据填报员必须指定负责的地区。");
  }
  const actor = actorOf(c);
  const now = new Date().toISOString();
  const regionCode = body.role === "clerk" ? body.region_code : null;
  await c.env.DB.batch([
    setRoleStatement(c.env.DB, id, body.role, regionCode),
    // New rights take effect at the next sign-in.
    revokeUserSessionsStatement(c.env.DB, id, now),
    auditStatement(c.env.DB, {
      at: now,
      userId: actor.id,
      action: "user.role",
      entity: "users",
      ids: [id],
      before: { role: user.role, region_code: user.region_code },
      after: { role: body.role, region_code: regionCode },
      ip: actor.ip,
    }),
  ]);
  return c.json({ id, role: body.role, region_code: regionCode }, 200);
});

const disableRoute = createRoute({
  method: "post",
  path: "/{id}/disable",
  summary: "Disable an account (not one's own); its sessions end",
  request: { params: IdParam },
  responses: {
    200: json("Disabled.", z.object({ id: z.number(), disabled_at: z.string() })),
    ...GUARD_ERRORS,
    404: ADMIN_ERRORS[404],
    409: ADMIN_ERRORS[409],
  },
});

users.openapi(disableRoute, async (c) => {
  const id = idOf(c, noSuchUser);
  const user = await findUserById(c.env.DB, id);
  if (!user) throw noSuchUser();
  const actor = actorOf(c);
  if (id === actor.id) {
    throw new ApiError(409, "You cannot disable yourself.", "不能停用自己的账号。");
  }
  const now = new Date().toISOString();
  await c.env.DB.batch([
    disableUserStatement(c.env.DB, id, now),
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
  return c.json({ id, disabled_at: now }, 200);
});

const passwordResetRoute = createRoute({
  method: "post",
  path: "/{id}/password-reset",
  summary: "A one-time password for another user, shown once; they must change it at sign-in",
  request: { params: IdParam },
  responses: {
    200: json(
      "The one-time password.",
      z.object({
        id: z.number(),
        email: z.string(),
        one_time_password: z.string(),
        must_change_password: z.boolean(),
      }),
    ),
    ...GUARD_ERRORS,
    404: ADMIN_ERRORS[404],
    409: ADMIN_ERRORS[409],
  },
});

users.openapi(passwordResetRoute, async (c) => {
  const id = idOf(c, noSuchUser);
  const { user, password } = await resetPassword(c.env.DB, actorOf(c), id, new Date());
  return c.json(
    { id, email: user.email, one_time_password: password, must_change_password: true },
    200,
  );
});

const totpResetRoute = createRoute({
  method: "post",
  path: "/{id}/totp-reset",
  summary: "A new authenticator secret for another user (a lost phone), shown once",
  request: { params: IdParam },
  responses: {
    200: json("The new secret.", TotpEnrolment.extend({ id: z.number(), email: z.string() })),
    ...GUARD_ERRORS,
    404: ADMIN_ERRORS[404],
    409: ADMIN_ERRORS[409],
  },
});

users.openapi(totpResetRoute, async (c) => {
  const id = idOf(c, noSuchUser);
  const { user, secret } = await resetTotp(c.env.DB, actorOf(c), id, new Date());
  return c.json({ id, email: user.email, ...totpEnrolment(secret, user.email) }, 200);
});
