/**
 * Which data a request reads (a published release, or live data) and its HTTP caching, as
 * one middleware, dataVersion. A release's data never changes, so it is cached for a year
 * and marked immutable; live data for five minutes. Both carry an ETag made from the
 * request and the data's version (the release's freeze moment, or
 * dataset_meta.last_updated, which every write bumps) and the build's identity, so a
 * revalidation gets 304 without reading the data, and a deploy that changes an answer is
 * never hidden behind the copy cached before it.
 */
import type { RouteConfig, RouteHandler } from "@hono/zod-openapi";
import type { Context, MiddlewareHandler } from "hono";
import { readDatasetMeta } from "../src/db/meta.ts";
import { dataStamp } from "../src/lib/build.ts";
import { findPublishedRelease } from "../src/db/releases.ts";
import { ApiError } from "./api-error.ts";

export const LIVE_CACHE = "public, max-age=300";
export const RELEASE_CACHE = "public, max-age=31536000, immutable";

/** The data a request reads. */
export interface DataVersion {
  /** The release's period, or "live". */
  release: string;
  releasePublishedAt: string | null;
  /** The freeze moment of the release (null for live data). */
  asOf: string | null;
  /** When the data was last updated: the freeze moment, or the last write. */
  dataUpdatedAt: string | null;
  sampleData: boolean;
}

/** What a route's handlers find on the context once dataVersion has run. */
export type VersionEnv = { Bindings: Env; Variables: { dataVersion: DataVersion } };

/** Resolves `release` (a period) to its freeze moment; live data when absent. 404 if unknown. */
async function resolveVersion(db: D1Database, release: string | undefined): Promise<DataVersion> {
  const meta = await readDatasetMeta(db);
  if (!release) {
    return {
      release: "live",
      releasePublishedAt: null,
      asOf: null,
      dataUpdatedAt: meta.lastUpdated,
      sampleData: meta.sampleData,
    };
  }
  const found = await findPublishedRelease(db, release);
  if (!found?.published_at) {
    throw new ApiError(
      404,
      `No published release for ${release}; releases are named by the period they report, e.g. 2026-10 (see /api/v1/datasets/releases.json).`,
      `没有已发布的 ${release} 月度发布；发布以统计期命名，例如 2026-10。`,
    );
  }
  return {
    release,
    releasePublishedAt: found.published_at,
    asOf: found.published_at,
    dataUpdatedAt: found.published_at,
    sampleData: meta.sampleData,
  };
}

async function sha256Hex(text: string): Promise<string> {
  const digest = await crypto.subtle.digest("SHA-256", new TextEncoder().encode(text));
  return [...new Uint8Array(digest)]
    .slice(0, 16)
    .map((b) => b.toString(16).padStart(2, "0"))
    .join("");
}

/** Does If-None-Match name this ETag? (weak comparison, as RFC 9110 says for GET) */
function matches(header: string | undefined, etag: string): boolean {
  if (!header) return false;
  if (header.trim() === "*") return true;
  const bare = etag.replace(/^W\//, "");
  return header.split(",").some((tag) => tag.trim().replace(/^W\//, "") === bare);
}

/**
 * What identifies the data of `version`: the release's freeze moment, or the live data's
 * last update. The ETag is made from it, and so is the key of a cached export size
 * (src/db/export-sizes.ts): whatever changes one changes the other.
 */
export function versionStamp(version: DataVersion): string {
  return dataStamp(version.asOf, version.dataUpdatedAt);
}

/**
 * Sets Cache-Control and ETag for a response about `version`; returns a 304 response
 * when the client already holds it, else null (the caller goes on to build the body).
 */
async function cacheOrNotModified(c: Context, version: DataVersion): Promise<Response | null> {
  const url = new URL(c.req.url);
  const query = [...url.searchParams].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  const etag = `"${await sha256Hex(`v1|${url.pathname}|${JSON.stringify(query)}|${versionStamp(version)}`)}"`;
  const cacheControl = version.asOf ? RELEASE_CACHE : LIVE_CACHE;
  if (matches(c.req.header("If-None-Match"), etag)) {
    return new Response(null, {
      status: 304,
      headers: { ETag: etag, "Cache-Control": cacheControl },
    });
  }
  c.header("ETag", etag);
  c.header("Cache-Control", cacheControl);
  return null;
}

/** Where a route names the release it reads (undefined: live data). */
export type ReleaseOf = (c: Context) => string | undefined;

/** The `release` query parameter (a period, YYYY-MM). */
export const releaseQuery: ReleaseOf = (c) => c.req.query("release");

/**
 * Middleware: resolves the data version the request reads (live, or the release that
 * `releaseOf` names: 404 when none was published), answers 304 when If-None-Match already
 * holds its ETag, before the handler reads anything; else sets ETag and Cache-Control and
 * puts the version on the context, `c.get("dataVersion")`, for the handler.
 *
 * On an OpenAPI route it runs after the route's validation (see afterValidation), so that a
 * malformed request is refused 400 and never answered 304 (`If-None-Match: *` matches every
 * ETag); a plain route lists it after its own checks.
 *
 * @example
 * regions.openapi(
 *   getSummary,
 *   afterValidation<typeof getSummary>(dataVersion(releaseQuery), async (c) => {
 *     const version = c.get("dataVersion");
 *     ...
 *   }),
 * );
 */
export function dataVersion(releaseOf: ReleaseOf = () => undefined): MiddlewareHandler<VersionEnv> {
  return async (c, next) => {
    const version = await resolveVersion(c.env.DB, releaseOf(c));
    const notModified = await cacheOrNotModified(c, version);
    if (notModified) return notModified;
    c.set("dataVersion", version);
    await next();
  };
}

/** The context of a handler of `R` in an app of VersionEnv: its validated input typed. */
export type RouteContext<R extends RouteConfig> = Parameters<RouteHandler<R, VersionEnv>>[0];

/**
 * The handler of the OpenAPI route `R` behind a middleware, as one handler. zod-openapi runs
 * a route's own `middleware` before its validators; this runs the middleware after them,
 * just before the handler. The middleware answers alone (a 304) or lets the handler answer.
 */
export function afterValidation<R extends RouteConfig>(
  middleware: MiddlewareHandler<VersionEnv>,
  handler: (c: RouteContext<R>) => Promise<Response>,
): (c: RouteContext<R>) => Promise<Response> {
  return async (c) => {
    let answer: Response | undefined;
    const early = await middleware(c, async () => {
      answer = await handler(c);
    });
    if (early) return early;
    if (!answer) throw new Error("The middleware neither answered nor called the handler.");
    return answer;
  };
}
