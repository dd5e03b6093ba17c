/**
 * Pages are rendered for the reader's large-text cookie (layouts/Base.astro), so a cached
 * copy is only valid for the same cookie: without `Vary: Cookie` a browser would show a
 * page from its cache in the old text size after the reader switched it.
 */
import { defineMiddleware } from "astro:middleware";

export const onRequest = defineMiddleware(async (_context, next) => {
  const response = await next();
  if (response.headers.get("Content-Type")?.startsWith("text/html")) {
    response.headers.append("Vary", "Cookie");
  }
  return response;
});
