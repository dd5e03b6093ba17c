/**
 * The back-office API under /api/admin, one module per resource, each behind guard()
 * (guard.ts: identity, CSRF, role). Never cached. Its routes are OpenAPI routes validated
 * like the public API's, documented apart from it: /api/admin/openapi.json (signed in).
 */
import { OpenAPIHono } from "@hono/zod-openapi";
import { Hono } from "hono";
import { validationHook } from "../validation.ts";
import { account } from "./account.ts";
import { audit } from "./audit.ts";
import { session } from "./auth.ts";
import { bulletins } from "./bulletins.ts";
import { guard, type AdminEnv } from "./guard.ts";
import { releases } from "./releases.ts";
import { uploads } from "./uploads.ts";
import { users } from "./users.ts";

const backOffice = new OpenAPIHono<AdminEnv>({ defaultHook: validationHook });

backOffice.use("*", async (c, next) => {
  await next();
  c.header("Cache-Control", "no-store");
});
backOffice.route("/session", session);
backOffice.route("/account", account);
backOffice.route("/users", users);
backOffice.route("/audit", audit);
backOffice.route("/uploads", uploads);
backOffice.route("/releases", releases);
backOffice.route("/bulletins", bulletins);

backOffice.use("/openapi.json", guard("session"));
backOffice.doc31("/openapi.json", {
  openapi: "3.1.0",
  info: {
    title: "Village Ledger back office (村务公开台账 后台)",
    version: "1.0.0",
    description:
      "Sign in with POST /session/login; every write sends the session's csrf (GET " +
      "/session/me) as X-CSRF-Token, from a page of the site. Errors are " +
      "application/problem+json with detail_zh; a wrong field is a 400 naming it (填写有误：…).",
  },
  servers: [{ url: "/api/admin" }],
});

/**
 * Mounted through a plain Hono app: OpenAPIHono.route() would copy the back office's routes
 * into the public document, /api/openapi.json.
 */
export const admin = new Hono<AdminEnv>().route("/", backOffice);
