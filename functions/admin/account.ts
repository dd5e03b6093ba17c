/** /api/admin/account: the signed-in user's own account (any role). */
import { createRoute, OpenAPIHono, z } from "@hono/zod-openapi";
import type { MiddlewareHandler } from "hono";
import { changePassword } from "../../src/services/accounts.ts";
import { sessionCookie } from "../../src/services/admin-auth.ts";
import { ApiError } from "../api-error.ts";
import { validationHook } from "../validation.ts";
import { clientIp, guard, type AdminEnv } from "./guard.ts";
import { jsonBody, requireJson } from "./request.ts";
import { ADMIN_ERRORS, GUARD_ERRORS } from "./schemas.ts";

export const account = new OpenAPIHono<AdminEnv>({ defaultHook: validationHook });
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

/** Behind Cloudflare Access there is no local password: refused before the body is read. */
const localPasswordOnly: MiddlewareHandler<AdminEnv> = async (c, next) => {
  if (c.get("identity").via !== "session") {
    throw new ApiError(
      409,
      "Signed in through Cloudflare Access: there is no local password.",
      "您通过统一身份认证（Cloudflare Access）登录，本系统没有您的密码可改。",
    );
  }
  await next();
};

const changePasswordRoute = createRoute({
  method: "post",
  path: "/password",
  summary: "Change one's password: the current one, the new one twice and a TOTP code",
  middleware: [localPasswordOnly, requireJson] as const,
  request: { body: jsonBody(PasswordBody) },
  responses: {
    200: {
      description:
        "Changed. Every session of the user is revoked; Set-Cookie gives this one's replacement.",
      content: {
        "application/json": {
          schema: z.object({ changed: z.boolean(), other_sessions_revoked: z.number() }),
        },
      },
    },
    ...GUARD_ERRORS,
    400: ADMIN_ERRORS[400],
    409: ADMIN_ERRORS[409],
    415: ADMIN_ERRORS[415],
    429: ADMIN_ERRORS[429],
  },
});

account.openapi(changePasswordRoute, async (c) => {
  const identity = c.get("identity");
  const body = c.req.valid("json");
  const result = await changePassword(c.env.DB, identity, body, clientIp(c), new Date());
  if (!result.ok) {
    const retry = result.retryAfterSeconds;
    throw new ApiError(result.status, result.detail, result.detailZh, {
      ...(retry ? { headers: { "Retry-After": String(retry) } } : {}),
    });
  }
  // The session that made the change is replaced: the old token no longer works.
  c.header("Set-Cookie", sessionCookie(result.token));
  return c.json({ changed: true, other_sessions_revoked: result.revokedSessions }, 200);
});
