/**
 * The models of the search, bulletins and calendar pages: what each shows, loaded before
 * rendering in one wave of reads (counted, and kept together), so that the pages only
 * format. Each is the same data the matching API or feed serves.
 */
import { listPublishedBulletins } from "../db/bulletins.ts";
import { readDatasetMeta, type DatasetMeta } from "../db/meta.ts";
import { searchRegions, type SearchHit } from "../db/search.ts";
import { MAX_QUERY_LENGTH, parseQuery } from "../lib/search-terms.ts";
import { loadCalendar } from "../services/calendar.ts";

/** Most regions a search page lists. */
export const SEARCH_PAGE_LIMIT = 50;

export interface SearchModel {
  /** The search as typed (trimmed). */
  raw: string;
  tooLong: boolean;
  hits: SearchHit[];
  meta: DatasetMeta;
}

/** /search?q=: the regions the query finds, from the index /api/v1/search reads. */
export async function loadSearchModel(db: D1Database, url: URL): Promise<SearchModel> {
  const raw = (url.searchParams.get("q") ?? "").trim();
  const tooLong = [...raw].length > MAX_QUERY_LENGTH;
  const query = raw && !tooLong ? parseQuery(raw) : null;
  const [meta, hits] = await Promise.all([
    readDatasetMeta(db),
    query ? searchRegions(db, query, SEARCH_PAGE_LIMIT) : Promise.resolve([] as SearchHit[]),
  ]);
  return { raw, tooLong, hits, meta };
}

export interface BulletinListModel {
  bulletins: Awaited<ReturnType<typeof listPublishedBulletins>>;
  meta: DatasetMeta;
}

/** /bulletins: the published bulletins, newest first. */
export async function loadBulletinListModel(db: D1Database): Promise<BulletinListModel> {
  const now = new Date().toISOString();
  const [bulletins, meta] = await Promise.all([
    listPublishedBulletins(db, now),
    readDatasetMeta(db),
  ]);
  return { bulletins, meta };
}

export interface CalendarModel {
  calendar: Awaited<ReturnType<typeof loadCalendar>>;
  meta: DatasetMeta;
}

/** /calendar: the next 12 months and every past release. */
export async function loadCalendarModel(db: D1Database): Promise<CalendarModel> {
  const now = new Date().toISOString();
  const [calendar, meta] = await Promise.all([loadCalendar(db, now), readDatasetMeta(db)]);
  return { calendar, meta };
}
