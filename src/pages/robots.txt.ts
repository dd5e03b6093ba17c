/** /robots.txt (src/lib/sitemap.ts): what crawlers leave alone, and where the sitemap is. */
import type { APIRoute } from "astro";
import { robotsTxt } from "../lib/sitemap.ts";

export const GET: APIRoute = ({ locals }) =>
  new Response(robotsTxt(locals.canonicalOrigin), {
    headers: {
      "Content-Type": "text/plain; charset=utf-8",
      "Cache-Control": "public, max-age=86400",
    },
  });
