/**
 * The region search index (region_search) for the sample regions: the same terms
 * (name, short name, pinyin, initials, substrings) that src/db/search.ts writes.
 */
import { codeRowid, searchTerms } from "../../src/lib/search-terms.ts";
import type { RegionIndex } from "./regions.ts";
import type { SqlValue } from "./sql.ts";

/** [table, columns, rows] for SqlWriter.insert. */
export function searchIndexRows(
  idx: RegionIndex,
): [string, readonly string[], readonly (readonly SqlValue[])[]] {
  const rows = idx.all.map((region) => {
    const { names, parts } = searchTerms(region.name);
    return [codeRowid(region.code), names.join(" "), parts.join(" ")];
  });
  return ["region_search", ["rowid", "names", "parts"], rows];
}
