/**
 * What the projects, problems and targets reports of a region share: the region, the
 * data date their status is reckoned at, and facts about the data set.
 */
import { readDatasetMeta, type DatasetMeta } from "../db/meta.ts";
import { findRegion } from "../db/regions.ts";
import { dataDate, pageWindow, type Paging } from "../lib/activity.ts";
import { regionNotFound } from "../lib/errors.ts";
import type { RegionRef } from "./region-report.ts";

export interface ActivityContext {
  region: RegionRef;
  /** Status is as of this day (YYYY-MM-DD): the end of the latest period. */
  data_date: string | null;
  data_updated_at: string | null;
  sample_data: boolean;
}

/** Which page of a list to read; `clamp` moves a page past the end to the last one. */
export interface PageRequest {
  page: number;
  perPage: number;
  clamp: boolean;
}

export async function loadActivityContext(db: D1Database, code: string): Promise<ActivityContext> {
  const [region, meta] = await Promise.all([findRegion(db, code), readDatasetMeta(db)]);
  if (!region) {
    throw regionNotFound(code);
  }
  return activityContext(region, meta);
}

/** The context of a region already read (a page's model reads region and meta once). */
export function activityContext(region: RegionRef, meta: DatasetMeta): ActivityContext {
  return {
    region: { code: region.code, name: region.name, level: region.level, kind: region.kind },
    data_date: dataDate(meta.latestPeriod, meta.lastUpdated),
    data_updated_at: meta.lastUpdated,
    sample_data: meta.sampleData,
  };
}

/** The page to read: what the response says about it, and where its rows start. */
export function paging(total: number, request: PageRequest): { info: Paging; offset: number } {
  const { offset, ...info } = pageWindow(total, request.page, request.perPage, request.clamp);
  return { info, offset };
}

/** Counts for every key of a fixed list, zero where the data has none. */
export function countsFor<K extends string>(
  keys: readonly K[],
  rows: { key: K; count: number }[],
): Record<K, number> {
  const out = Object.fromEntries(keys.map((k) => [k, 0])) as Record<K, number>;
  for (const row of rows) out[row.key] += row.count;
  return out;
}

/**
 * A list's summary and the page asked for, read together (one round trip): the page is
 * read at the offset asked for while the summary counts the items, and read again only
 * when it lies past the end and is moved to the last page (`clamp`). `prefetched`: both,
 * already read at the offset asked for (a page's model reads every list in one statement).
 */
export async function summaryWithPage<S, P>(
  request: PageRequest,
  summary: () => Promise<S>,
  totalOf: (summary: S) => number,
  readPage: (perPage: number, offset: number) => Promise<P>,
  empty: P,
  prefetched?: { summary: S; page: P },
): Promise<{ summary: S; window: { info: Paging; offset: number }; rows: P }> {
  const guess = firstOffset(request);
  const [counted, guessed] = prefetched
    ? [prefetched.summary, prefetched.page]
    : await Promise.all([summary(), readPage(request.perPage, guess)]);
  const total = totalOf(counted);
  const window = paging(total, request);
  const rows =
    total === 0
      ? empty
      : window.offset === guess
        ? guessed
        : await readPage(window.info.per_page, window.offset);
  return { summary: counted, window, rows };
}

/** Where the page asked for starts, before it is known whether it lies past the end. */
export function firstOffset(request: PageRequest): number {
  return (Math.max(1, Math.floor(request.page)) - 1) * request.perPage;
}
