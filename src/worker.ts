/**
 * The Worker: the Hono API answers /api/*, Astro renders everything else.
 * Request path: Worker → Hono → (/api/* → functions/) | (cf() static assets → astro()).
 */
import { cf } from "@astrojs/cloudflare/hono";
import { astro } from "astro/hono";
import { Hono } from "hono";
import { createApi } from "../functions/app.ts";
import { cronTasks } from "./services/cron.ts";

const api = createApi();
const app = new Hono<{ Bindings: Env }>();

// /api/docs is an Astro page (the API reference); everything else under /api is Hono's.
app.all("/api/*", (c, next) =>
  c.req.path === "/api/docs" ? next() : api.fetch(c.req.raw, c.env, c.executionCtx),
);
app.use(cf());
app.use(astro());

export default {
  fetch: app.fetch,
  // The Cron Trigger (wrangler.toml): see src/services/cron.ts.
  scheduled(_controller, env, ctx) {
    for (const task of cronTasks(env.DB, new Date())) ctx.waitUntil(task);
  },
} satisfies ExportedHandler<Env>;
