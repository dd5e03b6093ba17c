/**
 * The Worker: the Hono API answers /api/*, Astro renders everything else.
 * Request path: Worker → Hono → (/api/* → functions/) | (cf() static assets → astro()).
 */
import { cf } from "@astrojs/cloudflare/hono";
import { astro } from "astro/hono";
import { Hono } from "hono";
import { createApi } from "../functions/app.ts";

const api = createApi();
const app = new Hono<{ Bindings: Env }>();

app.all("/api/*", (c) => api.fetch(c.req.raw, c.env, c.executionCtx));
app.use(cf());
app.use(astro());

export default app;
