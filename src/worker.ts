/**
 * The Worker: the Hono API answers /api/*, Astro renders everything else.
 * Request path: Worker → Hono → (/api/* → functions/) | (cf() static assets → astro()).
 * Around both, for every request: one D1 session (read replicas, src/db/session.ts),
 * counted (Server-Timing, src/lib/request-metrics.ts), and the edge cache of rendered
 * pages (src/services/page-cache.ts), with the most read ones also held in the isolate.
 */
import { cf } from "@astrojs/cloudflare/hono";
import { astro } from "astro/hono";
import { Hono, type Context } from "hono";
import { createApi } from "../functions/app.ts";
import { pagesDb, runWithDb } from "./db/binding.ts";
import { countedD1 } from "./db/counted.ts";
import { bookmarkCookie, sessionAsDatabase, sessionConstraint } from "./db/session.ts";
import {
  newMetrics,
  runWithMetrics,
  serverTiming,
  type RequestMetrics,
} from "./lib/request-metrics.ts";
import { cronTasks } from "./services/cron.ts";
import {
  etagMatches,
  forgetVersion,
  heldPage,
  holdPage,
  isCacheablePageRequest,
  isPersonal,
  isStorable,
  liveVersion,
  pageCacheKey,
  pageEtag,
  type LiveVersion,
} from "./services/page-cache.ts";

const api = createApi();
const app = new Hono<{ Bindings: Env }>();

app.use("*", async (c, next) => {
  const metrics = newMetrics();
  const request = c.req.raw;
  const personal = isPersonal(request);
  let bookmark: string | null = null;
  const response = await runWithMetrics(metrics, async () => {
    const database = countedD1(c.env.DB);
    const version = isCacheablePageRequest(request) ? await liveVersion(database) : null;
    const session = database.withSession(
      sessionConstraint(request, personal, version?.bookmark ?? null),
    );
    const answered = await runWithDb(sessionAsDatabase(session), () =>
      answer(c, next, version, metrics),
    );
    if (personal) bookmark = session.getBookmark();
    return answered;
  });
  // A write moves the data version: this isolate reads it anew at once.
  if (c.req.method !== "GET" && c.req.method !== "HEAD") forgetVersion();
  const timed = new Response(response.body, response);
  timed.headers.set("Server-Timing", serverTiming(metrics));
  // The user's next request reads a copy at least as new as what this one wrote or read.
  if (bookmark) timed.headers.append("Set-Cookie", bookmarkCookie(bookmark));
  c.res = timed;
});

/**
 * A page from the edge cache when it holds one for the current data version (or 304 when
 * the reader's copy is that one), else rendered, read whole (so that every query is counted
 * before the header is written; downloads and other API bodies are not HTML and stream
 * on), and kept for the next reader when it is public.
 */
async function answer(
  c: Context<{ Bindings: Env }>,
  next: () => Promise<void>,
  version: LiveVersion | null,
  metrics: RequestMetrics,
): Promise<Response> {
  const rendered = async () => {
    await next();
    const response = c.res;
    return (response.headers.get("Content-Type") ?? "").startsWith("text/html")
      ? new Response(await response.arrayBuffer(), response)
      : response;
  };
  if (!version) {
    metrics.cache = "bypass";
    return rendered();
  }
  const cache = (caches as unknown as { default: Cache }).default;
  const key = pageCacheKey(c.req.raw, version.version);
  const etag = await pageEtag(key);
  const cached = heldPage(key) ?? (await fromEdge(cache, key));
  if (cached) {
    metrics.cache = "hit";
    if (etagMatches(c.req.header("If-None-Match") ?? null, etag)) {
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
  const body = await response.arrayBuffer();
  const stored = new Response(body, response);
  stored.headers.set("ETag", etag);
  holdPage(key, body, stored);
  c.executionCtx.waitUntil(cache.put(key, stored.clone()));
  return stored;
}

/** A page from the edge cache, held in this isolate from then on. */
async function fromEdge(cache: Cache, key: Request): Promise<Response | null> {
  const found = await cache.match(key);
  if (!found) return null;
  const body = await found.arrayBuffer();
  holdPage(key, body, found);
  return new Response(body, found);
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

// /api/docs is an Astro page (the API reference); everything else under /api is Hono's,
// on the request's database.
app.all("/api/*", (c, next) =>
  c.req.path === "/api/docs"
    ? next()
    : api.fetch(c.req.raw, { ...c.env, DB: pagesDb() }, c.executionCtx),
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
