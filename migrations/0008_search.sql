-- Region search (/search, /api/v1/search): an FTS5 index over each region's name, its name
-- without the administrative suffix (村委会, 镇, 县 …), their pinyin and pinyin initials, and
-- the suffixes of the short name (so 寨 finds 黎寨). Filled by src/db/search.ts (and the
-- sample loader) with terms from src/lib/search-terms.ts; pinyin cannot be computed in SQL,
-- so there are no triggers: whoever writes regions reindexes them.
--
-- rowid is the region's code as an integer. Codes have no leading zero, so a shorter code
-- is always a smaller number: rowid order is (level, code) order, which is the order results
-- are ranked in, and FTS5 returns matches in rowid order without sorting. Code prefixes are
-- looked up in regions through regions_by_level below.
--
-- names: whole-field terms (exact and prefix matches); parts: inner suffixes (substrings).
-- detail=column: queries are single terms, so positions are not needed. prefix: short
-- prefixes ("l", "lz") are looked up in a prefix index instead of merging many terms.
-- Note: `wrangler d1 export` refuses databases with FTS5 tables (see README).
CREATE VIRTUAL TABLE region_search USING fts5(
  names,
  parts,
  tokenize = 'unicode61 remove_diacritics 2',
  prefix = '1 2 3',
  detail = column
);

-- League tables (/rankings, /api/v1/rankings) list every region of one level, nationally or
-- within a subtree, and a code search wants the first codes of each level with a prefix:
-- both are an index seek on (level, code) instead of a scan of all regions.
CREATE INDEX regions_by_level ON regions (level, code);
