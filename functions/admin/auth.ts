/** /api/admin/session: sign in (password + TOTP), who am I, sign out. */
import { Hono } from "hono";
import { z } from "zod";
import {
  accessEnabled,
  clearedSessionCookie,
  type AccessEnv,
  sessionCookie,
  signIn,
  signOut,
} from "../../src/services/admin-auth.ts";
import { problem } from "../problem.ts";
import { clientIp, crossSiteRefused, guard, isCrossSite, type AdminEnv } from "./guard.ts";
import { readJson } from "./respond.ts";

export const session = new Hono<AdminEnv>();

const LoginBody = z.object({
  email: z.string().trim().min(3).max(200),
  password: z.string().min(1).max(200),
  code: z.string().max(10).default(""),
});

session.post("/login", async (c) => {
  // No session yet, so no token: the Origin check alone stops cross-site sign-in.
  if (isCrossSite(c)) return crossSiteRefused(c);
  // Behind Cloudflare Access, Access is the only way in.
  if (accessEnabled(c.env as unknown as AccessEnv)) {
    return problem(
      c,
      404,
      "Sign in through Cloudflare Access.",
      "本系统通过统一身份认证（Cloudflare Access）登录。",
    );
  }
  // Without JavaScript the sign-in page posts a plain form: answer it with redirects.
  const isForm = (c.req.header("Content-Type") ?? "").includes("application/x-www-form-urlencoded");
  if (isForm) {
    const form = LoginBody.safeParse(await c.req.parseBody());
    if (!form.success) return c.redirect("/admin/login?error=invalid", 303);
    const result = await signIn(c.env.DB, form.data, clientIp(c), new Date());
    if (!result.ok) return c.redirect(`/admin/login?error=${result.reason}`, 303);
    c.header("Set-Cookie", sessionCookie(result.token));
    return c.redirect("/admin", 303);
  }
  const body = await readJson(c, LoginBody);
  if (!body.ok) return body.response;
  const result = await signIn(c.env.DB, body.data, clientIp(c), new Date());
  if (!result.ok && result.reason === "throttled") {
    c.header("Retry-After", String(result.retryAfterSeconds));
    return problem(
      c,
      429,
      "Too many failed sign-ins; try again later.",
      `登录失败次数过多，已暂停登录，请 ${Math.round(result.retryAfterSeconds / 60)} 分钟后再试。`,
    );
  }
  if (!result.ok) {
    return problem(c, 401, "Wrong email, password or code.", "邮箱、密码或动态验证码不正确。");
  }
  c.header("Set-Cookie", sessionCookie(result.token));
  c.header("Cache-Control", "no-store");
  return c.json({ user: result.user, expires_at: result.expiresAt });
});

session.use("/me", guard("session"));
session.get("/me", (c) => {
  const { user, csrf, via } = c.get("identity");
  c.header("Cache-Control", "no-store");
  return c.json({ user, csrf, via });
});

session.use("/logout", guard("session"));
session.post("/logout", async (c) => {
  await signOut(c.env.DB, c.get("identity"), new Date(), clientIp(c));
  c.header("Set-Cookie", clearedSessionCookie());
  return c.json({ signed_out: true });
});
