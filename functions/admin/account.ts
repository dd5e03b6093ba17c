/** /api/admin/account: the signed-in user's own account (any role). */
import { Hono } from "hono";
import { z } from "zod";
import { changePassword } from "../../src/services/accounts.ts";
import { sessionCookie } from "../../src/services/admin-auth.ts";
import { problem } from "../problem.ts";
import { clientIp, guard, type AdminEnv } from "./guard.ts";
import { readJson } from "./respond.ts";

export const account = new Hono<AdminEnv>();
account.use("*", guard("account"));

const PasswordBody = z.object({
  current_password: z
    .string({ error: "请输入当前密码" })
    .min(1, { error: "请输入当前密码" })
    .max(200),
  new_password: z.string({ error: "请输入新密码" }).max(200, { error: "新密码最多 200 位" }),
  new_password_repeat: z.string({ error: "请再次输入新密码" }).max(200),
  code: z.string().trim().max(10).default(""),
});

/** Changes the password (current password + new one twice + a TOTP code). */
account.post("/password", async (c) => {
  const identity = c.get("identity");
  if (identity.via !== "session") {
    return problem(
      c,
      409,
      "Signed in through Cloudflare Access: there is no local password.",
      "您通过统一身份认证（Cloudflare Access）登录，本系统没有您的密码可改。",
    );
  }
  const body = await readJson(c, PasswordBody);
  if (!body.ok) return body.response;
  const result = await changePassword(c.env.DB, identity, body.data, clientIp(c), new Date());
  if (!result.ok) {
    if (result.retryAfterSeconds) c.header("Retry-After", String(result.retryAfterSeconds));
    return problem(c, result.status, result.detail, result.detailZh);
  }
  // The session that made the change is replaced: the old token no longer works.
  c.header("Set-Cookie", sessionCookie(result.token));
  return c.json({ changed: true, other_sessions_revoked: result.revokedSessions });
});
