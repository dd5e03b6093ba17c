/**
 * Rendered pages at the edge: kept in the Workers Cache API (caches.default) under a key
 * made of the build, the live data's version, the reader's text size and the URL (whose
 * path carries the language). A write (upload, publication, correction) moves the version
 * (dataset_meta.last_updated), so a page of older data is never found again: nothing
 * stale is served and nothing needs purging. Anything personal is never stored: requests
 * with a session cookie, the back office, and any response that is not public or sets a
 * cookie.
 *
 * The version is kept in the isolate for VERSION_TTL_MS, so that a cached page costs no
 * D1 round trip: after a write, a reader served by another isolate may see the page as it
 * was for at most that long (the writer's own isolate forgets its copy at once).
 */
import { readLastUpdated } from "../db/meta.ts";
import { BUILD_ID } from "../lib/build.ts";
import { largeTextFromCookie } from "../lib/prefs.ts";
import { SESSION_COOKIE } from "./admin-auth.ts";

export const VERSION_TTL_MS = 5_000;

let known: { version: string; at: number } | null = null;
let reading: Promise<string> | null = null;

/** The live data's version, read from D1 at most once per VERSION_TTL_MS per isolate. */
export async function liveVersion(db: D1Database): Promise<string> {
  if (known && Date.now() - known.at < VERSION_TTL_MS) return known.version;
  reading ??= readLastUpdated(db)
    .then((version) => {
      known = { version: version ?? "none", at: Date.now() };
      return known.version;
    })
    .finally(() => {
      reading = null;
    });
  return reading;
}

/** Called after a write in this isolate: its next page reads the new version. */
export function forgetVersion(): void {
  known = null;
}

/** Whether a request may be answered from (and its answer kept in) the page cache. */
export function isCacheablePageRequest(request: Request): boolean {
  if (request.method !== "GET") return false;
  const { pathname } = new URL(request.url);
  if (/^\/(admin|prefs)(\/|$)/.test(pathname) || pathname.startsWith("/api/")) return false;
  const cookie = request.headers.get("Cookie") ?? "";
  return !cookie.includes(`${SESSION_COOKIE}=`) && !request.headers.has("Authorization");
}

/** Whether a rendered answer may be kept: public, successful, and setting no cookie. */
export function isStorable(response: Response): boolean {
  return (
    response.status === 200 &&
    /\bpublic\b/.test(response.headers.get("Cache-Control") ?? "") &&
    !response.headers.has("Set-Cookie")
  );
}

/** The cache key of a page request at a data version. */
export function pageCacheKey(request: Request, version: string): Request {
  const url = new URL(request.url);
  const size = largeTextFromCookie(request.headers.get("Cookie")) ? "large" : "normal";
  const key = `${url.origin}/__page-cache/${BUILD_ID}/${encodeURIComponent(version)}/${size}${url.pathname}${url.search}`;
  return new Request(key, { method: "GET" });
}

/** The ETag of a page: a digest of its cache key (build, version, text size, URL). */
export async function pageEtag(key: Request): Promise<string> {
  const digest = await crypto.subtle.digest("SHA-256", new TextEncoder().encode(key.url));
  const hex = [...new Uint8Array(digest)]
    .slice(0, 12)
    .map((b) => b.toString(16).padStart(2, "0"))
    .join("");
  return `"p-${hex}"`;
}

/** Does If-None-Match name this ETag? (weak comparison, RFC 9110) */
export function etagMatches(header: string | null, etag: string): boolean {
  if (!header) return false;
  if (header.trim() === "*") return true;
  return header.split(",").some((tag) => tag.trim().replace(/^W\//, "") === etag);
}
