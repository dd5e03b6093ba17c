/** /sitemap.xml: the index of the sitemap files (src/services/sitemap.ts). */
import type { APIRoute } from "astro";
import { pagesDb } from "../db/binding.ts";
import { sitemapIndex } from "../services/sitemap.ts";

export const GET: APIRoute = async ({ locals }) =>
  new Response(await sitemapIndex(pagesDb(), locals.canonicalOrigin), {
    headers: {
      "Content-Type": "application/xml; charset=utf-8",
      "Cache-Control": "public, max-age=3600",
    },
  });
