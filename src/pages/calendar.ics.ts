/** /calendar.ics: the release calendar for calendar apps (iCalendar). */
import type { APIRoute } from "astro";
import { pagesDb } from "../db/binding.ts";
import { buildIcs } from "../lib/feeds.ts";
import { loadCalendar } from "../services/calendar.ts";

const STATUS = {
  provisional: "TENTATIVE",
  confirmed: "CONFIRMED",
  published: "CONFIRMED",
  cancelled: "CANCELLED",
} as const;

export const GET: APIRoute = async ({ locals }) => {
  const now = new Date().toISOString();
  const { upcoming, past } = await loadCalendar(pagesDb(), now);
  // UIDs must never change: from the configured origin, not the address asked (src/lib/origin.ts).
  const origin = locals.canonicalOrigin;
  const host = new URL(origin).hostname;
  const events = [...upcoming, ...past.slice(0, 24)].map(({ release, changes, notices }) => ({
    uid: `release-${release.id}@${host}`,
    start: release.published_at ?? release.scheduled_at,
    summary:
      release.status === "cancelled"
        ? `【已取消】${release.title}`
        : release.status === "provisional"
          ? `【暂定】${release.title}`
          : release.title,
    description:
      [
        ...changes.map((c) => `改期原因：${c.reason}`),
        ...notices.map((n) => `${n.body}（原因：${n.reason}）`),
      ].join("\n") || release.title,
    url: `${origin}/releases/${release.period}`,
    status: STATUS[release.status],
    updated:
      changes.at(-1)?.changed_at ??
      release.cancelled_at ??
      release.confirmed_at ??
      release.created_at,
    sequence: changes.length + (release.status === "cancelled" ? 1 : 0),
  }));
  return new Response(buildIcs(events, "村务公开台账 · 发布日历"), {
    headers: {
      "Content-Type": "text/calendar; charset=utf-8",
      "Cache-Control": "public, max-age=300",
    },
  });
};
