/**
 * The Worker: the Hono API answers /api/*, Astro renders everything else.
 * Request path: Worker → Hono → (/api/* → functions/) | (cf() static assets → astro()).
 * Every response says what it cost in a Server-Timing header (src/lib/request-metrics.ts).
 */
import { cf } from "@astrojs/cloudflare/hono";
import { astro } from "astro/hono";
import { Hono } from "hono";
import { createApi } from "../functions/app.ts";
import { countedD1 } from "./db/counted.ts";
import {
  newMetrics,
  runWithMetrics,
  serverTiming,
  type RequestMetrics,
} from "./lib/request-metrics.ts";
import {
  etagMatches,
  isCacheablePageRequest,
  forgetVersion,
  isStorable,
  liveVersion,
  pageCacheKey,
  pageEtag,
} from "./services/page-cache.ts";
import { cronTasks } from "./services/cron.ts";

const api = createApi();
const app = new Hono<{ Bindings: Env }>();

app.use("*", async (c, next) => {
  const metrics = newMetrics();
  const render = async () => {
    await next();
    return c.res;
  };
  const response = await runWithMetrics(metrics, () =>
    answer(c.req.raw, c.env, render, metrics, c.executionCtx),
  );
  // A write in the back office moves the data version: this isolate reads it anew at once.
  if (c.req.method !== "GET" && c.req.method !== "HEAD") forgetVersion();
  const timed = new Response(response.body, response);
  timed.headers.set("Server-Timing", serverTiming(metrics));
  c.res = timed;
});

/**
 * A page from the edge cache when it holds one for the current data version (or 304 when
 * the reader's copy is that one), else rendered, read whole (so that every query is counted
 * before the header is written; downloads and other API bodies are not HTML and stream
 * on), and kept for the next reader when it is public.
 */
async function answer(
  request: Request,
  env: Env,
  render: () => Promise<Response>,
  metrics: RequestMetrics,
  ctx: { waitUntil(promise: Promise<unknown>): void },
): Promise<Response> {
  const rendered = async () => {
    const response = await render();
    return (response.headers.get("Content-Type") ?? "").startsWith("text/html")
      ? new Response(await response.arrayBuffer(), response)
      : response;
  };
  if (!isCacheablePageRequest(request)) {
    metrics.cache = "bypass";
    return rendered();
  }
  const cache = (caches as unknown as { default: Cache }).default;
  const key = pageCacheKey(request, await liveVersion(countedD1(env.DB)));
  const etag = await pageEtag(key);
  const cached = await cache.match(key);
  if (cached) {
    metrics.cache = "hit";
    if (etagMatches(request.headers.get("If-None-Match"), etag)) {
      metrics.cache = "revalidated";
      return new Response(null, { status: 304, headers: revalidationHeaders(cached, etag) });
    }
    return cached;
  }
  const response = await rendered();
  if (!isStorable(response)) {
    metrics.cache = "bypass";
    return response;
  }
  metrics.cache = "miss";
  const stored = new Response(response.body, response);
  stored.headers.set("ETag", etag);
  ctx.waitUntil(cache.put(key, stored.clone()));
  return stored;
}

/** What a 304 carries: the validators and caching rules of the copy it stands for. */
function revalidationHeaders(cached: Response, etag: string): Headers {
  const headers = new Headers({ ETag: etag });
  for (const name of ["Cache-Control", "Vary", "Content-Location"]) {
    const value = cached.headers.get(name);
    if (value) headers.set(name, value);
  }
  return headers;
}

// /api/docs is an Astro page (the API reference); everything else under /api is Hono's.
app.all("/api/*", (c, next) =>
  c.req.path === "/api/docs"
    ? next()
    : api.fetch(c.req.raw, { ...c.env, DB: countedD1(c.env.DB) }, c.executionCtx),
);
app.use(cf());
app.use(astro());

export default {
  fetch: app.fetch,
  // The Cron Trigger (wrangler.toml): see src/services/cron.ts.
  scheduled(_controller, env, ctx) {
    for (const task of cronTasks(env.DB, new Date())) ctx.waitUntil(task.finally(forgetVersion));
  },
} satisfies ExportedHandler<Env>;
