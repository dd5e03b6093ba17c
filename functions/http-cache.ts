/**
 * Which data a request reads (a published release, or live data) and its HTTP caching.
 * A release's data never changes, so it is cached for a year and marked immutable; live
 * data for five minutes. Both carry an ETag made from the request and the data's version
 * (the release's freeze moment, or dataset_meta.last_updated, which every write bumps) and
 * the build's identity, so a revalidation gets 304 without reading the data, and a deploy
 * that changes an answer is never hidden behind the copy cached before it.
 */
import type { Context } from "hono";
import { readDatasetMeta } from "../src/db/meta.ts";
import { dataStamp } from "../src/lib/build.ts";
import { findPublishedRelease } from "../src/db/releases.ts";
import { NotFoundError } from "../src/lib/errors.ts";

export const LIVE_CACHE = "public, max-age=300";
export const RELEASE_CACHE = "public, max-age=31536000, immutable";

/** The data a request reads. */
export interface DataVersion {
  /** The release's period, or "live". */
  release: string;
  releasePublishedAt: string | null;
  /** The freeze moment of the release (null for live data). */
  asOf: string | null;
  /** When the data was last updated: the freeze moment, or the last write. */
  dataUpdatedAt: string | null;
  sampleData: boolean;
}

/** Resolves `release` (a period) to its freeze moment; live data when absent. */
export async function resolveVersion(
  db: D1Database,
  release: string | undefined,
): Promise<DataVersion> {
  const meta = await readDatasetMeta(db);
  if (!release) {
    return {
      release: "live",
      releasePublishedAt: null,
      asOf: null,
      dataUpdatedAt: meta.lastUpdated,
      sampleData: meta.sampleData,
    };
  }
  const found = await findPublishedRelease(db, release);
  if (!found?.published_at) {
    throw new NotFoundError(
      `No published release for ${release}; releases are named by the period they report, e.g. 2026-10 (see /api/v1/datasets/releases.json).`,
      `没有已发布的 ${release} 月度发布；发布以统计期命名，例如 2026-10。`,
    );
  }
  return {
    release,
    releasePublishedAt: found.published_at,
    asOf: found.published_at,
    dataUpdatedAt: found.published_at,
    sampleData: meta.sampleData,
  };
}

async function sha256Hex(text: string): Promise<string> {
  const digest = await crypto.subtle.digest("SHA-256", new TextEncoder().encode(text));
  return [...new Uint8Array(digest)]
    .slice(0, 16)
    .map((b) => b.toString(16).padStart(2, "0"))
    .join("");
}

/** Does If-None-Match name this ETag? (weak comparison, as RFC 9110 says for GET) */
function matches(header: string | undefined, etag: string): boolean {
  if (!header) return false;
  if (header.trim() === "*") return true;
  const bare = etag.replace(/^W\//, "");
  return header.split(",").some((tag) => tag.trim().replace(/^W\//, "") === bare);
}

/**
 * What identifies the data of `version`: the release's freeze moment, or the live data's
 * last update. The ETag is made from it, and so is the key of a cached export size
 * (src/db/export-sizes.ts): whatever changes one changes the other.
 */
export function versionStamp(version: DataVersion): string {
  return dataStamp(version.asOf, version.dataUpdatedAt);
}

/**
 * Sets Cache-Control and ETag for a response about `version`; returns a 304 response
 * when the client already holds it, else null (the caller goes on to build the body).
 */
export async function cacheOrNotModified(
  c: Context,
  version: DataVersion,
): Promise<Response | null> {
  const url = new URL(c.req.url);
  const query = [...url.searchParams].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  const etag = `"${await sha256Hex(`v1|${url.pathname}|${JSON.stringify(query)}|${versionStamp(version)}`)}"`;
  const cacheControl = version.asOf ? RELEASE_CACHE : LIVE_CACHE;
  if (matches(c.req.header("If-None-Match"), etag)) {
    return new Response(null, {
      status: 304,
      headers: { ETag: etag, "Cache-Control": cacheControl },
    });
  }
  c.header("ETag", etag);
  c.header("Cache-Control", cacheControl);
  return null;
}
