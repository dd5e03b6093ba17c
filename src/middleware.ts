/**
 * Around every page:
 * - the canonical origin for its permanent links (src/lib/origin.ts), in Astro.locals;
 * - `Vary: Cookie` on HTML: pages are rendered for the reader's large-text cookie
 *   (layouts/Base.astro), so without it a browser would show a page from its cache in the
 *   old text size after the reader switched it;
 * - on English pages, each run of Chinese in the text marked lang="zh-CN"
 *   (src/lib/language-of-parts.ts), with the runtime's streaming HTMLRewriter.
 */
import { env } from "cloudflare:workers";
import { defineMiddleware } from "astro:middleware";
import { langOfPath } from "./lib/i18n.ts";
import { hasChinese, markChinese } from "./lib/language-of-parts.ts";
import { canonicalOrigin } from "./lib/origin.ts";

export const onRequest = defineMiddleware(async (context, next) => {
  context.locals.canonicalOrigin = canonicalOrigin(env);
  const response = await next();
  if (!response.headers.get("Content-Type")?.startsWith("text/html")) return response;
  response.headers.append("Vary", "Cookie");
  return langOfPath(context.url.pathname) === "en" ? markChineseParts(response) : response;
});

/**
 * Elements whose text cannot hold a span (or is not shown as text): their Chinese is left
 * as it is. Their own lang, where they need one, is set where they are written.
 */
const NO_SPANS = "head, title, option, textarea, script, style, svg, template";

/** The page with every run of Chinese in its body text wrapped in a lang="zh-CN" span. */
function markChineseParts(response: Response): Response {
  let inside = 0;
  let text = "";
  return new HTMLRewriter()
    .on(NO_SPANS, {
      element(element) {
        inside += 1;
        element.onEndTag(() => {
          inside -= 1;
        });
      },
    })
    .onDocument({
      text(chunk) {
        if (inside > 0) return;
        // A text node may come in several chunks: gather it, then write it once.
        text += chunk.text;
        if (!chunk.lastInTextNode) {
          chunk.remove();
          return;
        }
        if (hasChinese(text)) chunk.replace(markChinese(text), { html: true });
        else if (text !== chunk.text) chunk.replace(text, { html: true });
        text = "";
      },
    })
    .transform(response);
}
