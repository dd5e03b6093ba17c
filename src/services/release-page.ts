/**
 * What /releases/{period} and /en/releases/{period} show: the published release with its
 * bulletins and notices and what changed since the previous release, or why there is none.
 * Loaded in the page file, before rendering (the status code is set first), in two waves:
 * the release, then everything about it.
 */
import { listReleaseBulletins } from "../db/bulletins.ts";
import { countNewReturns, findPreviousRelease, findRevisions } from "../db/release-changes.ts";
import { findPublishedRelease, listNotices, type Notice, type Release } from "../db/releases.ts";
import { isPeriod } from "../lib/periods.ts";
import type { RevisionPair } from "../lib/revisions.ts";

export interface ReleaseDetails {
  bulletins: Awaited<ReturnType<typeof listReleaseBulletins>>;
  notices: Notice[];
  /** The release before this one, and what changed since it. */
  previous: Release | null;
  revisions: RevisionPair[];
  filed: { period: string; returns: number }[];
}

export type ReleasePageData =
  | { status: 200; release: Release & { published_at: string }; details: ReleaseDetails }
  | { status: 400; problem: "invalid" }
  | { status: 404; problem: "unpublished" };

export async function loadReleasePage(db: D1Database, period: string): Promise<ReleasePageData> {
  if (!isPeriod(period)) return { status: 400, problem: "invalid" };
  const found = await findPublishedRelease(db, period);
  if (!found?.published_at) return { status: 404, problem: "unpublished" };
  const release = { ...found, published_at: found.published_at };
  const previous = await findPreviousRelease(db, release.published_at);
  const window = { after: previous?.published_at ?? null, upTo: release.published_at };
  const [bulletins, notices, revisions, filed] = await Promise.all([
    listReleaseBulletins(db, release.id, new Date().toISOString()),
    listNotices(db, { releaseId: release.id }),
    findRevisions(db, window),
    countNewReturns(db, window),
  ]);
  return {
    status: 200,
    release,
    details: { bulletins, notices, previous, revisions, filed },
  };
}
