/**
 * /r/{code}/feed.xml and /en/r/{code}/feed.xml: a region's updates as an Atom feed
 * (src/views/region-feed.ts). Kept at the edge by data version like the pages
 * (src/services/page-cache.ts); other sites may load it (Cross-Origin-Resource-Policy:
 * cross-origin, src/lib/security-headers.ts, as for every .xml path). A malformed code
 * answers 400 and an unknown one 404, as the region page does, in plain text.
 */
import type { APIRoute } from "astro";
import { pagesDb } from "../../../../db/binding.ts";
import { langOfRoute } from "../../../../i18n/index.ts";
import { loadRegionFeed } from "../../../../views/region-feed.ts";

export const GET: APIRoute = async ({ locals, params }) => {
  const lang = langOfRoute(params.lang);
  // A prefix other than /en names no feed: Astro answers with src/pages/404.astro.
  if (!lang) return new Response(null, { status: 404 });
  const feed = await loadRegionFeed(pagesDb(), params.code ?? "", lang, locals.canonicalOrigin);
  if (feed.status !== 200) {
    return new Response(`${feed.problem}\n`, {
      status: feed.status,
      headers: {
        "Content-Type": "text/plain; charset=utf-8",
        "Cache-Control": "public, max-age=300",
      },
    });
  }
  return new Response(feed.xml, {
    headers: {
      "Content-Type": "application/atom+xml; charset=utf-8",
      "Cache-Control": "public, max-age=300",
    },
  });
};
