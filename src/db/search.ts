/**
 * The region search index (region_search, FTS5; migrations/0008_search.sql): queries and
 * (re)indexing. Results are ranked exact match first, then higher levels, then by code;
 * rowid order is (level, code) order, so each query reads only the first rows it returns.
 * Code prefixes are looked up in regions (level, code) instead: a seek, not an FTS scan.
 */
import type { Level } from "../lib/codes.ts";
import { ancestorCodes } from "../lib/codes.ts";
import {
  ABOVE_VILLAGE_ROWID_LIMIT,
  codeLevels,
  codeRowid,
  matchExpressions,
  pathSegments,
  readPath,
  searchTerms,
  segmentsMatch,
  subtreeRowidRanges,
  type SearchQuery,
} from "../lib/search-terms.ts";
import type { RegionKind } from "./regions.ts";

export interface SearchHit {
  code: string;
  name: string;
  level: Level;
  kind: RegionKind;
  /** Its ancestors, province first (to tell apart the many 新村 of a country). */
  parents: { code: string; name: string }[];
}

/** Statements for the index rowids matching `term` (exact first, then prefix), optionally within rowid ranges. */
function termStatements(
  db: D1Database,
  term: string,
  limit: number,
  ranges: readonly [number, number][] = [],
): D1PreparedStatement[] {
  const within = ranges.map((_, i) => `rowid BETWEEN ?${2 * i + 3} AND ?${2 * i + 4}`).join(" OR ");
  return Object.values(matchExpressions(term)).map((match) =>
    db
      .prepare(
        `SELECT rowid AS id FROM region_search WHERE region_search MATCH ?1
         ${within ? `AND (${within})` : ""} ORDER BY rowid LIMIT ?2`,
      )
      .bind(match, limit, ...ranges.flat()),
  );
}

/** The places above village level named exactly by any segment of a path query. */
function pathPlacesStatement(db: D1Database, segments: string[]): D1PreparedStatement {
  return db
    .prepare(
      `SELECT code, name FROM regions WHERE code IN (
         SELECT CAST(rowid AS TEXT) FROM region_search
         WHERE region_search MATCH ?1 AND rowid < ?2 LIMIT 500)`,
    )
    .bind(segmentsMatch(segments), ABOVE_VILLAGE_ROWID_LIMIT);
}

/** Codes from rowid results, in order, without repeats. */
function codesOf(results: readonly D1Result<{ id: number }>[], into: string[] = []): string[] {
  for (const { results: rows } of results) {
    for (const { id } of rows) {
      const code = String(id);
      if (!into.includes(code)) into.push(code);
    }
  }
  return into;
}

/**
 * Codes of the best `limit` matches, in rank order: one round trip, and a second only for
 * a place written after its parents (藤县黎寨: 黎寨 is then looked for within 藤县).
 */
async function matchingCodes(db: D1Database, query: SearchQuery, limit: number) {
  if (query.kind === "code") {
    // Per level, an index seek on regions (level, code): the first codes with the prefix.
    const results = await db.batch<{ id: number }>(
      codeLevels(query.digits).map((level) =>
        db
          .prepare(
            `SELECT CAST(code AS INTEGER) AS id FROM regions
             WHERE level = ?1 AND code >= ?2 AND code < ?2 || '~' ORDER BY code LIMIT ?3`,
          )
          .bind(level, query.digits, limit),
      ),
    );
    return codesOf(results).slice(0, limit);
  }
  const segments = pathSegments(query.term);
  const statements = termStatements(db, query.term, limit);
  if (segments.length > 0) statements.push(pathPlacesStatement(db, segments));
  // The exact statement comes first; the path's places (if asked for) last.
  const results = await db.batch<Record<string, unknown>>(statements);
  const [exact, prefix, places] = results as [
    D1Result<{ id: number }>,
    D1Result<{ id: number }>,
    D1Result<{ code: string; name: string }> | undefined,
  ];
  const plain = codesOf([exact, prefix]);
  const path = exact.results.length === 0 && places ? readPath(query.term, places.results) : null;
  if (!path) return plain.slice(0, limit);
  const found = path.rest
    ? codesOf(
        await db.batch<{ id: number }>(
          termStatements(db, path.rest, limit, path.codes.slice(0, 3).flatMap(subtreeRowidRanges)),
        ),
      )
    : [...path.codes];
  return codesOf([prefix], found).slice(0, limit);
}

/** The regions matching a query, best first, at most `limit` (≤ 50). */
export async function searchRegions(
  db: D1Database,
  query: SearchQuery,
  limit: number,
): Promise<SearchHit[]> {
  const codes = await matchingCodes(db, query, limit);
  if (codes.length === 0) return [];
  const wanted = [...new Set([...codes, ...codes.flatMap(ancestorCodes)])];
  // One parameter however many codes: json_each expands the list in SQL.
  const { results } = await db
    .prepare(
      "SELECT code, name, level, kind FROM regions WHERE code IN (SELECT value FROM json_each(?1))",
    )
    .bind(JSON.stringify(wanted))
    .all<{ code: string; name: string; level: Level; kind: RegionKind }>();
  const byCode = new Map(results.map((r) => [r.code, r]));
  return codes.flatMap((code) => {
    const region = byCode.get(code);
    if (!region) return []; // indexed but since removed from regions
    const parents = ancestorCodes(code).flatMap((c) => {
      const parent = byCode.get(c);
      return parent ? [{ code: parent.code, name: parent.name }] : [];
    });
    return [{ ...region, parents }];
  });
}

/** Statements that (re)index regions: run them in a batch with the write that changed them. */
export function searchIndexStatements(
  db: D1Database,
  regions: readonly { code: string; name: string }[],
): D1PreparedStatement[] {
  return regions.flatMap(({ code, name }) => {
    const { names, parts } = searchTerms(name);
    const rowid = codeRowid(code);
    return [
      db.prepare("DELETE FROM region_search WHERE rowid = ?1").bind(rowid),
      db
        .prepare("INSERT INTO region_search (rowid, names, parts) VALUES (?1, ?2, ?3)")
        .bind(rowid, names.join(" "), parts.join(" ")),
    ];
  });
}

/** (Re)indexes regions, a few hundred statements per batch. */
export async function reindexRegions(
  db: D1Database,
  regions: readonly { code: string; name: string }[],
): Promise<void> {
  const CHUNK = 200;
  for (let i = 0; i < regions.length; i += CHUNK) {
    await db.batch(searchIndexStatements(db, regions.slice(i, i + CHUNK)));
  }
}

/** Reindexes every region under `code` (itself included), e.g. after loading a subtree. */
export async function reindexSubtree(db: D1Database, code: string): Promise<number> {
  const { results } = await db
    .prepare("SELECT code, name FROM regions WHERE code >= ?1 AND code < ?1 || '~'")
    .bind(code)
    .all<{ code: string; name: string }>();
  await reindexRegions(db, results);
  return results.length;
}
