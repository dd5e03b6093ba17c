/**
 * National league tables computed when the data changes and read ready-made.
 *
 * A county or township table of the whole country ranks every region of that level: about
 * 2,900 and 40,000 of them, 11.5 MB of rollups read and 1.2 to 1.8 s for the township table
 * (npm run bench:national). The Cron Trigger writes the latest period's national tables of
 * those levels, for every indicator, to R2 as the API's own answer (one read of the
 * rollups per level), keyed by the data's version; the API answers a request for one of
 * them (no `within`, no `period`) with that file when it is there for the current version,
 * and computes it live otherwise. A file can be missing, never stale: a new version has no
 * files until the next run.
 */
import { readTogether } from "../db/json-rows.ts";
import { readDatasetMeta, type DatasetMeta } from "../db/meta.ts";
import { RANKING_INDICATORS, type RankingIndicator } from "../lib/rankings.ts";
import { rankingBody, rankingPlan, type RankingLevel } from "./rankings.ts";

/** Levels whose national tables are kept as files (the larger ones). */
export const FILED_LEVELS: readonly RankingLevel[] = ["county", "township"];

/** The data's version the files are kept under: its last update and its latest period. */
function versionOf(meta: DatasetMeta): string | null {
  return meta.lastUpdated && meta.latestPeriod ? `${meta.lastUpdated}|${meta.latestPeriod}` : null;
}

function folder(meta: DatasetMeta): string | null {
  const version = versionOf(meta);
  return version ? `league/${encodeURIComponent(version)}` : null;
}

/** The R2 key of a national table for the data `meta` describes, or null (no data). */
export function leagueFileKey(
  meta: DatasetMeta,
  level: RankingLevel,
  indicator: RankingIndicator,
): string | null {
  const base = folder(meta);
  return base ? `${base}/${level}/${indicator}.json` : null;
}

/**
 * Writes the national tables of FILED_LEVELS for the latest period, every indicator, unless
 * this version's are written already; the number of files written.
 */
export async function writeLeagueFiles(db: D1Database, bucket: R2Bucket): Promise<number> {
  const meta = await readDatasetMeta(db);
  const base = folder(meta);
  if (!base) return 0;
  const done = `${base}/done`;
  if (await bucket.head(done)) return 0;
  let written = 0;
  for (const level of FILED_LEVELS) {
    // The read is the same for every indicator: read once, shape ten times.
    const plans = RANKING_INDICATORS.map((indicator) =>
      rankingPlan({ level, indicator }, meta, null),
    );
    const rows = (await readTogether(db, { league: (plans[0] as (typeof plans)[number]).read }))
      .league;
    for (const [i, indicator] of RANKING_INDICATORS.entries()) {
      const ranking = (plans[i] as (typeof plans)[number]).shape(rows);
      await bucket.put(
        leagueFileKey(meta, level, indicator) as string,
        JSON.stringify(rankingBody(ranking)),
        { httpMetadata: { contentType: "application/json; charset=utf-8" } },
      );
      written++;
    }
  }
  await bucket.put(done, new Date().toISOString());
  return written;
}

/** The kept national table asked for, as its JSON body, or null (not filed, or not yet). */
export async function filedLeague(
  bucket: R2Bucket,
  meta: DatasetMeta,
  level: RankingLevel,
  indicator: RankingIndicator,
): Promise<ReadableStream | null> {
  if (!FILED_LEVELS.includes(level)) return null;
  const key = leagueFileKey(meta, level, indicator);
  const file = key ? await bucket.get(key) : null;
  return file?.body ?? null;
}
