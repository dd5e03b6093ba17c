/** The release calendar as the public sees it: upcoming (next 12 months) and past releases. */
import {
  listDateChanges,
  listNotices,
  listReleases,
  type DateChange,
  type Notice,
  type Release,
} from "../db/releases.ts";

export interface CalendarEntry {
  release: Release;
  changes: DateChange[];
  notices: Notice[];
}

export interface Calendar {
  upcoming: CalendarEntry[];
  past: CalendarEntry[];
}

/** Releases of the next 12 months (soonest first) and past ones (latest first). */
export async function loadCalendar(db: D1Database, now: string): Promise<Calendar> {
  const [releases, changes, notices] = await Promise.all([
    listReleases(db),
    listDateChanges(db),
    listNotices(db),
  ]);
  const horizon = new Date(Date.parse(now));
  horizon.setUTCMonth(horizon.getUTCMonth() + 12);
  const entry = (release: Release): CalendarEntry => ({
    release,
    changes: changes.filter((c) => c.release_id === release.id),
    notices: notices.filter((n) => n.release_id === release.id && n.bulletin_id === null),
  });
  const upcoming = releases
    .filter(
      (r) =>
        r.status !== "published" && r.scheduled_at > now && r.scheduled_at <= horizon.toISOString(),
    )
    .map(entry);
  const past = releases
    .filter((r) => r.status === "published" || r.scheduled_at <= now)
    .reverse()
    .map(entry);
  return { upcoming, past };
}
