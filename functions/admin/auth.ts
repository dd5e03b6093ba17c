/** /api/admin/session: sign in (password + TOTP), who am I, sign out. */
import { createRoute, OpenAPIHono, z } from "@hono/zod-openapi";
import type { MiddlewareHandler } from "hono";
import {
  accessEnabled,
  clearedSessionCookie,
  type AccessEnv,
  sessionCookie,
  signIn,
  signOut,
} from "../../src/services/admin-auth.ts";
import { ApiError } from "../api-error.ts";
import { validationHook } from "../validation.ts";
import { clientIp, crossSiteRefused, guard, isCrossSite, type AdminEnv } from "./guard.ts";
import { jsonBody, requireJson } from "./request.ts";
import { ADMIN_ERRORS, GUARD_ERRORS, UserSchema } from "./schemas.ts";

export const session = new OpenAPIHono<AdminEnv>({ defaultHook: validationHook });

const LoginBody = z.object({
  email: z.string().trim().min(3).max(200),
  password: z.string().min(1).max(200),
  code: z.string().max(10).default(""),
});

/**
 * What is checked before a sign-in's body is read: no session yet, so no token, and the
 * Origin check alone stops cross-site sign-in; behind Cloudflare Access, Access is the only
 * way in; and without JavaScript the sign-in page posts a plain form, answered with
 * redirects (to the back office, or back with the reason).
 */
const beforeSignIn: MiddlewareHandler<AdminEnv> = async (c, next) => {
  if (isCrossSite(c)) throw crossSiteRefused();
  if (accessEnabled(c.env as unknown as AccessEnv)) {
    throw new ApiError(
      404,
      "Sign in through Cloudflare Access.",
      "本系统通过统一身份认证（Cloudflare Access）登录。",
    );
  }
  const isForm = (c.req.header("Content-Type") ?? "").includes("application/x-www-form-urlencoded");
  if (!isForm) return next();
  const form = LoginBody.safeParse(await c.req.parseBody());
  if (!form.success) return c.redirect("/admin/login?error=invalid", 303);
  const result = await signIn(c.env.DB, form.data, clientIp(c), new Date());
  if (!result.ok) return c.redirect(`/admin/login?error=${result.reason}`, 303);
  c.header("Set-Cookie", sessionCookie(result.token));
  return c.redirect("/admin", 303);
};

const loginRoute = createRoute({
  method: "post",
  path: "/login",
  summary: "Sign in with email, password and TOTP code",
  description:
    "JSON in, JSON out; a plain form post (application/x-www-form-urlencoded) is answered " +
    "with a 303 to /admin, or back to /admin/login?error=invalid|throttled.",
  middleware: [beforeSignIn, requireJson] as const,
  request: { body: jsonBody(LoginBody) },
  responses: {
    200: {
      description: "Signed in: Set-Cookie carries the session.",
      content: {
        "application/json": {
          schema: z.object({ user: UserSchema, expires_at: z.string() }),
        },
      },
    },
    303: { description: "A form post, signed in or not: where the browser goes next." },
    400: ADMIN_ERRORS[400],
    401: {
      description: "Wrong email, password or code.",
      content: ADMIN_ERRORS[401].content,
    },
    403: ADMIN_ERRORS[403],
    404: {
      description: "Password sign-in is closed: sign in through Cloudflare Access.",
      content: ADMIN_ERRORS[404].content,
    },
    415: ADMIN_ERRORS[415],
    429: ADMIN_ERRORS[429],
  },
});

session.openapi(loginRoute, async (c) => {
  const result = await signIn(c.env.DB, c.req.valid("json"), clientIp(c), new Date());
  if (!result.ok && result.reason === "throttled") {
    throw new ApiError(
      429,
      "Too many failed sign-ins; try again later.",
      `登录失败次数过多，已暂停登录，请 ${Math.round(result.retryAfterSeconds / 60)} 分钟后再试。`,
      { headers: { "Retry-After": String(result.retryAfterSeconds) } },
    );
  }
  if (!result.ok) {
    throw new ApiError(401, "Wrong email, password or code.", "邮箱、密码或动态验证码不正确。");
  }
  c.header("Set-Cookie", sessionCookie(result.token));
  c.header("Cache-Control", "no-store");
  return c.json({ user: result.user, expires_at: result.expiresAt }, 200);
});

const meRoute = createRoute({
  method: "get",
  path: "/me",
  summary: "Who is signed in, how, and the anti-forgery token every write must send",
  responses: {
    200: {
      description: "The signed-in user; send csrf back as X-CSRF-Token on every write.",
      content: {
        "application/json": {
          schema: z.object({
            user: UserSchema,
            csrf: z.string(),
            via: z.enum(["session", "access"]),
          }),
        },
      },
    },
    ...GUARD_ERRORS,
  },
});

session.use("/me", guard("session"));
session.openapi(meRoute, (c) => {
  const { user, csrf, via } = c.get("identity");
  c.header("Cache-Control", "no-store");
  return c.json({ user, csrf, via }, 200);
});

const logoutRoute = createRoute({
  method: "post",
  path: "/logout",
  summary: "Sign out: the session ends and its cookie is cleared",
  responses: {
    200: {
      description: "Signed out.",
      content: { "application/json": { schema: z.object({ signed_out: z.boolean() }) } },
    },
    ...GUARD_ERRORS,
  },
});

session.use("/logout", guard("session"));
session.openapi(logoutRoute, async (c) => {
  await signOut(c.env.DB, c.get("identity"), new Date(), clientIp(c));
  c.header("Set-Cookie", clearedSessionCookie());
  return c.json({ signed_out: true }, 200);
});
