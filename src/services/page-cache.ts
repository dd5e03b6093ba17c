/**
 * Rendered pages at the edge: kept in the Workers Cache API (caches.default) under a key
 * made of the build, the live data's version, the reader's text size and the URL (whose
 * path carries the language). A write (upload, publication, correction) moves the version
 * (dataset_meta.last_updated), so a page of older data is never found again: nothing
 * stale is served and nothing needs purging. Anything personal is never stored: requests
 * with a session cookie, the back office, and any response that is not public or sets a
 * cookie.
 *
 * The most read pages are also held in the isolate's memory (at most MEMORY_PAGES, and
 * MEMORY_BYTES in all), under the same keys, so that they skip even the cache lookup.
 *
 * The version is kept in the isolate for VERSION_TTL_MS, so that a cached page costs no
 * D1 round trip: after a write, a reader served by another isolate may see the page as it
 * was for at most that long (the writer's own isolate forgets its copy at once).
 */
import { gzipSync } from "node:zlib";
import { readPageVersion } from "../db/meta.ts";
import { sessionAsDatabase } from "../db/session.ts";
import { BUILD_ID } from "../lib/build.ts";
import { viewSearch } from "../lib/origin.ts";
import { largeTextFromCookie } from "../lib/prefs.ts";
import { SESSION_COOKIE } from "./admin-auth.ts";

export const VERSION_TTL_MS = 5_000;

/** The live data's version, and the D1 bookmark of the copy it was read from. */
export interface LiveVersion {
  version: string;
  /** A page rendered under this version reads a copy at least this new. */
  bookmark: string | null;
}

let known: (LiveVersion & { at: number }) | null = null;

/**
 * The live data's version, read from D1 (the nearest replica) at most once per
 * VERSION_TTL_MS per isolate, with the bookmark of the copy that answered. A request that
 * finds it stale reads it itself: an in-flight read is never shared, since its promise and
 * the D1 I/O under it belong to the request that made it (shared under 50 concurrent
 * clients, it failed: "Cannot perform I/O on behalf of a different request").
 */
export async function liveVersion(db: D1Database): Promise<LiveVersion> {
  if (known && Date.now() - known.at < VERSION_TTL_MS) return known;
  const session = db.withSession("first-unconstrained");
  const version = await readPageVersion(sessionAsDatabase(session));
  known = { version: version ?? "none", bookmark: session.getBookmark(), at: Date.now() };
  return known;
}

/** Called after a write in this isolate: its next page reads the new version. */
export function forgetVersion(): void {
  known = null;
}

/** Whether a request is a signed-in user's, or the back office's: never cached. */
export function isPersonal(request: Request): boolean {
  const { pathname } = new URL(request.url);
  const cookie = request.headers.get("Cookie") ?? "";
  return (
    /^\/(admin|api\/admin)(\/|$)/.test(pathname) ||
    cookie.includes(`${SESSION_COOKIE}=`) ||
    request.headers.has("Authorization") ||
    request.headers.has("Cf-Access-Jwt-Assertion")
  );
}

/**
 * Whether a request may be answered from (and its answer kept in) the edge cache: a GET,
 * not personal (`personal`: isPersonal's answer, worked out once per request), for a page
 * (not /prefs, nor a bulk file) or a public API answer that is not a dataset download (downloads stream,
 * can be large, and carry their own validators). The API's CORS headers are the same for
 * every origin, so a kept answer serves all.
 */
export function isCacheableRequest(request: Request, personal: boolean): boolean {
  if (request.method !== "GET" || personal) return false;
  const { pathname } = new URL(request.url);
  if (pathname.startsWith("/api/")) {
    return pathname.startsWith("/api/v1/") && !pathname.startsWith("/api/v1/datasets/");
  }
  // Bulk files come from R2 with their own validators and byte ranges.
  return !/^\/(prefs|data\/bulk)(\/|$)/.test(pathname);
}

/** Whether a rendered answer may be kept: public, successful, and setting no cookie. */
export function isStorable(response: Response): boolean {
  return (
    response.status === 200 &&
    /\bpublic\b/.test(response.headers.get("Cache-Control") ?? "") &&
    !response.headers.has("Set-Cookie")
  );
}

/**
 * The query that selects a page's view (src/lib/origin.ts: tracking parameters dropped, the
 * rest in name order), so that a shared link is the page already kept. API answers keep
 * theirs as sent: `from` is a natural name for an API filter, and dropping one would serve
 * the wrong answer.
 */
function keySearch(url: URL): string {
  return url.pathname.startsWith("/api/") ? url.search : viewSearch(url);
}

/** The cache key of a page request at a data version. */
export function pageCacheKey(request: Request, version: string): Request {
  const url = new URL(request.url);
  const size = largeTextFromCookie(request.headers.get("Cookie")) ? "large" : "normal";
  const key = `${url.origin}/__page-cache/${BUILD_ID}/${encodeURIComponent(version)}/${size}${url.pathname}${keySearch(url)}`;
  return new Request(key, { method: "GET" });
}

/** The ETag of a page: a digest of its cache key (build, version, text size, URL). */
export async function pageEtag(key: Request): Promise<string> {
  const digest = await crypto.subtle.digest("SHA-256", new TextEncoder().encode(key.url));
  const hex = [...new Uint8Array(digest)]
    .slice(0, 12)
    .map((b) => b.toString(16).padStart(2, "0"))
    .join("");
  // Weak: the same page is sent gzipped or not (RFC 9110 §8.8.1).
  return `W/"p-${hex}"`;
}

/** Does If-None-Match name this ETag? (weak comparison, RFC 9110) */
export function etagMatches(header: string | null, etag: string): boolean {
  if (!header) return false;
  if (header.trim() === "*") return true;
  const bare = etag.replace(/^W\//, "");
  return header.split(",").some((tag) => tag.trim().replace(/^W\//, "") === bare);
}

/** Pages kept in the isolate's memory too: the most read ones skip even the cache lookup. */
const MEMORY_PAGES = 64;
const MEMORY_BYTES = 16 * 1024 * 1024;

interface HeldPage {
  url: string;
  body: ArrayBuffer;
  /**
   * The same body gzipped, sent to readers who accept it (a fifth of the bytes); made for
   * the page's first hit, so that a page read once is never compressed here.
   */
  gzipped: ArrayBuffer | null;
  status: number;
  headers: [string, string][];
}

const held = new Map<string, HeldPage>();
let heldBytes = 0;

/**
 * A held page's body gzipped, made on its first hit and kept for the next ones. Made at
 * once (node:zlib), not as a stream: a stream belongs to the request that made it, and a
 * concurrent reader of the same page must never touch it (under 50 concurrent clients a
 * CompressionStream shared this way failed: "Cannot perform I/O on behalf of a different
 * request"). About 1 ms for a county page.
 */
function gzippedBody(page: HeldPage): ArrayBuffer {
  if (!page.gzipped) {
    const gzipped = gzipSync(new Uint8Array(page.body));
    page.gzipped = gzipped.buffer.slice(
      gzipped.byteOffset,
      gzipped.byteOffset + gzipped.byteLength,
    ) as ArrayBuffer;
    if (held.get(page.url) === page) heldBytes += page.gzipped.byteLength;
  }
  return page.gzipped;
}

/** Whether a request accepts a gzipped body. */
export function acceptsGzip(request: Request): boolean {
  return /\bgzip\b/.test(request.headers.get("Accept-Encoding") ?? "");
}

/**
 * A page held in this isolate under `key` (most recently read first), as a new response:
 * gzipped, and sent as it is (encodeBody "manual"), when the reader accepts it.
 */
export function heldPage(key: Request, gzipOk: boolean): Response | null {
  const page = held.get(key.url);
  if (!page) return null;
  held.delete(key.url);
  held.set(key.url, page);
  const headers = new Headers(page.headers);
  headers.append("Vary", "Accept-Encoding");
  if (!gzipOk) return new Response(page.body, { status: page.status, headers });
  headers.set("Content-Encoding", "gzip");
  headers.delete("Content-Length");
  return new Response(gzippedBody(page), { status: page.status, headers, encodeBody: "manual" });
}

function heldSize(page: HeldPage): number {
  return page.body.byteLength + (page.gzipped?.byteLength ?? 0);
}

/** Holds a page in this isolate, dropping the least recently read beyond the limits. */
export function holdPage(key: Request, body: ArrayBuffer, response: Response): void {
  if (body.byteLength > MEMORY_BYTES / 8) return;
  const page: HeldPage = {
    url: key.url,
    body,
    gzipped: null,
    status: response.status,
    headers: [...response.headers],
  };
  const old = held.get(key.url);
  if (old) heldBytes -= heldSize(old);
  held.delete(key.url);
  held.set(key.url, page);
  heldBytes += body.byteLength;
  for (const [url, kept] of held) {
    if (held.size <= MEMORY_PAGES && heldBytes <= MEMORY_BYTES) break;
    held.delete(url);
    heldBytes -= heldSize(kept);
  }
}
