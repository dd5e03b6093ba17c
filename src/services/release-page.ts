/**
 * What /releases/{period} and /en/releases/{period} show: the published release, or why
 * there is none. Loaded in the page file so the status code is set before rendering.
 */
import { findPublishedRelease, type Release } from "../db/releases.ts";
import { isPeriod } from "../lib/periods.ts";

export type ReleasePageData =
  | { status: 200; release: Release & { published_at: string } }
  | { status: 400; problem: "invalid" }
  | { status: 404; problem: "unpublished" };

export async function loadReleasePage(db: D1Database, period: string): Promise<ReleasePageData> {
  if (!isPeriod(period)) return { status: 400, problem: "invalid" };
  const release = await findPublishedRelease(db, period);
  if (!release?.published_at) return { status: 404, problem: "unpublished" };
  return { status: 200, release: { ...release, published_at: release.published_at } };
}
