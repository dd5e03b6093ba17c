/** Loads a bulletin for the public page (published and due only) or the editor's preview. */
import { findBulletin, type Bulletin } from "../db/bulletins.ts";
import { findRelease, listNotices, type Notice, type Release } from "../db/releases.ts";
import { chinaDate } from "../lib/china-time.ts";
import { loadBulletinView, type BulletinView } from "./bulletin-report.ts";

export interface BulletinPage {
  bulletin: Bulletin;
  release: Release;
  view: BulletinView;
  notices: Notice[];
}

/**
 * The bulletin with everything it shows. `publicOnly` hides drafts, scheduled bulletins
 * and anything whose publication time has not come, as if they did not exist.
 */
export async function loadBulletinPage(
  db: D1Database,
  id: number,
  now: string,
  publicOnly: boolean,
): Promise<BulletinPage | null> {
  const bulletin = await findBulletin(db, id);
  if (!bulletin) return null;
  if (
    publicOnly &&
    (bulletin.status !== "published" || !bulletin.published_at || bulletin.published_at > now)
  ) {
    return null;
  }
  const release = await findRelease(db, bulletin.release_id);
  if (!release) return null;
  const today = chinaDate(bulletin.published_at ?? now);
  const [view, notices] = await Promise.all([
    loadBulletinView(db, bulletin, release, today),
    listNotices(db, { bulletinId: id }),
  ]);
  return { bulletin, release, view, notices };
}
