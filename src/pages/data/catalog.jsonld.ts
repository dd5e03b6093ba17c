/** /data/catalog.jsonld: the DCAT-AP catalogue of the datasets, for data portals. */
import type { APIRoute } from "astro";
import { pagesDb } from "../../db/binding.ts";
import { readDatasetMeta } from "../../db/meta.ts";
import { dcatCatalog } from "../../lib/datapackage.ts";

export const GET: APIRoute = async ({ locals }) => {
  const meta = await readDatasetMeta(pagesDb());
  return new Response(
    JSON.stringify(dcatCatalog(locals.canonicalOrigin, meta.lastUpdated), null, 2),
    {
      headers: {
        "Content-Type": "application/ld+json; charset=utf-8",
        "Cache-Control": "public, max-age=3600",
        "Access-Control-Allow-Origin": "*",
      },
    },
  );
};
