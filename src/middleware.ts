/**
 * Around every page:
 * - the canonical origin for its permanent links (src/lib/origin.ts), in Astro.locals;
 * - `Vary: Cookie` on HTML: pages are rendered for the reader's large-text cookie
 *   (layouts/Base.astro), so without it a browser would show a page from its cache in the
 *   old text size after the reader switched it;
 * - on English pages, each run of Chinese in the text marked lang="zh-CN"
 *   (src/lib/language-of-parts.ts).
 */
import { env } from "cloudflare:workers";
import { defineMiddleware } from "astro:middleware";
import { langOfPath } from "./lib/i18n.ts";
import { markChineseInPage } from "./lib/language-of-parts.ts";
import { canonicalOrigin } from "./lib/origin.ts";

export const onRequest = defineMiddleware(async (context, next) => {
  context.locals.canonicalOrigin = canonicalOrigin(env);
  const response = await next();
  if (!response.headers.get("Content-Type")?.startsWith("text/html")) return response;
  response.headers.append("Vary", "Cookie");
  return langOfPath(context.url.pathname) === "en" ? markChineseParts(response) : response;
});

/** The page with every run of Chinese in its body text marked lang="zh-CN". */
async function markChineseParts(response: Response): Promise<Response> {
  const html = markChineseInPage(await response.text());
  return new Response(html, { status: response.status, headers: response.headers });
}
