/** /sitemaps/{name}.xml: one sitemap file (src/services/sitemap.ts); 404 for no such file. */
import type { APIRoute } from "astro";
import { pagesDb } from "../../db/binding.ts";
import { sitemapFile } from "../../services/sitemap.ts";

export const GET: APIRoute = async ({ locals, params }) => {
  const xml = await sitemapFile(
    pagesDb(),
    locals.canonicalOrigin,
    params.name ?? "",
    new Date().toISOString(),
  );
  if (xml === null) {
    return new Response("没有这个站点地图文件。\n", {
      status: 404,
      headers: { "Content-Type": "text/plain; charset=utf-8" },
    });
  }
  return new Response(xml, {
    headers: {
      "Content-Type": "application/xml; charset=utf-8",
      "Cache-Control": "public, max-age=3600",
    },
  });
};
