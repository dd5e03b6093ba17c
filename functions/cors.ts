/**
 * CORS for the public API: any origin may read (GET, HEAD), so that notebooks and
 * newsroom pages can fetch the data; nothing else is allowed cross-origin, so a write
 * endpoint can never be called from another site's page.
 */
import type { MiddlewareHandler } from "hono";

// Content-Length is exposed to scripts anyway; X-Row-Count is the CSV downloads' row count.
const EXPOSED = ["ETag", "Content-Disposition", "Retry-After", "Cache-Control", "X-Row-Count"].join(
  ", ",
);

export const publicReadCors: MiddlewareHandler = async (c, next) => {
  const method = c.req.method;
  if (method === "OPTIONS" && c.req.header("Access-Control-Request-Method")) {
    const asked = c.req.header("Access-Control-Request-Method")?.toUpperCase();
    const allowed = asked === "GET" || asked === "HEAD";
    return new Response(null, {
      status: 204,
      headers: allowed
        ? {
            "Access-Control-Allow-Origin": "*",
            "Access-Control-Allow-Methods": "GET, HEAD",
            "Access-Control-Allow-Headers": "If-None-Match",
            "Access-Control-Max-Age": "86400",
          }
        : {},
    });
  }
  await next();
  if (method === "GET" || method === "HEAD") {
    c.res.headers.set("Access-Control-Allow-Origin", "*");
    c.res.headers.set("Access-Control-Expose-Headers", EXPOSED);
  }
};
