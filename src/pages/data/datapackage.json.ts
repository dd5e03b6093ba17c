/** /data/datapackage.json: every dataset as a Frictionless Data Package (v2). */
import type { APIRoute } from "astro";
import { pagesDb } from "../../db/binding.ts";
import { readDatasetMeta } from "../../db/meta.ts";
import { dataPackage } from "../../lib/datapackage.ts";

export const GET: APIRoute = async ({ locals }) => {
  const meta = await readDatasetMeta(pagesDb());
  return new Response(
    JSON.stringify(dataPackage(locals.canonicalOrigin, meta.lastUpdated), null, 2),
    {
      headers: {
        "Content-Type": "application/json; charset=utf-8",
        "Cache-Control": "public, max-age=3600",
        "Access-Control-Allow-Origin": "*",
      },
    },
  );
};
