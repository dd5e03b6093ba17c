/**
 * The Worker: the Hono API answers /api/*, Astro renders everything else.
 * Request path: Worker → Hono → (/api/* → functions/) | (cf() static assets → astro()).
 * Around both, for every request: one D1 session (read replicas, src/db/session.ts),
 * counted (Server-Timing, src/lib/request-metrics.ts), and the edge cache of rendered
 * pages (src/services/page-cache.ts), with the most read ones also held in the isolate.
 */
import { cf } from "@astrojs/cloudflare/hono";
import { astro } from "astro/hono";
import { Hono } from "hono";
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
import { serverErrorResponse as serverProblem } from "../functions/api-error.ts";
import { failurePage } from "./lib/failure-page.ts";
import { SECURITY_HEADER_NAMES, securityHeaders } from "./lib/security-headers.ts";
import { cronTasks } from "./services/cron.ts";
import {
  etagMatches,
  forgetVersion,
  acceptsGzip,
  heldPage,
  holdPage,
  isCacheableRequest,
  isPersonal,
  isStorable,
  liveVersion,
  pageCacheKey,
  pageEtag,
} from "./services/page-cache.ts";

const api = createApi();
/** The last-resort answer (src/lib/failure-page.ts), with the security headers of the rest. */
const failure = new Hono<{ Bindings: { error: unknown } }>();
failure.use(securityHeaders);
failure.all("*", (c) =>
  c.req.path.startsWith("/api/")
    ? serverProblem(c, c.env.error)
    : failurePage(c.req.raw, c.env.error),
);
const app = new Hono<{ Bindings: Env }>();
app.use(securityHeaders);

/**
 * Every request: its own D1 session and counter, then the edge cache or the app. Plain
 * Worker code around Hono, so that the response it returns (a gzipped page sent as it is)
 * is the one that leaves.
 */
async function serve(request: Request, env: Env, ctx: ExecutionContext): Promise<Response> {
  const metrics = newMetrics();
  const personal = isPersonal(request);
  let bookmark: string | null = null;
  const response = await runWithMetrics(metrics, async () => {
    try {
      return await admit();
    } catch (error) {
      // Failed before a page or API handler could answer (the version read, say).
      console.error("Request failed", error);
      return failure.fetch(request, { error });
    }
  });
  async function admit(): Promise<Response> {
    const database = countedD1(env.DB);
    const version = isCacheableRequest(request, personal) ? await liveVersion(database) : null;
    // The edge cache's key for this request at this data version, worked out once.
    const key = version ? pageCacheKey(request, version.version) : null;
    // A kept page needs no D1 session at all.
    const kept = key ? await keptPage(request, key, metrics) : null;
    if (kept) return kept;
    const session = database.withSession(
      sessionConstraint(request, personal, version?.bookmark ?? null),
    );
    const answered = await runWithDb(sessionAsDatabase(session), () =>
      answer(async () => app.fetch(request, env, ctx), key, metrics, ctx),
    );
    if (personal) bookmark = session.getBookmark();
    return answered;
  }
  // A write moves the data version: this isolate reads it anew at once.
  if (request.method !== "GET" && request.method !== "HEAD") forgetVersion();
  // Headers are set in place where they may be (a gzipped page must stay "manual"); the
  // platform's static files have immutable headers and are copied.
  let timed = response;
  try {
    timed.headers.set("Server-Timing", serverTiming(metrics));
  } catch {
    timed = new Response(response.body, response);
    timed.headers.set("Server-Timing", serverTiming(metrics));
  }
  // The user's next request reads a copy at least as new as what this one wrote or read.
  if (bookmark) timed.headers.append("Set-Cookie", bookmarkCookie(bookmark));
  return timed;
}

/**
 * A rendered answer, read whole when it is a page (so that every query is counted before
 * the header is written; downloads and other API bodies are not HTML and stream on), and
 * kept for the next reader under `key` when it may be (a key given: a cacheable request;
 * and the answer storable).
 */
async function answer(
  render: () => Promise<Response>,
  key: Request | null,
  metrics: RequestMetrics,
  ctx: ExecutionContext,
): Promise<Response> {
  const response = await render();
  if (!key || !isStorable(response)) {
    metrics.cache = "bypass";
    return (response.headers.get("Content-Type") ?? "").startsWith("text/html")
      ? new Response(await response.arrayBuffer(), response)
      : response;
  }
  const cache = (caches as unknown as { default: Cache }).default;
  metrics.cache = "miss";
  const body = await response.arrayBuffer();
  const stored = new Response(body, response);
  // An API answer keeps its own validator (functions/http-cache.ts); a page gets one here.
  if (!stored.headers.has("ETag")) stored.headers.set("ETag", await pageEtag(key));
  // Held here at once (its gzipped copy is made for its first hit), and stored at the edge
  // after the answer leaves: the reader does not wait for that.
  const kept = stored.clone();
  holdPage(key, body, kept);
  ctx.waitUntil(cache.put(key, kept));
  return stored;
}

/**
 * The page kept under `key` (this request's URL and data version; held in the isolate,
 * else in the edge cache), or 304 when the reader's copy is that one; null when none is kept.
 */
async function keptPage(
  request: Request,
  key: Request,
  metrics: RequestMetrics,
): Promise<Response | null> {
  const cache = (caches as unknown as { default: Cache }).default;
  const gzipOk = acceptsGzip(request);
  const cached = heldPage(key, gzipOk) ?? (await fromEdge(cache, key, gzipOk));
  if (!cached) return null;
  metrics.cache = "hit";
  // A kept page carries the ETag it was stored with.
  const etag = cached.headers.get("ETag") ?? "";
  if (etagMatches(request.headers.get("If-None-Match"), etag)) {
    metrics.cache = "revalidated";
    return new Response(null, { status: 304, headers: revalidationHeaders(cached, etag) });
  }
  return cached;
}

/** A page from the edge cache, held in this isolate from then on. */
async function fromEdge(cache: Cache, key: Request, gzipOk: boolean): Promise<Response | null> {
  const found = await cache.match(key);
  if (!found) return null;
  holdPage(key, await found.arrayBuffer(), found);
  return heldPage(key, gzipOk);
}

/**
 * What a 304 carries: the validators and caching rules of the copy it stands for, and its
 * security headers.
 */
function revalidationHeaders(cached: Response, etag: string): Headers {
  const headers = new Headers({ ETag: etag });
  for (const name of ["Cache-Control", "Vary", "Content-Location", ...SECURITY_HEADER_NAMES]) {
    const value = cached.headers.get(name);
    if (value) headers.set(name, value);
  }
  return headers;
}

// /api/docs is an Astro page (the API reference); everything else under /api is Hono's,
// on the request's database, and so are the bulk files (from R2).
app.all("/api/*", (c, next) =>
  c.req.path === "/api/docs"
    ? next()
    : api.fetch(c.req.raw, { ...c.env, DB: pagesDb() }, c.executionCtx),
);
app.all("/data/bulk/*", (c) => api.fetch(c.req.raw, { ...c.env, DB: pagesDb() }, c.executionCtx));
app.use(cf());
// Astro answers a page that threw with src/pages/500.astro, always as 500; that page adds
// Retry-After when the database was the cause, which makes it the 503 it is.
app.use(async (c, next) => {
  await next();
  if (c.res.status === 500 && c.res.headers.has("Retry-After")) {
    c.res = new Response(c.res.body, { status: 503, headers: c.res.headers });
  }
});
app.use(astro());

// The Workflow that writes the bulk files (wrangler.toml [[workflows]]).
export { BulkBuildWorkflow } from "./services/bulk-workflow.ts";

export default {
  fetch: serve,
  // The Cron Trigger (wrangler.toml): see src/services/cron.ts.
  scheduled(_controller, env, ctx) {
    for (const task of cronTasks(env, new Date())) ctx.waitUntil(task.finally(forgetVersion));
  },
} satisfies ExportedHandler<Env>;
