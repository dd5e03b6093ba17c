/**
 * The back-office API under /api/admin, one module per resource, each behind guard()
 * (guard.ts: identity, CSRF, role). Never cached.
 */
import { Hono } from "hono";
import { account } from "./account.ts";
import { audit } from "./audit.ts";
import { session } from "./auth.ts";
import { bulletins } from "./bulletins.ts";
import type { AdminEnv } from "./guard.ts";
import { releases } from "./releases.ts";
import { uploads } from "./uploads.ts";
import { users } from "./users.ts";

export const admin = new Hono<AdminEnv>();

admin.use("*", async (c, next) => {
  await next();
  c.header("Cache-Control", "no-store");
});
admin.route("/session", session);
admin.route("/account", account);
admin.route("/users", users);
admin.route("/audit", audit);
admin.route("/uploads", uploads);
admin.route("/releases", releases);
admin.route("/bulletins", bulletins);
