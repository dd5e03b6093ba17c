/** /bulletins/feed.xml: the published bulletins as an Atom feed. */
import type { APIRoute } from "astro";
import { env } from "cloudflare:workers";
import { listPublishedBulletins } from "../../db/bulletins.ts";
import { buildAtom } from "../../lib/feeds.ts";
import { formatYearToDate } from "../../lib/format.ts";

export const GET: APIRoute = async ({ url }) => {
  const now = new Date().toISOString();
  const bulletins = await listPublishedBulletins(env.DB, now, 50);
  const origin = url.origin;
  const xml = buildAtom({
    id: `${origin}/bulletins`,
    title: "村务公开台账 · 公报",
    url: `${origin}/bulletins`,
    selfUrl: `${origin}/bulletins/feed.xml`,
    updated: bulletins[0]?.published_at ?? now,
    entries: bulletins.map((b) => ({
      id: `${origin}/bulletins/${b.id}`,
      title: b.title,
      url: `${origin}/bulletins/${b.id}`,
      published: b.published_at as string,
      updated: b.published_at as string,
      summary: `${b.region_name}${formatYearToDate(b.period)}村级集体经济进度表和提醒函。`,
    })),
  });
  return new Response(xml, {
    headers: {
      "Content-Type": "application/atom+xml; charset=utf-8",
      "Cache-Control": "public, max-age=300",
    },
  });
};
