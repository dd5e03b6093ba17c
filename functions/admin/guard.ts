/**
 * The one place that decides who may do what in the back office. Every /api/admin route
 * is mounted behind guard(resource): it identifies the user (Access JWT or session), for
 * a state-changing request checks the Origin and the anti-forgery token, and refuses
 * roles that the policy below does not list. Region limits of clerks: regionScope. A user
 * whose password was set by an administrator may only use their session and their own
 * account (to change it) until they have changed it.
 */
import type { Context, MiddlewareHandler } from "hono";
import type { Role } from "../../src/db/users.ts";
import { constantTimeEqual } from "../../src/lib/bytes.ts";
import {
  identify,
  mustChangePassword,
  type AccessEnv,
  type Identity,
} from "../../src/services/admin-auth.ts";
import { ApiError } from "../api-error.ts";

export type AdminEnv = { Bindings: Env; Variables: { identity: Identity } };

/** Which roles may use each resource of the back office (reads and writes alike). */
export const POLICY = {
  session: ["admin", "editor", "clerk"],
  account: ["admin", "editor", "clerk"],
  users: ["admin"],
  audit: ["admin"],
  uploads: ["clerk", "editor"],
  releases: ["editor"],
  bulletins: ["editor"],
} as const satisfies Record<string, readonly Role[]>;
export type Resource = keyof typeof POLICY;

const SAFE_METHODS = new Set(["GET", "HEAD", "OPTIONS"]);

/** What a user who must first replace a password set by an administrator may use. */
const OPEN_BEFORE_PASSWORD_CHANGE: ReadonlySet<Resource> = new Set(["session", "account"]);

export function clientIp(c: Context): string {
  return c.req.header("CF-Connecting-IP") ?? c.req.header("X-Real-IP") ?? "local";
}

/** A cross-site request: an Origin other than ours, or the browser says cross-site. */
export function isCrossSite(c: Context): boolean {
  const origin = c.req.header("Origin");
  if (origin && origin !== new URL(c.req.url).origin) return true;
  const site = c.req.header("Sec-Fetch-Site");
  return site !== undefined && site !== "same-origin" && site !== "none";
}

export function crossSiteRefused(): ApiError {
  return new ApiError(403, "Cross-site request refused.", "拒绝跨站请求：请在本站后台页面内操作。");
}

export function guard(resource: Resource): MiddlewareHandler<AdminEnv> {
  const roles: readonly Role[] = POLICY[resource];
  return async (c, next) => {
    const unsafe = !SAFE_METHODS.has(c.req.method);
    if (unsafe && isCrossSite(c)) throw crossSiteRefused();
    const identity = await identify(c.env.DB, c.env as unknown as AccessEnv, c.req.raw, new Date());
    if (!identity) {
      throw new ApiError(401, "Sign in first.", "请先登录后台（登录已过期或未登录）。");
    }
    if (unsafe) {
      const token = c.req.header("X-CSRF-Token") ?? "";
      if (!constantTimeEqual(token, identity.csrf)) {
        throw new ApiError(
          403,
          "Missing or wrong anti-forgery token.",
          "请求缺少有效的防伪令牌（CSRF）：请刷新页面后重试。",
        );
      }
    }
    if (mustChangePassword(identity) && !OPEN_BEFORE_PASSWORD_CHANGE.has(resource)) {
      throw new ApiError(
        403,
        "Change your password first.",
        "请先修改密码：管理员设置的密码只能用来修改密码，修改后才能使用后台的其他功能。",
      );
    }
    if (!roles.includes(identity.user.role)) {
      throw new ApiError(
        403,
        `The ${identity.user.role} role may not use ${resource}.`,
        "您的角色无权进行此操作。",
      );
    }
    c.set("identity", identity);
    await next();
  };
}

/** The subtree a user's writes are limited to: a clerk's region, or null (anywhere). */
export function regionScope(identity: Identity): string | null {
  return identity.user.role === "clerk" ? identity.user.region_code : null;
}

export function actorOf(c: Context<AdminEnv>) {
  return { id: c.get("identity").user.id, ip: clientIp(c) };
}
