/**
 * Around every page:
 * - the canonical origin for its permanent links (src/lib/origin.ts), in Astro.locals;
 * - `Vary: Cookie` on HTML: pages are rendered for the reader's large-text cookie
 *   (layouts/Base.astro), so without it a browser would show a page from its cache in the
 *   old text size after the reader switched it.
 */
import { env } from "cloudflare:workers";
import { defineMiddleware } from "astro:middleware";
import { canonicalOrigin } from "./lib/origin.ts";

export const onRequest = defineMiddleware(async (context, next) => {
  context.locals.canonicalOrigin = canonicalOrigin(env);
  const response = await next();
  if (response.headers.get("Content-Type")?.startsWith("text/html")) {
    response.headers.append("Vary", "Cookie");
  }
  return response;
});
