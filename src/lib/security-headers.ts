/**
 * The security headers of every response the Worker sends (pages, the API, files and the
 * back office), with hono/secure-headers; static files served by the platform before the
 * Worker runs get the same ones from public/_headers (a test compares the two).
 *
 * - Content-Security-Policy: scripts only from this origin, plus the one inline head script
 *   by its SHA-256 hash (src/lib/head-script.ts); no inline styles or style attributes;
 *   nothing may frame a page (`frame-ancestors 'none'`) but the embed pages, which any page
 *   may (isFramable). JSON data blocks
 *   (`<script type="application/json">`) are not scripts and need nothing.
 * - Strict-Transport-Security for 180 days, nosniff, a Referrer-Policy that sends other
 *   sites the origin only, and a Permissions-Policy that turns off devices and sensors.
 * - Cross-Origin-Resource-Policy: `cross-origin` on the public API and the data files, so
 *   that other sites' pages and notebooks can fetch them; `same-origin` elsewhere.
 */
import { createHash } from "node:crypto";
import type { MiddlewareHandler } from "hono";
import { secureHeaders } from "hono/secure-headers";
import { HEAD_SCRIPT } from "./head-script.ts";

/** The CSP source of the inline head script: 'sha256-…' of its exact text. */
export const HEAD_SCRIPT_HASH = `'sha256-${createHash("sha256").update(HEAD_SCRIPT).digest("base64")}'`;

/** 180 days, in seconds. */
export const HSTS_MAX_AGE = 15_552_000;

const SELF = "'self'";
const NONE = "'none'";

/** Paths whose answers other origins may load: the public API, the data files, the feeds. */
export function isPublicResource(path: string): boolean {
  if (path.startsWith("/api/admin") || path === "/api/docs") return false;
  return (
    path.startsWith("/api/") ||
    path.startsWith("/data/bulk/") ||
    /\.(?:json|jsonld|csv|xml|ics)$/.test(path)
  );
}

/**
 * Paths that any site may frame: the embed pages (/embed/{code}/{chart} and /en/embed/…),
 * which exist to be shown in other sites' pages. Nothing else may be framed.
 */
export function isFramable(path: string): boolean {
  return /^\/(?:en\/)?embed(?:\/|$)/.test(path);
}

function headersFor(crossOrigin: boolean, framable = false): MiddlewareHandler {
  return secureHeaders({
    contentSecurityPolicy: {
      defaultSrc: [SELF],
      scriptSrc: [SELF, HEAD_SCRIPT_HASH],
      styleSrc: [SELF],
      imgSrc: [SELF, "data:"],
      fontSrc: [SELF],
      connectSrc: [SELF],
      objectSrc: [NONE],
      baseUri: [SELF],
      formAction: [SELF],
      // Any page may frame an embed (http and https, as "*" matches): no X-Frame-Options then.
      frameAncestors: framable ? ["*"] : [NONE],
    },
    strictTransportSecurity: `max-age=${HSTS_MAX_AGE}; includeSubDomains`,
    xFrameOptions: framable ? false : "DENY",
    referrerPolicy: "strict-origin-when-cross-origin",
    crossOriginResourcePolicy: crossOrigin ? "cross-origin" : "same-origin",
    permissionsPolicy: {
      camera: [],
      microphone: [],
      geolocation: [],
      payment: [],
      usb: [],
      browsingTopics: [],
    },
  });
}

const sameOrigin = headersFor(false);
const crossOrigin = headersFor(true);
// Cross-origin too: a framing page that requires CORP (COEP: require-corp) may load it.
const framable = headersFor(true, true);

/** The names of the headers set here (a 304 for a kept page repeats them). */
export const SECURITY_HEADER_NAMES = [
  "Content-Security-Policy",
  "Strict-Transport-Security",
  "X-Content-Type-Options",
  "X-Frame-Options",
  "Referrer-Policy",
  "Permissions-Policy",
  "Cross-Origin-Resource-Policy",
  "Cross-Origin-Opener-Policy",
] as const;

/** The middleware: the headers for the request's path, set on whatever answers it. */
export const securityHeaders: MiddlewareHandler = (c, next) =>
  (isFramable(c.req.path) ? framable : isPublicResource(c.req.path) ? crossOrigin : sameOrigin)(
    c,
    async () => {
      await next();
      // A response made by the platform (a static file) has immutable headers: a copy's are not.
      try {
        c.res.headers.set("X-Content-Type-Options", "nosniff");
      } catch {
        c.res = new Response(c.res.body, c.res);
      }
    },
  );
