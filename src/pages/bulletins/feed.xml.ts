/**
 * /bulletins/feed.xml: the published bulletins as an Atom feed. A correction moves its
 * bulletin's <updated> and is named in the summary, so feed readers show it again.
 */
import type { APIRoute } from "astro";
import { pagesDb } from "../../db/binding.ts";
import { listPublishedBulletins } from "../../db/bulletins.ts";
import { buildAtom } from "../../lib/feeds.ts";
import { formatDateTime, formatYearToDate } from "../../lib/format.ts";

export const GET: APIRoute = async ({ locals }) => {
  const now = new Date().toISOString();
  const bulletins = await listPublishedBulletins(pagesDb(), now, 50);
  // Ids must never change: from the configured origin, not the address asked (src/lib/origin.ts).
  const origin = locals.canonicalOrigin;
  const entries = bulletins.map((b) => {
    const published = b.published_at as string;
    const corrected = b.corrected_at !== null && b.corrected_at > published ? b.corrected_at : null;
    const summary = `${b.region_name}${formatYearToDate(b.period)}村级集体经济进度表和提醒函。`;
    return {
      id: `${origin}/bulletins/${b.id}`,
      title: b.title,
      url: `${origin}/bulletins/${b.id}`,
      published,
      updated: corrected ?? published,
      summary: corrected ? `${summary}${formatDateTime(corrected)}发布更正，见公报页。` : summary,
    };
  });
  const xml = buildAtom({
    id: `${origin}/bulletins`,
    title: "村务公开台账 · 公报",
    url: `${origin}/bulletins`,
    selfUrl: `${origin}/bulletins/feed.xml`,
    updated: entries.reduce((latest, e) => (e.updated > latest ? e.updated : latest), "") || now,
    entries,
  });
  return new Response(xml, {
    headers: {
      "Content-Type": "application/atom+xml; charset=utf-8",
      "Cache-Control": "public, max-age=300",
    },
  });
};
